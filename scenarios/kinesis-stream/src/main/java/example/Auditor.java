package example;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Writes an audit trail of a table's changes, one JSON object per stream record in the bucket {@code AUDIT_BUCKET}:
 * {@code <table>/<sequence number, 40 digits>-<INSERT|MODIFY|REMOVE>.json} holding the event's name, the item's keys, its
 * old and new images as the table's {@code StreamViewType} gives them (plain JSON: strings, numbers, lists, maps) and,
 * for an item that Time to Live deleted, who deleted it ({@code userIdentity}). Objects sort in the stream's order.
 * A record that cannot be written is reported ({@code StreamsEventResponse}) and retried from there.
 */
public class Auditor implements RequestHandler<DynamodbEvent, StreamsEventResponse> {
    private static final S3Client S3 = S3Client.builder().httpClient(UrlConnectionHttpClient.create())
            .forcePathStyle(System.getenv("AWS_ENDPOINT_URL") != null).build();
    private static final String BUCKET = System.getenv("AUDIT_BUCKET");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
        for (DynamodbEvent.DynamodbStreamRecord r : event.getRecords()) {
            StreamRecord change = r.getDynamodb();
            String table = tableOf(r.getEventSourceARN());
            ObjectNode audit = JSON.createObjectNode();
            audit.put("eventName", r.getEventName());
            audit.put("table", table);
            audit.put("sequenceNumber", change.getSequenceNumber());
            audit.put("streamViewType", change.getStreamViewType());
            audit.set("keys", plain(change.getKeys()));
            if (change.getOldImage() != null) {
                audit.set("oldImage", plain(change.getOldImage()));
            }
            if (change.getNewImage() != null) {
                audit.set("newImage", plain(change.getNewImage()));
            }
            if (r.getUserIdentity() != null) {
                audit.putObject("userIdentity").put("type", r.getUserIdentity().getType())
                        .put("principalId", r.getUserIdentity().getPrincipalId());
            }
            String key = table + "/" + "0".repeat(Math.max(0, 40 - change.getSequenceNumber().length())) + change.getSequenceNumber()
                    + "-" + r.getEventName() + ".json";
            try {
                S3.putObject(b -> b.bucket(BUCKET).key(key).contentType("application/json"), RequestBody.fromString(audit.toString()));
            } catch (RuntimeException e) {
                System.out.println("could not audit " + key + ": " + e);
                return new StreamsEventResponse(List.of(new StreamsEventResponse.BatchItemFailure(change.getSequenceNumber())));
            }
            System.out.println("audited " + r.getEventName() + " of " + audit.get("keys") + " in " + table);
        }
        return new StreamsEventResponse(List.of());
    }

    /** The table's name in its stream's ARN: {@code arn:aws:dynamodb:<region>:<account>:table/<name>/stream/<label>}. */
    static String tableOf(String streamArn) {
        String resource = streamArn.split(":", 6)[5];
        return resource.split("/")[1];
    }

    /** An item's attributes as plain JSON. */
    static ObjectNode plain(Map<String, AttributeValue> item) {
        ObjectNode o = JSON.createObjectNode();
        if (item != null) {
            item.forEach((name, v) -> o.set(name, plain(v)));
        }
        return o;
    }

    private static JsonNode plain(AttributeValue v) {
        if (v.getS() != null) {
            return JSON.getNodeFactory().textNode(v.getS());
        } else if (v.getN() != null) {
            return JSON.getNodeFactory().numberNode(new BigDecimal(v.getN()));
        } else if (v.getBOOL() != null) {
            return JSON.getNodeFactory().booleanNode(v.getBOOL());
        } else if (v.getL() != null) {
            ArrayNode a = JSON.createArrayNode();
            v.getL().forEach(x -> a.add(plain(x)));
            return a;
        } else if (v.getM() != null) {
            return plain(v.getM());
        } else if (v.getSS() != null) {
            ArrayNode a = JSON.createArrayNode();
            v.getSS().forEach(a::add);
            return a;
        } else if (v.getNS() != null) {
            ArrayNode a = JSON.createArrayNode();
            v.getNS().forEach(x -> a.add(new BigDecimal(x)));
            return a;
        }
        return JSON.getNodeFactory().nullNode();
    }
}
