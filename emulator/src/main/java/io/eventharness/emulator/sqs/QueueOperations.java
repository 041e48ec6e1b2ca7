package io.eventharness.emulator.sqs;

import io.eventharness.emulator.core.Arn;
import io.eventharness.emulator.protocol.Call;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.sqs.model.CreateQueueRequest;
import software.amazon.awssdk.services.sqs.model.CreateQueueResponse;
import software.amazon.awssdk.services.sqs.model.DeleteQueueRequest;
import software.amazon.awssdk.services.sqs.model.DeleteQueueResponse;
import software.amazon.awssdk.services.sqs.model.GetQueueAttributesRequest;
import software.amazon.awssdk.services.sqs.model.GetQueueAttributesResponse;
import software.amazon.awssdk.services.sqs.model.GetQueueUrlRequest;
import software.amazon.awssdk.services.sqs.model.GetQueueUrlResponse;
import software.amazon.awssdk.services.sqs.model.ListQueuesRequest;
import software.amazon.awssdk.services.sqs.model.ListQueuesResponse;
import software.amazon.awssdk.services.sqs.model.PurgeQueueRequest;
import software.amazon.awssdk.services.sqs.model.PurgeQueueResponse;
import software.amazon.awssdk.services.sqs.model.SetQueueAttributesRequest;
import software.amazon.awssdk.services.sqs.model.SetQueueAttributesResponse;

/**
 * The queues themselves: CreateQueue, GetQueueUrl, DeleteQueue, ListQueues, Get/SetQueueAttributes, PurgeQueue.
 * A queue's URL is {@code <endpoint the client used>/<account>/<name>}; its ARN is in the region of the call that
 * created it.
 */
public final class QueueOperations {
    private static final Pattern QUEUE_NAME = Pattern.compile("[A-Za-z0-9_-]{1,80}");

    private final SqsQueues queues;

    QueueOperations(SqsQueues queues) {
        this.queues = queues;
    }

    /** Creates a queue, or returns the URL of the one of that name when the given attributes match its own. */
    public CreateQueueResponse createQueue(CreateQueueRequest r, Call call) {
        String name = SqsErrors.required(r.queueName(), "QueueName");
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
        SqsQueue existing = queues.byName(name).orElse(null);
        if (existing != null) {
            for (Map.Entry<String, String> e : given.entrySet()) {
                if (!e.getValue().equals(existing.attributes().get(e.getKey()))) {
                    throw SqsErrors.queueNameExists(name);
                }
            }
            return CreateQueueResponse.builder().queueUrl(existing.url(call.endpoint())).build();
        }
        Map<String, String> attributes = new LinkedHashMap<>(SqsAttributes.defaults(fifo));
        attributes.putAll(given);
        SqsQueue q = queues.create(Arn.of("sqs", call.region(), name), attributes, r.tags());
        return CreateQueueResponse.builder().queueUrl(q.url(call.endpoint())).build();
    }

    public GetQueueUrlResponse getQueueUrl(GetQueueUrlRequest r, Call call) {
        String name = SqsErrors.required(r.queueName(), "QueueName");
        SqsQueue q = queues.byName(name).orElseThrow(SqsErrors::queueDoesNotExist);
        return GetQueueUrlResponse.builder().queueUrl(q.url(call.endpoint())).build();
    }

    public DeleteQueueResponse deleteQueue(DeleteQueueRequest r) {
        queues.delete(queues.byUrl(r.queueUrl()));
        return DeleteQueueResponse.builder().build();
    }

    /** Queue URLs by name; pages only when MaxResults is given, as in AWS. */
    public ListQueuesResponse listQueues(ListQueuesRequest r, Call call) {
        String prefix = r.queueNamePrefix() == null ? "" : r.queueNamePrefix();
        int max = r.maxResults() == null ? 1000 : r.maxResults();
        if (max < 1 || max > 1000) {
            throw SqsErrors.invalidParameterValue("Value " + max + " for parameter MaxResults is invalid. Reason: MaxResults must be an integer between 1 and 1000.");
        }
        List<SqsQueue> all = queues.withPrefix(prefix);
        int start = 0;
        if (r.nextToken() != null) {
            // The token is the name the next page starts at; if that queue was deleted meanwhile, the
            // page starts at the next name after it (never over from the beginning: clients would loop).
            while (start < all.size() && all.get(start).name().compareTo(r.nextToken()) < 0) {
                start++;
            }
        }
        List<SqsQueue> page = all.subList(Math.min(start, all.size()), Math.min(all.size(), start + max));
        ListQueuesResponse.Builder b = ListQueuesResponse.builder()
                .queueUrls(page.stream().map(q -> q.url(call.endpoint())).toList());
        if (start + max < all.size() && r.maxResults() != null) {
            b.nextToken(all.get(start + max).name());
        }
        return b.build();
    }

    public GetQueueAttributesResponse getQueueAttributes(GetQueueAttributesRequest r) {
        SqsQueue q = queues.byUrl(r.queueUrl());
        Set<String> names = new HashSet<>(r.attributeNamesAsStrings());
        boolean all = names.contains("All");
        for (String n : names) {
            if (!n.equals("All") && !SqsAttributes.SETTABLE.contains(n) && !SqsAttributes.COMPUTED.contains(n)) {
                throw SqsErrors.invalidAttributeName(n);
            }
        }
        if (names.isEmpty()) {
            return GetQueueAttributesResponse.builder().build();
        }
        QueueCounts counts = q.counts();
        Map<String, String> computed = new LinkedHashMap<>();
        computed.put("QueueArn", q.arn().toString());
        computed.put("ApproximateNumberOfMessages", String.valueOf(counts.visible()));
        computed.put("ApproximateNumberOfMessagesNotVisible", String.valueOf(counts.inFlight()));
        computed.put("ApproximateNumberOfMessagesDelayed", String.valueOf(counts.delayed()));
        computed.put("CreatedTimestamp", String.valueOf(q.createdMillis() / 1000));
        computed.put("LastModifiedTimestamp", String.valueOf(q.modifiedMillis() / 1000));
        Map<String, String> out = new LinkedHashMap<>();
        computed.forEach((k, v) -> {
            if (all || names.contains(k)) {
                out.put(k, v);
            }
        });
        q.attributes().asMap().forEach((k, v) -> {
            if ((all || names.contains(k)) && !v.isEmpty()) {
                out.put(k, v);
            }
        });
        return GetQueueAttributesResponse.builder().attributesWithStrings(out).build();
    }

    public SetQueueAttributesResponse setQueueAttributes(SetQueueAttributesRequest r) {
        SqsQueue q = queues.byUrl(r.queueUrl());
        Map<String, String> given = SqsAttributes.validate(r.attributesAsStrings(), q.fifo(), false);
        checkRedriveTarget(given.get("RedrivePolicy"), q.fifo());
        q.setAttributes(given);
        return SetQueueAttributesResponse.builder().build();
    }

    public PurgeQueueResponse purgeQueue(PurgeQueueRequest r) {
        queues.byUrl(r.queueUrl()).purge();
        return PurgeQueueResponse.builder().build();
    }

    /** A redrive policy's dead-letter queue must exist and be of the source's type (standard or FIFO). */
    private void checkRedriveTarget(String policy, boolean fifo) {
        if (policy == null || policy.isEmpty()) {
            return;
        }
        SqsQueue dlq = RedrivePolicy.parse(policy).flatMap(p -> queues.byArn(p.deadLetterTarget())).orElseThrow(() ->
                SqsErrors.invalidParameterValue("Value " + policy + " for parameter RedrivePolicy is invalid. Reason: Dead letter target does not exist."));
        if (dlq.fifo() != fifo) {
            throw SqsErrors.invalidParameterValue("Value " + policy + " for parameter RedrivePolicy is invalid. Reason: Dead-letter queue must be same type of queue as the source..");
        }
    }
}
