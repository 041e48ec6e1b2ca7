package io.eventharness.emulator.sqs;

import io.eventharness.emulator.protocol.Call;
import software.amazon.awssdk.services.sqs.model.ListDeadLetterSourceQueuesRequest;
import software.amazon.awssdk.services.sqs.model.ListDeadLetterSourceQueuesResponse;

/**
 * Dead-letter queues seen from the API: ListDeadLetterSourceQueues. The redrive itself happens on receive
 * ({@link SqsRedrive}); the message move tasks (StartMessageMoveTask, ...) are not emulated and answer 501.
 */
public final class DeadLetterOperations {
    private final SqsQueues queues;

    DeadLetterOperations(SqsQueues queues) {
        this.queues = queues;
    }

    /** The URLs of the queues whose redrive policy names this queue, by name, all on one page. */
    public ListDeadLetterSourceQueuesResponse listDeadLetterSourceQueues(ListDeadLetterSourceQueuesRequest r, Call call) {
        SqsQueue dlq = queues.byUrl(r.queueUrl());
        return ListDeadLetterSourceQueuesResponse.builder()
                .queueUrls(queues.deadLetterSourcesOf(dlq).stream().map(q -> q.url(call.endpoint())).toList())
                .build();
    }
}
