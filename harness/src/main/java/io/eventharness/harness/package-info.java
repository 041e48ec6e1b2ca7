/**
 * What scenario tests use: {@link io.eventharness.harness.EventHarness @EventHarness} and its JUnit extension,
 * {@link io.eventharness.harness.Cloud} (one per test, one per test class: clients, unique names, deploy, wire,
 * observe, time, teardown), {@link io.eventharness.harness.Harness} (the backend and what a run shares), the
 * function specs ({@link io.eventharness.harness.PythonFunction}, {@link io.eventharness.harness.NodeFunction},
 * {@link io.eventharness.harness.JavaFunction}), {@link io.eventharness.harness.DeployedFunction}, and
 * {@link io.eventharness.harness.Needs} and {@link io.eventharness.harness.NeedsClock} (skip a test up front where the
 * backend lacks what it needs).
 *
 * <p>JUnit owns every lifecycle here: the shared harness is held in the launcher session's store, a class's Cloud in
 * the class's store, a test's Cloud in the test's store, and JUnit closes each when its scope ends.
 *
 * <p>The packages, bottom up; each may import only those below it (and the AWS SDK, JUnit; the emulator is not on the class path: {@code backend} loads it apart):
 * <ol>
 *   <li>{@code backend} — where tests run (embedded, LocalStack, AWS, an endpoint), how the run chooses, and what each
 *       can do; imports nothing of the harness;</li>
 *   <li>{@code deploy} — deployment packages and the execution role; imports nothing of the harness;</li>
 *   <li>{@code observe} — the one wait ({@code Await}, its {@code AwaitTimeout}) and the views it waits on (queues,
 *       buckets, logs); imports nothing of the harness;</li>
 *   <li>{@code junit} — JUnit plumbing that knows nothing of the Cloud (field injection and its rules); imports nothing
 *       of the harness;</li>
 *   <li>{@code wire} — trigger wiring shaped like the AWS APIs; imports {@code observe} and {@code backend}, and
 *       declares what it needs of the API ({@code WiringClients}, {@code FunctionTarget}) instead of importing it;</li>
 *   <li>{@code report} — the per-test HTML report and the run's index; imports {@code backend} and {@code observe}, and
 *       is handed what it draws ({@code Scene}, {@code TestResult});</li>
 *   <li>this package — the API and the extension; imports all of the above.</li>
 * </ol>
 * The extension lives here, beside the annotation that names it, so that nothing below imports the API.
 * {@code LayersTest} fails on any cycle between packages and on a package without a {@code package-info.java}.
 */
package io.eventharness.harness;
