package io.eventharness.emulator.sqs;

import software.amazon.awssdk.services.sqs.model.ListQueueTagsRequest;
import software.amazon.awssdk.services.sqs.model.ListQueueTagsResponse;
import software.amazon.awssdk.services.sqs.model.TagQueueRequest;
import software.amazon.awssdk.services.sqs.model.TagQueueResponse;
import software.amazon.awssdk.services.sqs.model.UntagQueueRequest;
import software.amazon.awssdk.services.sqs.model.UntagQueueResponse;

/** A queue's tags: TagQueue, UntagQueue, ListQueueTags (CreateQueue's tags are {@link QueueOperations}'). */
public final class TagOperations {
    private final SqsQueues queues;

    TagOperations(SqsQueues queues) {
        this.queues = queues;
    }

    public TagQueueResponse tagQueue(TagQueueRequest r) {
        queues.byUrl(r.queueUrl()).tag(r.tags());
        return TagQueueResponse.builder().build();
    }

    public UntagQueueResponse untagQueue(UntagQueueRequest r) {
        queues.byUrl(r.queueUrl()).untag(r.tagKeys());
        return UntagQueueResponse.builder().build();
    }

    public ListQueueTagsResponse listQueueTags(ListQueueTagsRequest r) {
        return ListQueueTagsResponse.builder().tags(queues.byUrl(r.queueUrl()).tags()).build();
    }
}
