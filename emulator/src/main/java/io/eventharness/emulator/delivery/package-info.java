/**
 * The one place every cross-service event passes through (S3 → Lambda, SNS → SQS, a poller → a function, a
 * rule → its target): {@link io.eventharness.emulator.delivery.Delivery} hands a message to the service that owns
 * the target ARN and records the hop, with its outcome, in the {@link io.eventharness.emulator.delivery.EventTrail}
 * that a failing test prints. Services register as targets; they never call each other directly. A target that
 * checks resource policies asks {@code trustedWithoutPolicy(source)} first: the emulator's switch for S3
 * ({@code withS3DestinationPolicyCheck(false)}) trusts S3 without them. May import:
 * {@code core}.
 */
package io.eventharness.emulator.delivery;
