package io.eventharness.emulator.lambda.mappings;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.eventharness.emulator.core.Arn;
import io.eventharness.emulator.core.Json;
import io.eventharness.emulator.delivery.Message;
import io.eventharness.emulator.delivery.QueueMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The SQS event as a mapping's function receives it, field for field as AWS records it
 * (<a href="https://docs.aws.amazon.com/lambda/latest/dg/with-sqs.html">Using Lambda with Amazon SQS</a>):
 * {@code {"Records": [{messageId, receiptHandle, body, attributes, messageAttributes, md5OfMessageAttributes, md5OfBody,
 * eventSource, eventSourceARN, awsRegion}]}}, and the function's partial batch response.
 */
final class SqsRecords {
    private static final byte[] HEAD = "{\"Records\":[".getBytes(StandardCharsets.UTF_8);
    private static final byte[] TAIL = "]}".getBytes(StandardCharsets.UTF_8);

    private SqsRecords() {
    }

    /** One record; {@code md5OfMessageAttributes} is null and {@code messageAttributes} empty without attributes. */
    static ObjectNode record(QueueMessage m, Arn queue) {
        ObjectNode r = Json.MAPPER.createObjectNode();
        r.put("messageId", m.messageId());
        r.put("receiptHandle", m.receiptHandle());
        r.put("body", m.body());
        ObjectNode attributes = r.putObject("attributes");
        m.attributes().forEach(attributes::put);
        ObjectNode attrs = r.putObject("messageAttributes");
        for (Map.Entry<String, Message.Attribute> e : m.messageAttributes().entrySet()) {
            Message.Attribute a = e.getValue();
            ObjectNode n = attrs.putObject(e.getKey());
            if (a.binaryValue() != null) {
                n.put("binaryValue", Base64.getEncoder().encodeToString(a.binaryValue()));
            } else {
                n.put("stringValue", a.stringValue());
            }
            n.putArray("stringListValues");
            n.putArray("binaryListValues");
            n.put("dataType", a.dataType());
        }
        if (m.md5OfMessageAttributes() == null) {
            r.putNull("md5OfMessageAttributes");
        } else {
            r.put("md5OfMessageAttributes", m.md5OfMessageAttributes());
        }
        r.put("md5OfBody", m.md5OfBody());
        r.put("eventSource", "aws:sqs");
        r.put("eventSourceARN", queue.toString());
        r.put("awsRegion", queue.region());
        return r;
    }

    /**
     * The record as filters see it: a body that is JSON as that JSON, any other body as its text
     * (<a href="https://docs.aws.amazon.com/lambda/latest/dg/with-sqs-filtering.html">SQS filtering</a>: a JSON
     * pattern on {@code body} does not match a plain-text body, nor a plain-text pattern a JSON one).
     */
    static JsonNode filterView(ObjectNode record) {
        String body = record.path("body").asText();
        JsonNode parsed;
        try {
            parsed = Json.STRICT.readTree(body);
        } catch (IOException notJson) {
            return record;
        }
        if (parsed == null || parsed.isMissingNode()) {
            return record;
        }
        ObjectNode view = record.deepCopy();
        view.set("body", parsed);
        return view;
    }

    static byte[] bytes(JsonNode n) {
        try {
            return Json.MAPPER.writeValueAsBytes(n);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code {"Records":[...]}} of records already written. */
    static byte[] event(List<byte[]> records) {
        int size = HEAD.length + TAIL.length + Math.max(0, records.size() - 1);
        for (byte[] r : records) {
            size += r.length;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(size);
        out.writeBytes(HEAD);
        for (int i = 0; i < records.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.writeBytes(records.get(i));
        }
        out.writeBytes(TAIL);
        return out.toByteArray();
    }

    /**
     * The message ids a function reported failed with {@code ReportBatchItemFailures}
     * (<a href="https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-errorhandling.html">partial batch
     * responses</a>): none for an empty or {@code null} response, {@code {}}, or a {@code batchItemFailures} that is
     * absent, {@code null} or empty; null (the whole batch failed) for a response that is not JSON or not an object, a
     * {@code batchItemFailures} that is not a list, or an entry whose {@code itemIdentifier} is missing (a key of
     * another name), null, empty, not a string, or not the id of a message of the batch.
     */
    static Set<String> reportedFailures(byte[] payload, Set<String> batchIds) {
        String text = new String(payload, StandardCharsets.UTF_8).trim();
        if (text.isEmpty()) {
            return Set.of();
        }
        JsonNode doc;
        try {
            doc = Json.STRICT.readTree(text);
        } catch (IOException e) {
            return null;
        }
        if (doc == null || doc.isNull()) {
            return Set.of();
        }
        if (!doc.isObject()) {
            return null;
        }
        JsonNode failures = doc.get("batchItemFailures");
        if (failures == null || failures.isNull()) {
            return Set.of();
        }
        if (!failures.isArray()) {
            return null;
        }
        Set<String> ids = new HashSet<>();
        for (JsonNode f : (ArrayNode) failures) {
            JsonNode id = f.isObject() ? f.get("itemIdentifier") : null;
            if (id == null || !id.isTextual() || id.asText().isEmpty() || !batchIds.contains(id.asText())) {
                return null;
            }
            ids.add(id.asText());
        }
        return ids;
    }
}
