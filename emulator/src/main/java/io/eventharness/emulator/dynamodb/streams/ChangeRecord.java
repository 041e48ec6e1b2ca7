package io.eventharness.emulator.dynamodb.streams;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.eventharness.emulator.core.Arn;
import io.eventharness.emulator.core.Json;
import io.eventharness.emulator.protocol.JsonShapes;
import java.time.Instant;
import software.amazon.awssdk.services.dynamodb.model.Record;

/**
 * One stream record, where it is kept, and the record itself as the Streams API's GetRecords returns it: {@code
 * eventID}, {@code eventName}, {@code eventVersion} 1.1, {@code eventSource} aws:dynamodb, {@code awsRegion},
 * {@code dynamodb{ApproximateCreationDateTime, Keys, NewImage?, OldImage?, SequenceNumber, SizeBytes,
 * StreamViewType}} and, for a Time to Live deletion, {@code userIdentity{PrincipalId dynamodb.amazonaws.com, Type
 * Service}}.
 *
 * @param streamArn the stream's ARN ({@code arn:aws:dynamodb:<region>:<account>:table/<t>/stream/<label>})
 * @param shardId   the shard that holds it
 * @param record    the record
 * @param arrival   when the stream took it, on the emulator's clock, to the millisecond (the record's
 *                  {@code ApproximateCreationDateTime} is this time to the second)
 */
public record ChangeRecord(Arn streamArn, String shardId, Record record, Instant arrival) {

    public String sequenceNumber() {
        return record.dynamodb().sequenceNumber();
    }

    /**
     * The record as a Lambda function gets it from an event source mapping: the GetRecords record, its creation time
     * in whole epoch seconds, {@code eventSourceARN} added, and {@code userIdentity} spelled as Lambda events spell it
     * ({@code {"type":"Service","principalId":"dynamodb.amazonaws.com"}}).
     */
    public ObjectNode toLambdaEvent() {
        ObjectNode wire = JsonShapes.JSON.write(record);
        ObjectNode out = Json.MAPPER.createObjectNode();
        for (String f : new String[]{"eventID", "eventName", "eventVersion", "eventSource", "awsRegion"}) {
            out.set(f, wire.get(f));
        }
        ObjectNode ddb = (ObjectNode) wire.get("dynamodb");
        ddb.put("ApproximateCreationDateTime", record.dynamodb().approximateCreationDateTime().getEpochSecond());
        out.set("dynamodb", ddb);
        out.put("eventSourceARN", streamArn.toString());
        if (record.userIdentity() != null) {
            out.putObject("userIdentity").put("type", record.userIdentity().type())
                    .put("principalId", record.userIdentity().principalId());
        }
        return out;
    }
}
