/**
 * Wiring triggers the way AWS requires, with the permissions real AWS checks (a function's resource policy, a
 * queue's or topic's policy merged with what it allowed before, the Scheduler role):
 * {@link io.eventharness.harness.wire.Wiring}; the EventBridge {@link io.eventharness.harness.wire.Rule} it puts and the
 * Scheduler {@link io.eventharness.harness.wire.Schedule} it creates (each pointed at its targets); the
 * options of each trigger as its AWS API takes them ({@link io.eventharness.harness.wire.S3Events} for bucket
 * notifications, {@link io.eventharness.harness.wire.SubscriptionAttributes} for SNS subscriptions,
 * {@link io.eventharness.harness.wire.SqsMapping} for a queue's event source mapping,
 * {@link io.eventharness.harness.wire.StreamMapping} for a Kinesis or DynamoDB stream's); {@link io.eventharness.harness.wire.Mapping}
 * (a mapping and waits on its state); {@link io.eventharness.harness.wire.Wires} (what was wired, for the failure
 * story); {@code ResourceGrants} adds the statements a trigger needs to a function's, queue's or topic's policy,
 * {@link io.eventharness.harness.wire.ResourcePolicies} writes the policy documents; {@code EventSourceMappings}
 * creates a queue's or stream's mapping (retried while a fresh role propagates) and tells it in the story,
 * {@code EventBridgeTargets} a rule's targets and the schedules, {@code BucketNotifications} a bucket's notification
 * configuration entries (with the permission each destination needs).
 *
 * <p>Imports {@code observe} (to retry while a fresh role propagates), {@code backend} (what a backend can deliver:
 * a wiring it cannot do fails at once) and the AWS SDK. What it needs of the API it
 * declares here — the clients ({@link io.eventharness.harness.wire.WiringClients}, which the harness's
 * {@code Clients} implements) and the function a trigger points at ({@link io.eventharness.harness.wire.FunctionTarget},
 * which {@code DeployedFunction} implements) — so that the API, which returns a {@code Wiring}, is the only one to
 * import the other.
 */
package io.eventharness.harness.wire;
