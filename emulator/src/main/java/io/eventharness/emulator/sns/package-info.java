/**
 * Amazon SNS (query protocol): standard and FIFO topics, subscriptions with confirmation, filter policies, raw
 * delivery and dead-letter queues, Publish and PublishBatch, tags. Messages reach SQS queues and Lambda functions
 * through {@code delivery}; other services publish to topics through it too ({@code arn:aws:sns:…}).
 *
 * <p><b>Layout.</b>
 * <ul>
 *   <li>{@link io.eventharness.emulator.sns.SnsService} — the spec, the state, the operation objects, the
 *       {@code delivery} target, and the in-JVM API ({@code topicExists} for S3's notification checks,
 *       {@code confirmationToken} for tests).</li>
 *   <li>State, no HTTP: {@code SnsTopics} (the registry: topics, subscriptions by ARN and by confirmation token),
 *       {@code SnsTopic} (attributes, tags, subscriptions, FIFO numbering and deduplication, the {@code Outbox} of
 *       its deliveries; it locks itself) and {@code SnsSubscription} (endpoint, confirmation, attributes; it
 *       shares its topic's lock). The registry's lock comes before a topic's; no lock is held while a message is
 *       delivered.</li>
 *   <li>Operations: {@code TopicOperations}, {@code SubscriptionOperations}, {@code PublishOperations},
 *       {@code TagOperations}.</li>
 *   <li>Publishing: {@code PublishChecks} (a message's checks, the {@code Draft} and {@code Checked} records),
 *       {@code SnsPublisher} (hands a checked message to its topic; the target of other services' messages),
 *       {@code Fanout} (per subscription: filter policy, then what its protocol gets, then the dead-letter queue
 *       when delivery fails: the function or queue is gone, the function's policy does not allow the topic, the queue's
 *       policy does not (asked through {@code QueueAccess}, which {@code Services} fills in when policies are
 *       enforced; then the dead-letter queue's too), SQS
 *       refuses a raw message's attributes — more than ten, which AWS discards as a client-side error —; the
 *       dead-letter queue gets the envelope, or the raw message with its attributes), {@code SnsEnvelopes} (the JSON
 *       SNS delivers), {@code SnsMessageAttributes}. Other services' messages may carry a subject (S3's
 *       {@code Amazon S3 Notification}).
 *       A new kind of delivery (another protocol, attributes carried to another target, a redrive for Lambda)
 *       goes into {@code Fanout}, with what it needs of the subscription in its {@code Route}.</li>
 *   <li>Rules and values: {@code TopicAttributes}, {@code SnsEndpoints} (endpoints per protocol, who must confirm),
 *       {@code FilterPolicy} with {@code FilterPolicyCompiler} and {@code FilterCondition}, {@code SnsTags},
 *       {@code SnsArns} (the ARNs SNS builds and checks, as {@code core.Arn}), {@code Page}, {@code SnsErrors}.</li>
 * </ul>
 *
 * <p><b>Differs from AWS.</b> HTTP/S, email, SMS, mobile push and Firehose endpoints are not contacted; what they
 * would get is recorded in the event trail (for HTTP/S and email, the SubscriptionConfirmation with its token —
 * also at {@code SnsService.confirmationToken}). Message signatures have AWS's form but do not verify. Access
 * policies are evaluated by the request pipeline only when the emulator enforces policies; delivery policies are
 * stored, not enforced (no retries: a delivery that fails goes to the
 * dead-letter queue at once); one account. Deliveries run synchronously, on the publishing thread (or on that of a
 * concurrent publisher to the same topic already delivering), so a lone publisher finds them done when Publish
 * returns; AWS delivers asynchronously.
 *
 * <p>May import: {@code core}, {@code protocol}, {@code delivery}.
 */
package io.eventharness.emulator.sns;
