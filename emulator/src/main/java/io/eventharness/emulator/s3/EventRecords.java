package io.eventharness.emulator.s3;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.eventharness.emulator.core.Account;
import io.eventharness.emulator.core.Json;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The JSON S3 sends to notification destinations, shaped as AWS records it ("Event message structure" in the S3
 * user guide, and AWS's own recordings): an event's {@code Records} with one record, and the {@code s3:TestEvent}
 * message a destination gets when a configuration naming it is saved.
 */
final class EventRecords {
    /** ISO-8601 with milliseconds, as {@code eventTime} and the test message's {@code Time} carry it. */
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);
    /** The emulator's clients are local: every request comes from here, as far as S3 records it. */
    static final String SOURCE_IP = "127.0.0.1";

    private EventRecords() {
    }

    /** {@code {"Records":[record]}} for one matching configuration. */
    static String records(ObjectEvent e, String configurationId) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        ObjectNode r = root.putArray("Records").addObject();
        r.put("eventVersion", e.eventVersion());
        r.put("eventSource", "aws:s3");
        r.put("awsRegion", e.region());
        r.put("eventTime", TIME.format(e.time()));
        r.put("eventName", e.eventName());
        r.putObject("userIdentity").put("principalId", BucketOwner.PRINCIPAL_ID);
        r.putObject("requestParameters").put("sourceIPAddress", SOURCE_IP);
        r.putObject("responseElements").put("x-amz-request-id", e.requestId()).put("x-amz-id-2", e.requestId());
        ObjectNode s3 = r.putObject("s3");
        s3.put("s3SchemaVersion", "1.0");
        s3.put("configurationId", configurationId);
        ObjectNode bucket = s3.putObject("bucket");
        bucket.put("name", e.bucket());
        bucket.putObject("ownerIdentity").put("principalId", BucketOwner.PRINCIPAL_ID);
        bucket.put("arn", "arn:aws:s3:::" + e.bucket());
        ObjectNode object = s3.putObject("object");
        object.put("key", encodeKey(e.key()));
        if (e.size() != null) {
            object.put("size", e.size());
        }
        if (e.etag() != null) {
            object.put("eTag", e.etag());
        }
        if (e.versionId() != null) {
            object.put("versionId", e.versionId());
        }
        if (e.sequencer() != null) {
            object.put("sequencer", e.sequencer());
        }
        return root.toString();
    }

    /**
     * The EventBridge event of an object event, for a bucket whose configuration has {@code EventBridgeConfiguration}
     * ("Amazon S3 events delivered to EventBridge" in the S3 user guide, and AWS's recording of them): {@code Object
     * Created}, {@code Object Deleted}, {@code Object Tags Added} or {@code Object Tags Deleted}, with the key as
     * stored (not URL-encoded, unlike a notification record). The bus fills in {@code version}, {@code id},
     * {@code account} and {@code region}.
     */
    static String eventBridge(ObjectEvent e) {
        ObjectNode event = Json.MAPPER.createObjectNode();
        event.put("source", "aws.s3");
        event.put("detail-type", detailType(e.eventName()));
        event.put("time", e.time().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
        event.putArray("resources").add("arn:aws:s3:::" + e.bucket());
        ObjectNode detail = event.putObject("detail");
        detail.put("version", "0");
        detail.putObject("bucket").put("name", e.bucket());
        ObjectNode object = detail.putObject("object");
        object.put("key", e.key());
        if (e.size() != null) {
            object.put("size", e.size());
        }
        if (e.etag() != null) {
            object.put("etag", e.etag());
        }
        if (e.versionId() != null) {
            object.put("version-id", e.versionId());
        }
        if (e.sequencer() != null) {
            object.put("sequencer", e.sequencer());
        }
        detail.put("request-id", e.requestId());
        detail.put("requester", Account.ID);
        detail.put("source-ip-address", SOURCE_IP);
        switch (e.eventName()) {
            case "ObjectRemoved:Delete" -> detail.put("reason", "DeleteObject").put("deletion-type", "Permanently Deleted");
            case "ObjectRemoved:DeleteMarkerCreated" -> detail.put("reason", "DeleteObject").put("deletion-type", "Delete Marker Created");
            case "ObjectCreated:Put" -> detail.put("reason", "PutObject");
            case "ObjectCreated:Post" -> detail.put("reason", "POST Object");
            case "ObjectCreated:Copy" -> detail.put("reason", "CopyObject");
            case "ObjectCreated:CompleteMultipartUpload" -> detail.put("reason", "CompleteMultipartUpload");
            default -> { } // tagging events carry no reason
        }
        return event.toString();
    }

    /** The EventBridge detail type of an object event. */
    static String detailType(String eventName) {
        return switch (eventName) {
            case "ObjectTagging:Put" -> "Object Tags Added";
            case "ObjectTagging:Delete" -> "Object Tags Deleted";
            default -> eventName.startsWith("ObjectRemoved:") ? "Object Deleted" : "Object Created";
        };
    }

    /** The message S3 sends a queue or topic when a configuration naming it is saved. */
    static String testEvent(String bucket, Instant time, String requestId) {
        ObjectNode m = Json.MAPPER.createObjectNode();
        m.put("Service", "Amazon S3");
        m.put("Event", "s3:TestEvent");
        m.put("Time", TIME.format(time));
        m.put("Bucket", bucket);
        m.put("RequestId", requestId);
        m.put("HostId", requestId);
        return m.toString();
    }

    /**
     * The key as records carry it: form-encoded, {@code red flower.jpg} as {@code red+flower.jpg}, {@code a@b} as
     * {@code a%40b}, a slash as {@code %2F}.
     */
    static String encodeKey(String key) {
        return URLEncoder.encode(key, StandardCharsets.UTF_8);
    }
}
