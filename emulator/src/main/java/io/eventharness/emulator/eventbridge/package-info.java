/**
 * Amazon EventBridge (the {@code events} API, awsJson 1.1, {@code X-Amz-Target: AWSEvents.<Op>}): the default and
 * custom event buses, rules with an event pattern (matched by AWS's own Event Ruler) or a schedule
 * ({@code rate(...)}, {@code cron(...)}, UTC, default bus only), targets (Lambda functions invoked asynchronously,
 * SQS queues, FIFO ones with a message group, SNS topics, other buses) with {@code Input}, {@code InputPath} or
 * {@code InputTransformer}, retry policies and dead-letter queues, PutEvents, TestEventPattern, tags.
 *
 * <p><b>Layout</b> (the pattern of {@code sqs}):
 * <ul>
 *   <li>state — {@code EventBuses} (per region; the default bus exists from its first use), {@code EventBus} (its
 *       rules and tags), {@code EventRule} (definition, targets, tags): private fields, changed through their own
 *       methods under their own locks; no HTTP;</li>
 *   <li>operations — {@code BusOperations}, {@code RuleOperations}, {@code TargetOperations},
 *       {@code EventOperations}, {@code TagOperations}: public classes (the pipeline calls them by reflection) with
 *       package-private constructors;</li>
 *   <li>routing — {@code EventRouter} (matches an event to the enabled rules of its bus; runs each scheduled rule
 *       as a {@code schedule.Recurrence} on the clock), {@code TargetDispatch} (one event to one target through
 *       {@code delivery}, retries on the clock, the dead-letter queue), {@code BusDelivery} (the {@code delivery}
 *       target for bus ARNs: events from S3, from another bus's rule, Lambda destination records);</li>
 *   <li>service class — {@link io.eventharness.emulator.eventbridge.EventBridgeService}: {@code SPEC}, builds the
 *       rest, registers {@code BusDelivery}; {@code Queues} is what it asks of SQS (queue policies), filled in by
 *       {@code Services};</li>
 *   <li>errors — {@code EventBridgeErrors}; values — {@code RuleTarget}, {@code TargetInput}, {@code EventPattern},
 *       {@code JsonPath}, {@code Events} (the event envelope in AWS's key order).</li>
 * </ul>
 *
 * <p><b>Permissions, as in AWS.</b> A Lambda target is invoked only when its resource policy lets
 * {@code events.amazonaws.com} invoke it for the rule's ARN ({@code AddPermission}; Lambda checks it); an SQS target
 * and an SQS dead-letter queue only when the queue's {@code Policy} lets {@code events.amazonaws.com}
 * {@code sqs:SendMessage} ({@code QueuePolicies}). Such a failure, like a target that does not exist, is not retried
 * (the EventBridge guide: only throttles and 5xx are); the event goes to the target's dead-letter queue with
 * {@code RULE_ARN}, {@code TARGET_ARN}, {@code ERROR_CODE}, {@code ERROR_MESSAGE}, {@code RETRY_ATTEMPTS} (and
 * {@code EXHAUSTED_RETRY_CONDITION} when retries ran out), or is dropped; every hop and the outcome are in the trail.
 *
 * <p><b>Differences from AWS.</b> A scheduled rule fires exactly at its due time (AWS: within that minute), a
 * {@code rate} one period after the rule is put or enabled, then every period. SNS topic policies are not checked.
 * RoleArn is stored, not used (IAM is not enforced). A rule's own {@code RoleArn} and target {@code RoleArn} are
 * returned as given. Archives, replays, API destinations, connections, endpoints, partner event sources, bus
 * policies (PutPermission), and the target types other than Lambda, SQS, SNS and event buses are not emulated:
 * their operations answer 501, their parameters are refused naming them.
 *
 * <p><b>May import:</b> {@code core}, {@code protocol} (its spec and {@code Call}), {@code delivery},
 * {@code schedule}.
 */
package io.eventharness.emulator.eventbridge;
