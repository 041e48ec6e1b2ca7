/**
 * The emulator's own endpoints under {@code /_harness/} (health, the clock, the event trail, the AWS APIs' armed
 * faults, Lambda deployment packages, the denials of enforced policies), in plain JSON rather than an AWS protocol. May
 * import: {@code core}, {@code http}, {@code routing}, {@code delivery}, {@code faults}, {@code policy} (denials and
 * their least-privilege policies) and the services it reports on.
 */
package io.eventharness.emulator.admin;
