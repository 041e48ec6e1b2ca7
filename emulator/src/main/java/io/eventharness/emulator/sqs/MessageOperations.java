package io.eventharness.emulator.sqs;

import io.eventharness.emulator.core.AwsException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityBatchRequest;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityBatchResponse;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityBatchResultEntry;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityRequest;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityResponse;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequest;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchResponse;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchResultEntry;
import software.amazon.awssdk.services.sqs.model.DeleteMessageRequest;
import software.amazon.awssdk.services.sqs.model.DeleteMessageResponse;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageRequest;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageResponse;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequest;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResultEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;
import software.amazon.awssdk.services.sqs.model.SendMessageResponse;

/**
 * The messages of a queue: SendMessage, ReceiveMessage (long polling included), DeleteMessage,
 * ChangeMessageVisibility, and their batches. A batch is refused whole when it is empty, longer than ten
 * entries, has a bad or repeated entry id (or, for SendMessageBatch, carries more than 1 MiB); otherwise each
 * entry succeeds or fails on its own.
 */
public final class MessageOperations {
    /** API_SendMessageBatch: the batch's messages together may carry at most 1 MiB, whatever the queue allows each. */
    private static final long BATCH_MAX_BYTES = 1_048_576;

    private final SqsQueues queues;
    private final MessageSender sender;
    private final DeadLetters deadLetters;

    MessageOperations(SqsQueues queues, MessageSender sender, DeadLetters deadLetters) {
        this.queues = queues;
        this.sender = sender;
        this.deadLetters = deadLetters;
    }

    public SendMessageResponse sendMessage(SendMessageRequest r) {
        SentMessage s = sender.send(queues.byUrl(r.queueUrl()), NewMessage.of(r));
        return SendMessageResponse.builder().messageId(s.messageId()).md5OfMessageBody(s.md5OfBody())
                .md5OfMessageAttributes(s.md5OfAttributes()).sequenceNumber(s.sequenceNumber()).build();
    }

    public SendMessageBatchResponse sendMessageBatch(SendMessageBatchRequest r) {
        SqsQueue q = queues.byUrl(r.queueUrl());
        MessageRules.checkBatch(r.entries().stream().map(SendMessageBatchRequestEntry::id).toList());
        long total = 0;
        for (SendMessageBatchRequestEntry e : r.entries()) {
            total += MessageRules.size(e.messageBody(), e.messageAttributes());
        }
        if (total > BATCH_MAX_BYTES) {
            throw SqsErrors.batchTooLong(total, BATCH_MAX_BYTES);
        }
        List<SendMessageBatchResultEntry> ok = new ArrayList<>();
        List<BatchResultErrorEntry> failed = eachEntry(r.entries(), SendMessageBatchRequestEntry::id, e -> {
            SentMessage s = sender.send(q, NewMessage.of(e));
            ok.add(SendMessageBatchResultEntry.builder().id(e.id()).messageId(s.messageId())
                    .md5OfMessageBody(s.md5OfBody()).md5OfMessageAttributes(s.md5OfAttributes())
                    .sequenceNumber(s.sequenceNumber()).build());
        });
        return SendMessageBatchResponse.builder().successful(ok).failed(failed).build();
    }

    /**
     * Up to MaxNumberOfMessages visible messages; with WaitTimeSeconds (or the queue's
     * ReceiveMessageWaitTimeSeconds) the call waits up to that long for the first one.
     */
    public ReceiveMessageResponse receiveMessage(ReceiveMessageRequest r) throws InterruptedException {
        SqsQueue q = queues.byUrl(r.queueUrl());
        int max = r.maxNumberOfMessages() == null ? 1 : r.maxNumberOfMessages();
        if (max < 1 || max > 10) {
            throw SqsErrors.invalidParameterValue("Value " + max + " for parameter MaxNumberOfMessages is invalid. Reason: Must be between 1 and 10, if provided.");
        }
        int wait = r.waitTimeSeconds() != null ? r.waitTimeSeconds() : q.attributes().intValue("ReceiveMessageWaitTimeSeconds");
        if (wait < 0 || wait > 20) {
            throw SqsErrors.invalidParameterValue("Value " + wait + " for parameter WaitTimeSeconds is invalid. Reason: Must be >= 0 and <= 20, if provided.");
        }
        int visibility = r.visibilityTimeout() != null ? r.visibilityTimeout() : q.attributes().intValue("VisibilityTimeout");
        if (visibility < 0 || visibility > 43_200) {
            throw SqsErrors.invalidParameterValue("Value " + visibility + " for parameter VisibilityTimeout is invalid. Reason: Must be >= 0 and <= 43200, if provided.");
        }
        List<ReceivedMessage> got = q.receive(max, visibility * 1000L, wait * 1000L, deadLetters);
        Set<String> systemNames = new HashSet<>(r.attributeNamesAsStrings());
        systemNames.addAll(r.messageSystemAttributeNamesAsStrings());
        List<Message> out = new ArrayList<>(got.size());
        for (ReceivedMessage rc : got) {
            out.add(ReceivedMessages.toModel(rc, systemNames, r.messageAttributeNames()));
        }
        return ReceiveMessageResponse.builder().messages(out).build();
    }

    /** Deletes a received message; a handle of an earlier receive succeeds without deleting, as in AWS. */
    public DeleteMessageResponse deleteMessage(DeleteMessageRequest r) {
        SqsQueue q = queues.byUrl(r.queueUrl());
        q.delete(handle(q, r.receiptHandle()));
        return DeleteMessageResponse.builder().build();
    }

    public DeleteMessageBatchResponse deleteMessageBatch(DeleteMessageBatchRequest r) {
        SqsQueue q = queues.byUrl(r.queueUrl());
        MessageRules.checkBatch(r.entries().stream().map(DeleteMessageBatchRequestEntry::id).toList());
        List<DeleteMessageBatchResultEntry> ok = new ArrayList<>();
        List<BatchResultErrorEntry> failed = eachEntry(r.entries(), DeleteMessageBatchRequestEntry::id, e -> {
            q.delete(handle(q, e.receiptHandle()));
            ok.add(DeleteMessageBatchResultEntry.builder().id(e.id()).build());
        });
        return DeleteMessageBatchResponse.builder().successful(ok).failed(failed).build();
    }

    public ChangeMessageVisibilityResponse changeMessageVisibility(ChangeMessageVisibilityRequest r) {
        changeVisibility(queues.byUrl(r.queueUrl()), r.receiptHandle(), r.visibilityTimeout());
        return ChangeMessageVisibilityResponse.builder().build();
    }

    public ChangeMessageVisibilityBatchResponse changeMessageVisibilityBatch(ChangeMessageVisibilityBatchRequest r) {
        SqsQueue q = queues.byUrl(r.queueUrl());
        MessageRules.checkBatch(r.entries().stream().map(ChangeMessageVisibilityBatchRequestEntry::id).toList());
        List<ChangeMessageVisibilityBatchResultEntry> ok = new ArrayList<>();
        List<BatchResultErrorEntry> failed = eachEntry(r.entries(), ChangeMessageVisibilityBatchRequestEntry::id, e -> {
            changeVisibility(q, e.receiptHandle(), e.visibilityTimeout());
            ok.add(ChangeMessageVisibilityBatchResultEntry.builder().id(e.id()).build());
        });
        return ChangeMessageVisibilityBatchResponse.builder().successful(ok).failed(failed).build();
    }

    /** Checks a missing handle, then the timeout, then whether the handle is this queue's; then changes. */
    private static void changeVisibility(SqsQueue q, String handle, Integer seconds) {
        SqsErrors.required(handle, "ReceiptHandle");
        long millis = MessageRules.visibilityMillis(seconds);
        q.changeVisibility(handle(q, handle), millis);
    }

    /** A receipt handle of this queue; MissingParameter without one, ReceiptHandleIsInvalid for any other. */
    private static ReceiptHandle handle(SqsQueue q, String text) {
        SqsErrors.required(text, "ReceiptHandle");
        return ReceiptHandle.parse(text).filter(h -> h.queueArn().equals(q.arn()))
                .orElseThrow(() -> SqsErrors.receiptHandleIsInvalid(text));
    }

    /** Runs each entry of a batch; an entry that fails with an AWS error becomes a failed entry, and the others go on. */
    private static <E> List<BatchResultErrorEntry> eachEntry(List<E> entries, Function<E, String> id, Consumer<E> action) {
        List<BatchResultErrorEntry> failed = new ArrayList<>();
        for (E e : entries) {
            try {
                action.accept(e);
            } catch (AwsException ex) {
                failed.add(BatchResultErrorEntry.builder().id(id.apply(e)).code(ex.code()).message(ex.getMessage())
                        .senderFault(true).build());
            }
        }
        return failed;
    }
}
