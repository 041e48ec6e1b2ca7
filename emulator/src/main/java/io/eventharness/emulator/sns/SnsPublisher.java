package io.eventharness.emulator.sns;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.eventharness.emulator.core.Activity;
import io.eventharness.emulator.core.AwsException;
import io.eventharness.emulator.core.EmulatorClock;
import io.eventharness.emulator.core.Ids;
import io.eventharness.emulator.core.Json;
import io.eventharness.emulator.delivery.Delivery;
import io.eventharness.emulator.delivery.Message;
import io.eventharness.emulator.sns.SnsSubscription.Route;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sns.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sns.model.PublishBatchRequest;
import software.amazon.awssdk.services.sns.model.PublishBatchRequestEntry;
import software.amazon.awssdk.services.sns.model.PublishBatchResponse;
import software.amazon.awssdk.services.sns.model.PublishBatchResultEntry;
import software.amazon.awssdk.services.sns.model.PublishRequest;
import software.amazon.awssdk.services.sns.model.PublishResponse;

/**
 * Publish and PublishBatch: SNS's checks of a message (API reference: Publish, PublishBatch), FIFO
 * sequence numbers and deduplication, then delivery through the topic's {@link Outbox}, outside the
 * registry's lock. Also the target of other services' deliveries to topics ({@code arn:aws:sns:…}).
 */
final class SnsPublisher {
    static final long MAX_SIZE = 262_144;
    private static final ObjectMapper JSON = Json.MAPPER;
    private static final Pattern BATCH_ID = Pattern.compile("[A-Za-z0-9_-]{1,80}");
    private static final Pattern FIFO_ID = Pattern.compile("[\\x21-\\x7E]{1,128}");
    private static final Pattern E164 = Pattern.compile("\\+?[1-9]\\d{1,14}");

    /** One message to publish, from Publish, a batch entry or another service. */
    private record Draft(String message, String subject, String structure, Map<String, MessageAttributeValue> attributes,
                         String groupId, String deduplicationId) {
    }

    /** A draft that passed the checks against its topic. */
    private record Checked(Draft draft, Map<String, String> perProtocol, String deduplicationId) {
    }

    /** What the publisher is told: the message id (the first one's, for a FIFO duplicate) and sequence number. */
    private record Receipt(String messageId, String sequenceNumber) {
    }

    private final SnsRegistry registry;
    private final EmulatorClock clock;
    private final Delivery delivery;
    private final Fanout fanout;

    SnsPublisher(SnsRegistry registry, EmulatorClock clock, Delivery delivery) {
        this.registry = registry;
        this.clock = clock;
        this.delivery = delivery;
        this.fanout = new Fanout(delivery);
    }

    PublishResponse publish(PublishRequest r, String region) {
        Draft d = new Draft(r.message(), r.subject(), r.messageStructure(), r.messageAttributes(), r.messageGroupId(),
                r.messageDeduplicationId());
        checkContent(d, 0);
        if (r.phoneNumber() != null && r.topicArn() == null && r.targetArn() == null) {
            return publishSms(r);
        }
        String arn = target(r);
        SnsTopic topic;
        Receipt receipt;
        synchronized (registry) {
            topic = registry.topic(arn, r.topicArn() != null ? "TopicArn" : "TargetArn", region, "Publish");
            receipt = accept(topic, check(d, topic));
        }
        topic.outbox.drain();
        return PublishResponse.builder().messageId(receipt.messageId).sequenceNumber(receipt.sequenceNumber).build();
    }

    PublishBatchResponse publishBatch(PublishBatchRequest r, String region) {
        SnsArn.topic(r.topicArn(), "TopicArn", region);
        List<PublishBatchRequestEntry> entries = r.publishBatchRequestEntries();
        if (entries.isEmpty()) {
            throw SnsErrors.emptyBatch();
        }
        if (entries.size() > 10) {
            throw SnsErrors.tooManyEntries();
        }
        Set<String> ids = new HashSet<>();
        for (PublishBatchRequestEntry e : entries) {
            if (e.id() == null || !BATCH_ID.matcher(e.id()).matches()) {
                throw SnsErrors.invalidBatchEntryId(e.id());
            }
            if (!ids.add(e.id())) {
                throw SnsErrors.idsNotDistinct();
            }
        }
        long total = 0;
        for (PublishBatchRequestEntry e : entries) {
            total += SnsMessageAttributes.size(e.message(), e.messageAttributes());
        }
        List<PublishBatchResultEntry> ok = new ArrayList<>();
        List<BatchResultErrorEntry> failed = new ArrayList<>();
        SnsTopic topic;
        synchronized (registry) {
            topic = registry.topic(r.topicArn(), "TopicArn", region, "Publish");
            if (total > MAX_SIZE) {
                throw SnsErrors.batchTooLong();
            }
            int position = 0;
            for (PublishBatchRequestEntry e : entries) {
                position++;
                Draft d = new Draft(e.message(), e.subject(), e.messageStructure(), e.messageAttributes(), e.messageGroupId(),
                        e.messageDeduplicationId());
                try {
                    checkContent(d, position);
                    Receipt receipt = accept(topic, check(d, topic));
                    ok.add(PublishBatchResultEntry.builder().id(e.id()).messageId(receipt.messageId)
                            .sequenceNumber(receipt.sequenceNumber).build());
                } catch (AwsException ex) {
                    failed.add(BatchResultErrorEntry.builder().id(e.id()).code(ex.code()).message(ex.getMessage())
                            .senderFault(ex.senderFault()).build());
                }
            }
        }
        topic.outbox.drain();
        return PublishBatchResponse.builder().successful(ok).failed(failed).build();
    }

    /** Another service's message to a topic (S3 notifications, function DLQs, rule targets). */
    void deliverToTopic(String sourceArn, String topicArn, Message m) {
        Map<String, MessageAttributeValue> attributes = new LinkedHashMap<>();
        m.attributes().forEach((k, v) -> attributes.put(k, MessageAttributeValue.builder().dataType(v.dataType())
                .stringValue(v.stringValue()).binaryValue(v.binaryValue() == null ? null : SdkBytes.fromByteArray(v.binaryValue()))
                .build()));
        Draft d = new Draft(m.body(), null, null, attributes, m.groupId(), m.deduplicationId());
        checkContent(d, 0);
        SnsArn a = SnsArn.topic(topicArn, "TopicArn", null);
        SnsTopic topic;
        synchronized (registry) {
            topic = registry.topic(topicArn, "TopicArn", a.region(), "Publish");
            accept(topic, check(d, topic));
        }
        topic.outbox.drain();
    }

    // ---- checks -------------------------------------------------------------------------------

    /** The checks that need no topic: message, subject, attributes, size. */
    private static void checkContent(Draft d, int entry) {
        if (d.message == null) {
            throw SnsErrors.missing(entry > 0 ? "publishBatchRequestEntries." + entry + ".member.message" : "message");
        }
        if (d.message.isEmpty()) {
            throw SnsErrors.invalidParameter("Invalid parameter: Empty message");
        }
        if (d.subject != null && !validSubject(d.subject)) {
            throw SnsErrors.invalidParameter("Invalid parameter: Subject");
        }
        SnsMessageAttributes.validate(d.attributes, entry);
        if (SnsMessageAttributes.size(d.message, d.attributes) > MAX_SIZE) {
            throw SnsErrors.invalidParameter("Invalid parameter: Message too long");
        }
    }

    /** ASCII, starting with a letter, digit or punctuation, no line breaks or control characters, under 100 characters. */
    private static boolean validSubject(String s) {
        if (s.isEmpty() || s.length() > 100 || s.charAt(0) == ' ') {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < 0x20 || s.charAt(i) > 0x7E) {
                return false;
            }
        }
        return true;
    }

    /** The checks against the topic: message structure, FIFO group and deduplication ids. */
    private static Checked check(Draft d, SnsTopic topic) {
        Map<String, String> perProtocol = d.structure == null ? null : structure(d.structure, d.message);
        String dedup = d.deduplicationId;
        if (topic.fifo) {
            if (d.groupId == null || d.groupId.isEmpty()) {
                throw SnsErrors.invalidParameter("Invalid parameter: The MessageGroupId parameter is required for FIFO topics");
            }
            checkFifoId("MessageGroupId", d.groupId);
            if (dedup == null) {
                if (!topic.contentBasedDeduplication()) {
                    throw SnsErrors.invalidParameter("Invalid parameter: The topic should either have ContentBasedDeduplication enabled or MessageDeduplicationId provided explicitly");
                }
                dedup = sha256(d.message); // "Message deduplication for FIFO topics": a hash of the body
            } else {
                checkFifoId("MessageDeduplicationId", dedup);
            }
        } else {
            if (dedup != null) {
                throw SnsErrors.invalidParameter("Invalid parameter: MessageDeduplicationId Reason: The request includes MessageDeduplicationId parameter that is not valid for this topic type");
            }
            if (d.groupId != null) {
                checkFifoId("MessageGroupId", d.groupId); // standard topics pass it on to SQS fair queues
            }
        }
        return new Checked(d, perProtocol, dedup);
    }

    private static void checkFifoId(String member, String id) {
        if (!FIFO_ID.matcher(id).matches()) {
            throw SnsErrors.invalidParameter("Invalid parameter: " + member + " Reason: " + member
                    + " can only include alphanumeric and punctuation characters. 1 to 128 in length.");
        }
    }

    /** {@code MessageStructure=json}: a JSON object of string messages per protocol with a {@code default}. */
    private static Map<String, String> structure(String structure, String message) {
        if (!structure.equals("json")) {
            throw SnsErrors.invalidParameter("Invalid parameter: MessageStructure");
        }
        JsonNode n;
        try {
            n = JSON.readTree(message);
        } catch (java.io.IOException e) {
            n = null;
        }
        if (n == null || !n.isObject()) {
            throw SnsErrors.invalidParameter("Invalid parameter: Message Structure - JSON message body failed to parse");
        }
        Map<String, String> out = new LinkedHashMap<>();
        n.fields().forEachRemaining(f -> {
            if (f.getValue().isTextual()) { // keys with other values are ignored, as AWS ignores them
                out.put(f.getKey(), f.getValue().textValue());
            }
        });
        if (!out.containsKey("default")) {
            throw SnsErrors.invalidParameter("Invalid parameter: Message Structure - No default entry in JSON message body");
        }
        return out;
    }

    private static String target(PublishRequest r) {
        if (r.topicArn() == null && r.targetArn() == null) {
            throw SnsErrors.invalidParameter("Invalid parameter: TopicArn or TargetArn Reason: no value for required parameter");
        }
        if (r.topicArn() != null && r.targetArn() != null || r.phoneNumber() != null) {
            throw SnsErrors.invalidParameter("Invalid parameter: TopicArn Reason: Only one of TopicArn, TargetArn or PhoneNumber may be specified");
        }
        String arn = r.topicArn() != null ? r.topicArn() : r.targetArn();
        SnsArn a = SnsArn.parse(arn);
        if (r.targetArn() != null && a != null && a.resource().startsWith("endpoint/")) {
            throw SnsErrors.invalidParameter("Invalid parameter: TargetArn Reason: No endpoint found for the target arn specified");
        }
        return arn;
    }

    /** Publish to a phone number: checked and recorded in the trail; SMS does not leave the emulator. */
    private PublishResponse publishSms(PublishRequest r) {
        if (!E164.matcher(r.phoneNumber()).matches()) {
            throw SnsErrors.invalidParameter("Invalid parameter: PhoneNumber Reason: " + r.phoneNumber() + " is not valid to publish to");
        }
        String id = Ids.uuid();
        delivery.note("sns:sms", r.phoneNumber(), "sns:Sms", r.message(), "not delivered: SMS is not emulated");
        return PublishResponse.builder().messageId(id).build();
    }

    // ---- acceptance ---------------------------------------------------------------------------

    /** Under the registry's lock: numbers the message, drops a FIFO duplicate, queues the delivery in order. */
    private Receipt accept(SnsTopic topic, Checked c) {
        long now = clock.millis();
        if (topic.fifo) {
            SnsTopic.Accepted earlier = topic.duplicate(c.deduplicationId, now);
            if (earlier != null) {
                topic.outbox.add(() -> delivery.note(topic.arn, topic.arn, Fanout.KIND, c.draft.message,
                        "duplicate of " + earlier.messageId() + ": not delivered again"));
                return new Receipt(earlier.messageId(), earlier.sequenceNumber());
            }
        }
        String sequence = topic.fifo ? topic.nextSequenceNumber() : null;
        String id = Ids.uuid();
        if (topic.fifo) {
            topic.remember(c.deduplicationId, id, sequence, now);
        }
        Draft d = c.draft;
        SnsPublished m = new SnsPublished(id, topic.arn, topic.fifo, d.message, c.perProtocol, d.subject,
                java.util.Collections.unmodifiableMap(new LinkedHashMap<>(d.attributes)), d.groupId, c.deduplicationId, sequence, Instant.ofEpochMilli(now));
        List<Route> routes = new ArrayList<>();
        for (SnsSubscription s : topic.subscriptions.values()) {
            if (!s.pending) {
                routes.add(s.route());
            }
        }
        String signatureVersion = topic.attributes.getOrDefault("SignatureVersion", "1");
        topic.outbox.add(pending("SNS delivery of message " + id + " of " + topic.arn, () -> fanout.deliver(m, routes, signatureVersion)));
        return new Receipt(id, sequence);
    }

    /** A delivery queued in an outbox: pending work of the emulator until it ran (it is not settled meanwhile). */
    private Runnable pending(String what, Runnable delivery) {
        Activity.Pending p = clock.activity().begin(what);
        return () -> {
            try {
                delivery.run();
            } finally {
                p.close();
            }
        };
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
