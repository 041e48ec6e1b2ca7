package example;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Consumes batches of orders from SQS queues fed by an SNS topic, enveloped (the order is the envelope's
 * {@code Message}) or raw (the body is the order), and reports each one to the queue it names ({@code replyTo}).
 * Orders fail on request, to show what the event source mapping does with failures: {@code "fail": "once"} fails on
 * the first receive only, {@code "fail": "always"} every time (a poison message); {@code "holdMillis"} keeps the
 * invocation busy that long. Failed messages are reported in {@code batchItemFailures} (the mapping needs
 * {@code ReportBatchItemFailures} to honour that; without it any failure fails the whole batch).
 */
public class OrderProcessor implements RequestHandler<SQSEvent, SQSBatchResponse> {

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        long start = System.currentTimeMillis();
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        for (SQSMessage m : event.getRecords()) {
            JsonNode body = read(m.getBody());
            boolean enveloped = "Notification".equals(body.path("Type").asText()) && body.has("TopicArn");
            JsonNode order = enveloped ? read(body.path("Message").asText()) : body;
            int receive = Integer.parseInt(m.getAttributes().get("ApproximateReceiveCount"));
            String fail = order.path("fail").asText("");
            String queue = queueName(m.getEventSourceArn());
            if (fail.equals("always") || fail.equals("once") && receive == 1) {
                System.out.println("order " + order.path("id").asText() + " from " + queue + " (receive " + receive + "): failed");
                failures.add(SQSBatchResponse.BatchItemFailure.builder().withItemIdentifier(m.getMessageId()).build());
                continue;
            }
            hold(order.path("holdMillis").asLong(0));
            ObjectNode reply = Replies.JSON.createObjectNode();
            reply.put("order", order.path("id").asText());
            reply.put("total", order.path("total").asDouble());
            reply.put("via", enveloped ? "envelope" : "raw");
            reply.put("queue", queue);
            reply.put("receiveCount", receive);
            reply.put("batchSize", event.getRecords().size());
            reply.put("start", start);
            reply.put("end", System.currentTimeMillis());
            Replies.send(order.path("replyTo").asText(), reply);
            System.out.println("order " + order.path("id").asText() + " from " + queue + " (receive " + receive + "): ok");
        }
        System.out.println("batch of " + event.getRecords().size() + ", batchItemFailures: "
                + failures.stream().map(SQSBatchResponse.BatchItemFailure::getItemIdentifier).toList());
        return SQSBatchResponse.builder().withBatchItemFailures(failures).build();
    }

    private static JsonNode read(String json) {
        try {
            return Replies.JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not an order: " + json, e);
        }
    }

    /** The queue's name: the last part of its ARN ({@code arn:aws:sqs:<region>:<account>:<name>}). */
    private static String queueName(String arn) {
        String[] parts = arn.split(":", 6);
        return parts[5];
    }

    private static void hold(long millis) {
        if (millis <= 0) {
            return;
        }
        try {
            Thread.sleep(millis); // stands for work that takes time
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
