package io.eventharness.emulator.sqs;

import com.fasterxml.jackson.databind.JsonNode;
import io.eventharness.emulator.core.Account;
import io.eventharness.emulator.core.EmulatorClock;
import io.eventharness.emulator.core.Ids;
import io.eventharness.emulator.delivery.Delivery;
import io.eventharness.emulator.delivery.Message;
import io.eventharness.emulator.protocol.Call;
import io.eventharness.emulator.protocol.Protocol;
import io.eventharness.emulator.protocol.EmulatedService;
import io.eventharness.emulator.protocol.ServiceSpec;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.*;

/**
 * Amazon SQS: standard and FIFO queues, visibility, delays, long polling, redrive to dead-letter
 * queues, batches, tags. Serves the SDK's JSON protocol and the query protocol of the AWS CLI and
 * boto3. Other services deliver to queues through {@link Delivery} ({@code arn:aws:sqs:…}).
 */
public final class SqsService implements EmulatedService, AutoCloseable {
    public static final ServiceSpec SPEC = ServiceSpec.awsJson("sqs", Protocol.AWS_JSON_1_0, SqsClient.class, "AmazonSQS")
            .withQueryNames("http://queue.amazonaws.com/doc/2012-11-05/", SqsQueryNames.NAMES);

    @Override
    public ServiceSpec spec() {
        return SPEC;
    }

    @Override
    public List<?> operations() {
        return List.of(this);
    }

    private static final Pattern QUEUE_NAME = Pattern.compile("[A-Za-z0-9_-]{1,80}");
    private static final String SENDER_ID = "AIDAIT2UOQQY3AUEKVGXU";
    private static final long BATCH_MAX_BYTES = 1_048_576;

    private final EmulatorClock clock;
    private final Delivery delivery;
    private final Map<String, SqsQueue> queues = new ConcurrentHashMap<>();
    private final SqsQueue.DeadLetters deadLetters;

    public SqsService(EmulatorClock clock, Delivery delivery) {
        this.clock = clock;
        this.delivery = delivery;
        this.deadLetters = new SqsRedrive(queues, delivery);
        delivery.register("sqs", this::deliver);
        clock.onAdvance(() -> queues.values().forEach(SqsQueue::wakeWaiters));
    }

    // ---- queues -------------------------------------------------------------------------------

    public CreateQueueResponse createQueue(CreateQueueRequest r, Call call) {
        String name = required(r.queueName(), "QueueName");
        boolean fifo = name.endsWith(".fifo");
        String base = fifo ? name.substring(0, name.length() - 5) : name;
        if (!QUEUE_NAME.matcher(base).matches() || name.length() > 80) {
            throw SqsErrors.invalidParameterValue("Can only include alphanumeric characters, hyphens, or underscores. 1 to 80 in length");
        }
        Map<String, String> given = SqsAttributes.validate(r.attributesAsStrings(), fifo, true);
        if (fifo && !"true".equalsIgnoreCase(given.get("FifoQueue"))) {
            throw SqsErrors.invalidParameterValue("The name of a FIFO queue can only include alphanumeric characters, hyphens, or underscores, must end with .fifo suffix and be 1 to 80 in length.");
        }
        checkRedriveTarget(given.get("RedrivePolicy"), fifo);
        SqsQueue existing = queues.get(name);
        if (existing != null) {
            for (Map.Entry<String, String> e : given.entrySet()) {
                if (!e.getValue().equals(existing.attributes.get(e.getKey()))) {
                    throw SqsErrors.queueNameExists(name);
                }
            }
            return CreateQueueResponse.builder().queueUrl(url(call, name)).build();
        }
        Map<String, String> attrs = new ConcurrentHashMap<>(SqsAttributes.defaults(fifo));
        attrs.putAll(given);
        SqsQueue q = new SqsQueue(name, Account.arn("sqs", call.region(), name), call.region(), attrs, clock::millis);
        q.tags.putAll(r.tags());
        SqsQueue raced = queues.putIfAbsent(name, q);
        return CreateQueueResponse.builder().queueUrl(url(call, raced != null ? raced.name : name)).build();
    }

    public GetQueueUrlResponse getQueueUrl(GetQueueUrlRequest r, Call call) {
        String name = required(r.queueName(), "QueueName");
        if (!queues.containsKey(name)) {
            throw SqsErrors.queueDoesNotExist();
        }
        return GetQueueUrlResponse.builder().queueUrl(url(call, name)).build();
    }

    public DeleteQueueResponse deleteQueue(DeleteQueueRequest r) {
        SqsQueue q = queue(r.queueUrl());
        queues.remove(q.name, q);
        q.markDeleted();
        return DeleteQueueResponse.builder().build();
    }

    public ListQueuesResponse listQueues(ListQueuesRequest r, Call call) {
        String prefix = r.queueNamePrefix() == null ? "" : r.queueNamePrefix();
        int max = r.maxResults() == null ? 1000 : r.maxResults();
        if (max < 1 || max > 1000) {
            throw SqsErrors.invalidParameterValue("Value " + max + " for parameter MaxResults is invalid. Reason: MaxResults must be an integer between 1 and 1000.");
        }
        List<String> names = queues.keySet().stream().filter(n -> n.startsWith(prefix)).sorted().toList();
        int start = 0;
        if (r.nextToken() != null) {
            // The token is the name the next page starts at; if that queue was deleted meanwhile, the
            // page starts at the next name after it (never over from the beginning: clients would loop).
            while (start < names.size() && names.get(start).compareTo(r.nextToken()) < 0) {
                start++;
            }
        }
        List<String> page = names.subList(Math.min(start, names.size()), Math.min(names.size(), start + max));
        ListQueuesResponse.Builder b = ListQueuesResponse.builder()
                .queueUrls(page.stream().map(n -> url(call, n)).toList());
        if (start + max < names.size() && r.maxResults() != null) {
            b.nextToken(names.get(start + max));
        }
        return b.build();
    }

    public GetQueueAttributesResponse getQueueAttributes(GetQueueAttributesRequest r) {
        SqsQueue q = queue(r.queueUrl());
        List<String> wanted = r.attributeNamesAsStrings();
        Set<String> names = new HashSet<>(wanted);
        boolean all = names.contains("All");
        for (String n : names) {
            if (!n.equals("All") && !SqsAttributes.SETTABLE.contains(n) && !SqsAttributes.COMPUTED.contains(n)) {
                throw SqsErrors.invalidAttributeName(n);
            }
        }
        Map<String, String> out = new LinkedHashMap<>();
        if (names.isEmpty()) {
            return GetQueueAttributesResponse.builder().build();
        }
        int[] counts = q.counts();
        Map<String, String> computed = new LinkedHashMap<>();
        computed.put("QueueArn", q.arn);
        computed.put("ApproximateNumberOfMessages", String.valueOf(counts[0]));
        computed.put("ApproximateNumberOfMessagesNotVisible", String.valueOf(counts[1]));
        computed.put("ApproximateNumberOfMessagesDelayed", String.valueOf(counts[2]));
        computed.put("CreatedTimestamp", String.valueOf(q.createdMillis / 1000));
        computed.put("LastModifiedTimestamp", String.valueOf(q.modifiedMillis / 1000));
        for (Map.Entry<String, String> e : computed.entrySet()) {
            if (all || names.contains(e.getKey())) {
                out.put(e.getKey(), e.getValue());
            }
        }
        for (Map.Entry<String, String> e : q.attributes.entrySet()) {
            if ((all || names.contains(e.getKey())) && !e.getValue().isEmpty()) {
                out.put(e.getKey(), e.getValue());
            }
        }
        return GetQueueAttributesResponse.builder().attributesWithStrings(out).build();
    }

    public SetQueueAttributesResponse setQueueAttributes(SetQueueAttributesRequest r) {
        SqsQueue q = queue(r.queueUrl());
        Map<String, String> given = SqsAttributes.validate(r.attributesAsStrings(), q.fifo, false);
        checkRedriveTarget(given.get("RedrivePolicy"), q.fifo);
        for (Map.Entry<String, String> e : given.entrySet()) {
            if (e.getValue().isEmpty()) {
                q.attributes.remove(e.getKey());
            } else {
                q.attributes.put(e.getKey(), e.getValue());
            }
        }
        q.modifiedMillis = clock.millis();
        return SetQueueAttributesResponse.builder().build();
    }

    public PurgeQueueResponse purgeQueue(PurgeQueueRequest r) {
        SqsQueue q = queue(r.queueUrl());
        if (clock.millis() - q.lastPurgeMillis < 60_000) {
            throw SqsErrors.purgeInProgress(q.name);
        }
        q.purge();
        return PurgeQueueResponse.builder().build();
    }

    public TagQueueResponse tagQueue(TagQueueRequest r) {
        SqsQueue q = queue(r.queueUrl());
        synchronized (q.tags) {
            q.tags.putAll(r.tags());
        }
        return TagQueueResponse.builder().build();
    }

    public UntagQueueResponse untagQueue(UntagQueueRequest r) {
        SqsQueue q = queue(r.queueUrl());
        synchronized (q.tags) {
            r.tagKeys().forEach(q.tags::remove);
        }
        return UntagQueueResponse.builder().build();
    }

    public ListQueueTagsResponse listQueueTags(ListQueueTagsRequest r) {
        SqsQueue q = queue(r.queueUrl());
        synchronized (q.tags) {
            return ListQueueTagsResponse.builder().tags(new LinkedHashMap<>(q.tags)).build();
        }
    }

    public ListDeadLetterSourceQueuesResponse listDeadLetterSourceQueues(ListDeadLetterSourceQueuesRequest r, Call call) {
        SqsQueue dlq = queue(r.queueUrl());
        List<String> urls = new ArrayList<>();
        for (SqsQueue q : queues.values()) {
            JsonNode p = SqsAttributes.redrivePolicy(q.attributes);
            if (p != null && dlq.arn.equals(p.path("deadLetterTargetArn").asText())) {
                urls.add(url(call, q.name));
            }
        }
        urls.sort(null);
        return ListDeadLetterSourceQueuesResponse.builder().queueUrls(urls).build();
    }

    // ---- messages -----------------------------------------------------------------------------

    public SendMessageResponse sendMessage(SendMessageRequest r) {
        SqsQueue q = queue(r.queueUrl());
        SqsQueue.Sent s = send(q, required(r.messageBody(), "MessageBody"), r.messageAttributes(),
                r.messageSystemAttributes(), r.delaySeconds(), r.messageGroupId(), r.messageDeduplicationId());
        return SendMessageResponse.builder().messageId(s.messageId()).md5OfMessageBody(s.md5OfBody())
                .md5OfMessageAttributes(s.md5OfAttributes()).sequenceNumber(s.sequenceNumber()).build();
    }

    public SendMessageBatchResponse sendMessageBatch(SendMessageBatchRequest r) {
        SqsQueue q = queue(r.queueUrl());
        List<SendMessageBatchRequestEntry> entries = r.entries();
        MessageRules.checkBatch(entries.stream().map(SendMessageBatchRequestEntry::id).toList());
        long total = 0;
        for (SendMessageBatchRequestEntry e : entries) {
            total += MessageRules.size(e.messageBody(), e.messageAttributes());
        }
        // API_SendMessageBatch: the batch's messages together may carry at most 1 MiB, whatever the queue allows each.
        if (total > BATCH_MAX_BYTES) {
            throw SqsErrors.batchTooLong(total, BATCH_MAX_BYTES);
        }
        SendMessageBatchResponse.Builder b = SendMessageBatchResponse.builder();
        List<SendMessageBatchResultEntry> ok = new ArrayList<>();
        List<BatchResultErrorEntry> failed = new ArrayList<>();
        for (SendMessageBatchRequestEntry e : entries) {
            try {
                SqsQueue.Sent s = send(q, required(e.messageBody(), "MessageBody"), e.messageAttributes(),
                        e.messageSystemAttributes(), e.delaySeconds(), e.messageGroupId(), e.messageDeduplicationId());
                ok.add(SendMessageBatchResultEntry.builder().id(e.id()).messageId(s.messageId())
                        .md5OfMessageBody(s.md5OfBody()).md5OfMessageAttributes(s.md5OfAttributes())
                        .sequenceNumber(s.sequenceNumber()).build());
            } catch (io.eventharness.emulator.core.AwsException ex) {
                failed.add(BatchResultErrorEntry.builder().id(e.id()).code(ex.code()).message(ex.getMessage())
                        .senderFault(true).build());
            }
        }
        return b.successful(ok).failed(failed).build();
    }

    public ReceiveMessageResponse receiveMessage(ReceiveMessageRequest r) throws InterruptedException {
        SqsQueue q = queue(r.queueUrl());
        int max = r.maxNumberOfMessages() == null ? 1 : r.maxNumberOfMessages();
        if (max < 1 || max > 10) {
            throw SqsErrors.invalidParameterValue("Value " + max + " for parameter MaxNumberOfMessages is invalid. Reason: Must be between 1 and 10, if provided.");
        }
        int wait = r.waitTimeSeconds() != null ? r.waitTimeSeconds() : q.intAttribute("ReceiveMessageWaitTimeSeconds");
        if (wait < 0 || wait > 20) {
            throw SqsErrors.invalidParameterValue("Value " + wait + " for parameter WaitTimeSeconds is invalid. Reason: Must be >= 0 and <= 20, if provided.");
        }
        int visibility = r.visibilityTimeout() != null ? r.visibilityTimeout() : q.intAttribute("VisibilityTimeout");
        if (visibility < 0 || visibility > 43_200) {
            throw SqsErrors.invalidParameterValue("Value " + visibility + " for parameter VisibilityTimeout is invalid. Reason: Must be >= 0 and <= 43200, if provided.");
        }
        List<SqsQueue.Received> got = q.receive(max, visibility * 1000L, wait * 1000L, deadLetters);
        Set<String> systemNames = new HashSet<>(r.attributeNamesAsStrings());
        systemNames.addAll(r.messageSystemAttributeNamesAsStrings());
        List<String> attributeNames = r.messageAttributeNames();
        List<software.amazon.awssdk.services.sqs.model.Message> out = new ArrayList<>(got.size());
        for (SqsQueue.Received rc : got) {
            out.add(ReceivedMessages.toModel(rc, systemNames, attributeNames));
        }
        return ReceiveMessageResponse.builder().messages(out).build();
    }

    public DeleteMessageResponse deleteMessage(DeleteMessageRequest r) {
        SqsQueue q = queue(r.queueUrl());
        q.delete(required(r.receiptHandle(), "ReceiptHandle"));
        return DeleteMessageResponse.builder().build();
    }

    public DeleteMessageBatchResponse deleteMessageBatch(DeleteMessageBatchRequest r) {
        SqsQueue q = queue(r.queueUrl());
        MessageRules.checkBatch(r.entries().stream().map(DeleteMessageBatchRequestEntry::id).toList());
        List<DeleteMessageBatchResultEntry> ok = new ArrayList<>();
        List<BatchResultErrorEntry> failed = new ArrayList<>();
        for (DeleteMessageBatchRequestEntry e : r.entries()) {
            try {
                q.delete(required(e.receiptHandle(), "ReceiptHandle"));
                ok.add(DeleteMessageBatchResultEntry.builder().id(e.id()).build());
            } catch (io.eventharness.emulator.core.AwsException ex) {
                failed.add(BatchResultErrorEntry.builder().id(e.id()).code(ex.code()).message(ex.getMessage()).senderFault(true).build());
            }
        }
        return DeleteMessageBatchResponse.builder().successful(ok).failed(failed).build();
    }

    public ChangeMessageVisibilityResponse changeMessageVisibility(ChangeMessageVisibilityRequest r) {
        SqsQueue q = queue(r.queueUrl());
        q.changeVisibility(required(r.receiptHandle(), "ReceiptHandle"), MessageRules.visibilityMillis(r.visibilityTimeout()));
        return ChangeMessageVisibilityResponse.builder().build();
    }

    public ChangeMessageVisibilityBatchResponse changeMessageVisibilityBatch(ChangeMessageVisibilityBatchRequest r) {
        SqsQueue q = queue(r.queueUrl());
        MessageRules.checkBatch(r.entries().stream().map(ChangeMessageVisibilityBatchRequestEntry::id).toList());
        List<ChangeMessageVisibilityBatchResultEntry> ok = new ArrayList<>();
        List<BatchResultErrorEntry> failed = new ArrayList<>();
        for (ChangeMessageVisibilityBatchRequestEntry e : r.entries()) {
            try {
                q.changeVisibility(required(e.receiptHandle(), "ReceiptHandle"), MessageRules.visibilityMillis(e.visibilityTimeout()));
                ok.add(ChangeMessageVisibilityBatchResultEntry.builder().id(e.id()).build());
            } catch (io.eventharness.emulator.core.AwsException ex) {
                failed.add(BatchResultErrorEntry.builder().id(e.id()).code(ex.code()).message(ex.getMessage()).senderFault(true).build());
            }
        }
        return ChangeMessageVisibilityBatchResponse.builder().successful(ok).failed(failed).build();
    }

    // ---- delivery from other services ---------------------------------------------------------

    /** Accepts a message for {@code arn:aws:sqs:<region>:<account>:<name>} (SNS, Lambda DLQs, S3 notifications). */
    private void deliver(String sourceArn, String queueArn, Message m) {
        if (!queueExists(queueArn)) {
            throw SqsErrors.queueDoesNotExist(); // a queue of that name in another region or account is another queue
        }
        SqsQueue q = queues.get(queueArn.substring(queueArn.lastIndexOf(':') + 1));
        Map<String, MessageAttributeValue> attrs = new LinkedHashMap<>();
        m.attributes().forEach((k, v) -> attrs.put(k, MessageAttributeValue.builder().dataType(v.dataType())
                .stringValue(v.stringValue())
                .binaryValue(v.binaryValue() == null ? null : SdkBytes.fromByteArray(v.binaryValue())).build()));
        // group and deduplication ids only mean something to a FIFO queue; a standard queue ignores them
        String dedup = null;
        String group = null;
        if (q.fifo) {
            dedup = m.deduplicationId() != null ? m.deduplicationId() : sha256(m.body());
            group = m.groupId() != null ? m.groupId() : "default";
        }
        send(q, m.body(), attrs, Map.of(), null, group, dedup);
    }

    /** Whether a queue with this ARN exists (S3 checks notification destinations with it). */
    public boolean queueExists(String arn) {
        SqsQueue q = queues.get(arn.substring(arn.lastIndexOf(':') + 1));
        return q != null && q.arn.equals(arn);
    }

    /** The queue with that ARN, for in-JVM callers (event source mappings); null if none. */
    public String queueUrlOfArn(String endpoint, String arn) {
        SqsQueue q = queues.get(arn.substring(arn.lastIndexOf(':') + 1));
        return q == null ? null : endpoint + "/" + Account.ID + "/" + q.name;
    }

    // ---- internals ----------------------------------------------------------------------------

    private SqsQueue.Sent send(SqsQueue q, String body, Map<String, MessageAttributeValue> attributes,
                               Map<MessageSystemAttributeNameForSends, MessageSystemAttributeValue> system,
                               Integer delaySeconds, String groupId, String dedupId) {
        if (body.isEmpty()) {
            throw SqsErrors.invalidParameterValue("The request must contain a non-empty message body.");
        }
        MessageRules.checkContents(body);
        MessageRules.validateAttributes(attributes);
        long size = MessageRules.size(body, attributes);
        long max = Long.parseLong(q.attributes.get("MaximumMessageSize"));
        if (size > max) {
            throw SqsErrors.invalidParameterValue("One or more parameters are invalid. Reason: Message must be shorter than " + max + " bytes.");
        }
        if (delaySeconds != null && (delaySeconds < 0 || delaySeconds > 900)) {
            throw SqsErrors.invalidParameterValue("Value " + delaySeconds + " for parameter DelaySeconds is invalid. Reason: DelaySeconds must be >= 0 and <= 900.");
        }
        if (q.fifo) {
            if (groupId == null || groupId.isEmpty()) {
                throw SqsErrors.missingParameter("MessageGroupId");
            }
            if (delaySeconds != null && delaySeconds != 0) {
                throw SqsErrors.invalidParameterValue("Value " + delaySeconds + " for parameter DelaySeconds is invalid. Reason: The request include parameter that is not valid for this queue type.");
            }
            if (dedupId == null) {
                if (!"true".equalsIgnoreCase(q.attributes.get("ContentBasedDeduplication"))) {
                    throw SqsErrors.invalidParameterValue("The queue should either have ContentBasedDeduplication enabled or MessageDeduplicationId provided explicitly");
                }
                dedupId = sha256(body);
            }
        } else if (dedupId != null) {
            throw SqsErrors.invalidParameterValue("Value " + dedupId + " for parameter MessageDeduplicationId is invalid. Reason: The request includes a parameter that is not valid for this queue type.");
        }
        long now = clock.millis();
        int delay = delaySeconds != null ? delaySeconds : q.intAttribute("DelaySeconds");
        Map<String, MessageSystemAttributeValue> sys = new LinkedHashMap<>();
        if (system != null) {
            system.forEach((k, v) -> sys.put(k.toString(), v));
        }
        String group = q.fifo ? groupId : null;
        String dedupFinal = dedupId;
        return q.send(dedupFinal, seq -> new SqsMessage(Ids.uuid(), body, attributes, sys, now, now + delay * 1000L,
                SENDER_ID, group, dedupFinal, seq));
    }

    private void checkRedriveTarget(String policy, boolean fifo) {
        if (policy == null || policy.isEmpty()) {
            return;
        }
        JsonNode p = SqsAttributes.redrivePolicy(Map.of("RedrivePolicy", policy));
        String arn = p.path("deadLetterTargetArn").asText();
        SqsQueue dlq = queues.get(arn.substring(arn.lastIndexOf(':') + 1));
        if (dlq == null || !dlq.arn.equals(arn)) {
            throw SqsErrors.invalidParameterValue("Value " + policy + " for parameter RedrivePolicy is invalid. Reason: Dead letter target does not exist.");
        }
        if (dlq.fifo != fifo) {
            throw SqsErrors.invalidParameterValue("Value " + policy + " for parameter RedrivePolicy is invalid. Reason: Dead-letter queue must be same type of queue as the source..");
        }
    }

    /** The queue a URL names ({@code …/<account>/<name>}); QueueDoesNotExist otherwise. */
    private SqsQueue queue(String url) {
        required(url, "QueueUrl");
        String name = url.substring(url.lastIndexOf('/') + 1);
        SqsQueue q = queues.get(name);
        if (q == null) {
            throw SqsErrors.queueDoesNotExist();
        }
        return q;
    }

    private static String url(Call call, String name) {
        return call.endpoint() + "/" + Account.ID + "/" + name;
    }

    private static String required(String v, String name) {
        if (v == null) {
            throw SqsErrors.missingParameter(name);
        }
        return v;
    }

    private static String sha256(String body) {
        try {
            return java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        queues.values().forEach(SqsQueue::markDeleted);
    }
}
