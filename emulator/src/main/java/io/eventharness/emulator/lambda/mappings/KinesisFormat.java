package io.eventharness.emulator.lambda.mappings;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.eventharness.emulator.core.Arn;
import io.eventharness.emulator.core.Json;
import io.eventharness.emulator.delivery.StreamRecord;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;

/**
 * Kinesis records as a mapping's function gets them, field for field as AWS records them
 * (<a href="https://docs.aws.amazon.com/lambda/latest/dg/with-kinesis.html">Using Lambda with Kinesis</a>):
 * {@code {kinesis{kinesisSchemaVersion, partitionKey, sequenceNumber, data (base64), approximateArrivalTimestamp (epoch
 * seconds with milliseconds)}, eventSource, eventVersion, eventID (shardId:sequenceNumber), eventName,
 * invokeIdentityArn (the function's role), awsRegion, eventSourceARN}}. Filters see the {@code kinesis} fields at the
 * top, {@code data} decoded when it is JSON.
 */
final class KinesisFormat implements StreamFormat {
    private static final DateTimeFormatter MILLIS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    @Override
    public String service() {
        return "kinesis";
    }

    @Override
    public String batchInfoKey() {
        return "KinesisBatchInfo";
    }

    @Override
    public String arrivalText(Instant arrival) {
        return MILLIS.format(arrival);
    }

    @Override
    public boolean atTimestamp() {
        return true;
    }

    @Override
    public String dataKey() {
        return "data";
    }

    @Override
    public byte[] record(StreamRecord r, Arn stream, Arn role) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(r.data().length * 4 / 3 + 512);
        try (JsonGenerator g = Json.MAPPER.getFactory().createGenerator(out)) {
            g.writeStartObject();
            g.writeObjectFieldStart("kinesis");
            g.writeStringField("kinesisSchemaVersion", "1.0");
            g.writeStringField("partitionKey", r.partitionKey());
            g.writeStringField("sequenceNumber", r.sequenceNumber());
            g.writeStringField("data", Base64.getEncoder().encodeToString(r.data()));
            g.writeFieldName("approximateArrivalTimestamp");
            g.writeNumber(BigDecimal.valueOf(r.arrival().toEpochMilli(), 3));
            g.writeEndObject();
            g.writeStringField("eventSource", "aws:kinesis");
            g.writeStringField("eventVersion", "1.0");
            g.writeStringField("eventID", r.shardId() + ":" + r.sequenceNumber());
            g.writeStringField("eventName", "aws:kinesis:record");
            g.writeStringField("invokeIdentityArn", role == null ? null : role.toString());
            g.writeStringField("awsRegion", stream.region());
            g.writeStringField("eventSourceARN", stream.toString());
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    @Override
    public JsonNode filterView(StreamRecord r, byte[] record) {
        ObjectNode view;
        try {
            view = (ObjectNode) Json.MAPPER.readTree(record);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ObjectNode kinesis = (ObjectNode) view.remove("kinesis");
        kinesis.fields().forEachRemaining(f -> view.set(f.getKey(), f.getValue()));
        JsonNode data = JsonText.parse(r.data());
        if (data != null) {
            view.set("data", data);
        }
        return view;
    }
}
