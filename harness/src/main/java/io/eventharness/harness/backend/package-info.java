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
 * <p>The embedded backend loads the emulator in a class loader of its own ({@code IsolatedEmulator}: the standalone
 * {@code emulator.jar} the harness jar carries, beside the JDK and nothing else) and drives it through its
 * {@code Bridge} with JDK types only, so the emulator's libraries never meet the test's. Testcontainers is an optional
 * dependency, needed only by the LocalStack backend, whose absence is reported naming the coordinates to add.
 *
 * <p>Imports Testcontainers (LocalStack only) and the AWS SDK; no class of the emulator, nothing of the harness.
 */
package io.eventharness.harness.backend;
