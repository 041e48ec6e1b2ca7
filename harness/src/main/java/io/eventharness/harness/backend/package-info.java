/**
 * Where scenario tests run: {@link io.eventharness.harness.backend.Backend} and its four kinds — the embedded
 * emulator (in the JVM, a movable clock and an event trail), LocalStack in a container (Testcontainers), a real
 * AWS account, and whatever already runs at an endpoint ({@link io.eventharness.harness.backend.EndpointBackend}: a
 * standalone emulator, a CI service container) — and {@link io.eventharness.harness.backend.BackendConfig}, how a run
 * chooses and configures one ({@code -Dharness.backend}, {@code HARNESS_BACKEND}, ...). What each serves and can do
 * ({@link io.eventharness.harness.backend.Capabilities}, {@link io.eventharness.harness.backend.Feature}) is known
 * before it starts, so tests that need what a backend lacks are skipped up front. A backend that cannot start here says so in one
 * {@link io.eventharness.harness.backend.BackendUnavailableException} without a stack trace.
 *
 * <p>Imports the emulator (for the embedded backend), Testcontainers and the AWS SDK; nothing of the harness.
 */
package io.eventharness.harness.backend;
