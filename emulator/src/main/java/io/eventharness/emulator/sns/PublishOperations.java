package io.eventharness.emulator.sns;

import io.eventharness.emulator.core.Arn;
import io.eventharness.emulator.core.AwsException;
import io.eventharness.emulator.core.Ids;
import io.eventharness.emulator.delivery.Delivery;
import io.eventharness.emulator.protocol.Call;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.sns.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sns.model.PublishBatchRequest;
import software.amazon.awssdk.services.sns.model.PublishBatchRequestEntry;
import software.amazon.awssdk.services.sns.model.PublishBatchResponse;
import software.amazon.awssdk.services.sns.model.PublishBatchResultEntry;
import software.amazon.awssdk.services.sns.model.PublishRequest;
import software.amazon.awssdk.services.sns.model.PublishResponse;

/**
 * Publish and PublishBatch: the message's checks ({@link PublishChecks}), then the topic numbers it and queues its
 * delivery, which runs when the topic drains, outside every lock. Publish to a phone number is checked and noted
 * in the trail.
 */
public final class PublishOperations {
    private static final Pattern BATCH_ID = Pattern.compile("[A-Za-z0-9_-]{1,80}");
    private static final Pattern E164 = Pattern.compile("\\+?[1-9]\\d{1,14}");

    private final SnsTopics topics;
    private final SnsPublisher publisher;
    private final Delivery delivery;

    PublishOperations(SnsTopics topics, SnsPublisher publisher, Delivery delivery) {
        this.topics = topics;
        this.publisher = publisher;
        this.delivery = delivery;
    }

    public PublishResponse publish(PublishRequest r, Call call) {
        PublishChecks.Draft d = new PublishChecks.Draft(r.message(), r.subject(), r.messageStructure(), r.messageAttributes(),
                r.messageGroupId(), r.messageDeduplicationId());
        PublishChecks.content(d, 0);
        if (r.phoneNumber() != null && r.topicArn() == null && r.targetArn() == null) {
            return publishSms(r);
        }
        String arn = target(r);
        SnsTopic topic = topics.topic(arn, r.topicArn() != null ? "TopicArn" : "TargetArn", call.region(), "Publish");
        SnsTopic.Receipt receipt = publisher.accept(topic, d);
        topic.drain();
        return PublishResponse.builder().messageId(receipt.messageId()).sequenceNumber(receipt.sequenceNumber()).build();
    }

    /** PublishBatch: the batch's own checks fail it whole; an entry's fail that entry only. */
    public PublishBatchResponse publishBatch(PublishBatchRequest r, Call call) {
        SnsArns.topic(r.topicArn(), "TopicArn", call.region());
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
        SnsTopic topic = topics.topic(r.topicArn(), "TopicArn", call.region(), "Publish");
        if (total > PublishChecks.MAX_SIZE) {
            throw SnsErrors.batchTooLong();
        }
        List<PublishBatchResultEntry> ok = new ArrayList<>();
        List<BatchResultErrorEntry> failed = new ArrayList<>();
        int position = 0;
        for (PublishBatchRequestEntry e : entries) {
            position++;
            PublishChecks.Draft d = new PublishChecks.Draft(e.message(), e.subject(), e.messageStructure(), e.messageAttributes(),
                    e.messageGroupId(), e.messageDeduplicationId());
            try {
                PublishChecks.content(d, position);
                SnsTopic.Receipt receipt = publisher.accept(topic, d);
                ok.add(PublishBatchResultEntry.builder().id(e.id()).messageId(receipt.messageId())
                        .sequenceNumber(receipt.sequenceNumber()).build());
            } catch (AwsException ex) {
                failed.add(BatchResultErrorEntry.builder().id(e.id()).code(ex.code()).message(ex.getMessage())
                        .senderFault(ex.senderFault()).build());
            }
        }
        topic.drain();
        return PublishBatchResponse.builder().successful(ok).failed(failed).build();
    }

    /** The topic (or TargetArn) of a Publish: exactly one of TopicArn, TargetArn and PhoneNumber. */
    private static String target(PublishRequest r) {
        if (r.topicArn() == null && r.targetArn() == null) {
            throw SnsErrors.invalidParameter("Invalid parameter: TopicArn or TargetArn Reason: no value for required parameter");
        }
        if (r.topicArn() != null && r.targetArn() != null || r.phoneNumber() != null) {
            throw SnsErrors.invalidParameter("Invalid parameter: TopicArn Reason: Only one of TopicArn, TargetArn or PhoneNumber may be specified");
        }
        String arn = r.topicArn() != null ? r.topicArn() : r.targetArn();
        boolean endpoint = Arn.tryParse(arn).map(a -> a.resource().startsWith("endpoint/")).orElse(false);
        if (r.targetArn() != null && endpoint) {
            throw SnsErrors.invalidParameter("Invalid parameter: TargetArn Reason: No endpoint found for the target arn specified");
        }
        return arn;
    }

    /** Publish to a phone number: checked and recorded in the trail; SMS does not leave the emulator. */
    private PublishResponse publishSms(PublishRequest r) {
        if (!E164.matcher(r.phoneNumber()).matches()) {
            throw SnsErrors.invalidParameter("Invalid parameter: PhoneNumber Reason: " + r.phoneNumber() + " is not valid to publish to");
        }
        delivery.note("sns:sms", r.phoneNumber(), "sns:Sms", r.message(), "not delivered: SMS is not emulated");
        return PublishResponse.builder().messageId(Ids.uuid()).build();
    }
}
