package example;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import com.amazonaws.services.lambda.runtime.events.SNSEvent.SNSRecord;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Subscribed to the topic directly: reports each notification (subject, message, message attributes) to the queue
 * the message names ({@code replyTo}). A message with {@code "explode": true} fails the invocation: SNS invokes
 * asynchronously, so Lambda retries it twice, then the function's dead-letter queue gets the event.
 */
public class SnsAuditor implements RequestHandler<SNSEvent, String> {

    @Override
    public String handleRequest(SNSEvent event, Context context) {
        for (SNSRecord r : event.getRecords()) {
            SNSEvent.SNS sns = r.getSNS();
            JsonNode message = read(sns.getMessage());
            if (message.path("explode").asBoolean()) {
                throw new IllegalStateException("exploded on " + sns.getMessageId());
            }
            ObjectNode reply = Replies.JSON.createObjectNode();
            reply.put("subject", sns.getSubject());
            reply.put("message", sns.getMessage());
            reply.put("topic", sns.getTopicArn());
            ObjectNode attributes = reply.putObject("attributes");
            sns.getMessageAttributes().forEach((name, a) -> attributes.putObject(name).put("Type", a.getType()).put("Value", a.getValue()));
            Replies.send(message.path("replyTo").asText(), reply);
            System.out.println("audited " + sns.getMessageId() + " (" + sns.getSubject() + ")");
        }
        return "audited " + event.getRecords().size();
    }

    private static JsonNode read(String json) {
        try {
            return Replies.JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + json, e);
        }
    }
}
