/**
 * Amazon SQS: standard and FIFO queues, visibility timeouts, delays, retention, long polling, FIFO groups and
 * deduplication, redrive to dead-letter queues, batches, tags. Served to the SDK (awsJson 1.0) and to the AWS CLI
 * and boto3 (query); other services send to queues through {@code delivery}, by the queue's exact ARN, and consume
 * them through {@code delivery}'s {@code ConsumableQueues} ({@code QueueConsumers}: Lambda's event source mappings
 * receive without waiting and watch each queue's one change signal instead of long polling).
 *
 * <p><b>Layout</b> (the pattern every service copies):
 * <ul>
 *   <li>state — {@code SqsQueues} (the registry: by name, URL, {@code Arn}), {@code SqsQueue} (one queue:
 *       private fields changed only through its own methods, its messages under its own lock; its attributes, tags
 *       and times in {@code QueueSettings}, its messages in {@code QueueMessages}; its watchers told of every change), {@code SqsRedrive} (dead-letter moves),
 *       {@code QueueConsumers} (the queues as internal consumers read them): no HTTP, no requests;</li>
 *   <li>operations — {@code QueueOperations}, {@code MessageOperations}, {@code TagOperations},
 *       {@code DeadLetterOperations}: public classes (the pipeline calls them by reflection) with package-private
 *       constructors; public {@code FooResponse foo(FooRequest[, Call])}, each operation in one class: validate
 *       ({@code SqsAttributes}, {@code MessageRules}, {@code MessageSender}), call the state, build the typed
 *       response ({@code ReceivedMessages}, {@code MessageMd5});</li>
 *   <li>service class — {@link io.eventharness.emulator.sqs.SqsService}: {@code SPEC} (and
 *       {@code SqsQueryNames}), builds the state and the operation objects, registers {@code QueueDelivery}
 *       with {@code delivery}, offers the in-JVM API; no operation methods;</li>
 *   <li>errors — {@code SqsErrors}: each AWS error, with the code the SDK maps to its exception and the legacy
 *       query code;</li>
 *   <li>values — records: {@code SqsMessage}, {@code NewMessage}, {@code SentMessage}, {@code ReceivedMessage},
 *       {@code ReceiptHandle}, {@code QueueCounts}, {@code QueueAttributes}, {@code RedrivePolicy}; every ARN
 *       is a {@code core.Arn}.</li>
 * </ul>
 *
 * <p><b>Differences from AWS.</b> One account ({@code 000000000000}) and one namespace of queue names for all
 * regions: a queue's ARN carries the region of the call that created it, and its name is taken in every region.
 * A queue URL is {@code <endpoint>/<account>/<name>}, and only its last segment is read. Every message has the
 * same {@code SenderId}. Approximate counts are exact; PurgeQueue empties the queue at once. Long polling waits
 * in real time (the client's request stays open that long); visibility, delays, retention and the five-minute
 * deduplication window follow the emulator's clock. A redrive whose dead-letter queue is gone keeps the message
 * in its queue. {@code Policy}, {@code RedriveAllowPolicy}, the KMS attributes, {@code DeduplicationScope} and
 * {@code FifoThroughputLimit} are validated and stored, not enforced (deduplication is per queue). Permissions
 * (AddPermission, RemovePermission) and message move tasks are not emulated: they answer 501.
 *
 * <p><b>May import:</b> {@code core}, {@code protocol} (its spec and {@code Call}), {@code delivery}.
 */
package io.eventharness.emulator.sqs;
