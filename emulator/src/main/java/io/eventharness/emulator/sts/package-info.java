/**
 * AWS STS (query protocol): caller identity, assumed roles and session tokens, expiring on the emulator clock.
 * Reads roles and access keys through IAM's in-JVM API. May import: {@code core}, {@code protocol}, {@code iam}.
 */
package io.eventharness.emulator.sts;
