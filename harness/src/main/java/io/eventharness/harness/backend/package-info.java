/**
 * Where scenario tests run: {@link io.eventharness.harness.backend.Backend} and its three kinds — the embedded
 * emulator (in the JVM, a movable clock and an event trail), LocalStack in a container (Testcontainers), a real
 * AWS account — and {@link io.eventharness.harness.backend.BackendConfig}, how a run chooses and configures one
 * ({@code -Dharness.backend}, {@code HARNESS_BACKEND}, ...). A backend that cannot start here says so in one
 * {@link io.eventharness.harness.backend.BackendUnavailableException} without a stack trace.
 *
 * <p>Imports the emulator (for the embedded backend), Testcontainers and the AWS SDK; nothing of the harness.
 */
package io.eventharness.harness.backend;
