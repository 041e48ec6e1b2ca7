/**
 * The one place every cross-service event passes through (S3 → Lambda, SNS → SQS, a poller → a function, a
 * rule → its target): {@link io.eventharness.emulator.delivery.Delivery} hands a message to the service that owns
 * the target ARN and records the hop, with its outcome, in the {@link io.eventharness.emulator.delivery.EventTrail}
 * that a failing test prints. Services register as targets; they never call each other directly. A target that
 * checks resource policies asks {@code trustedWithoutPolicy(source)} first: the emulator's switch for S3
 * ({@code withS3DestinationPolicyCheck(false)}) trusts S3 without them.
 *
 * <p>It also holds the ports through which one service reads another's resources the way AWS's own pollers do,
 * without importing it: {@link io.eventharness.emulator.delivery.ConsumableQueues} (SQS's queues) and
 * {@link io.eventharness.emulator.delivery.ReadableStreams} (Kinesis's and DynamoDB's streams, read by Lambda's event
 * source mappings); {@code Services} hands the offering service's implementation to the reader. May import:
 * {@code core}.
 */
package io.eventharness.emulator.delivery;
