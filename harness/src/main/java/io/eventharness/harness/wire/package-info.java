/**
 * Wiring triggers the way AWS requires, with the permissions real AWS checks (a function's resource policy, a
 * queue policy merged with what the queue allowed before, the Scheduler role): {@link io.eventharness.harness.wire.Wiring},
 * the EventBridge {@link io.eventharness.harness.wire.Rule} it puts and the Scheduler
 * {@link io.eventharness.harness.wire.Schedule} it creates (each pointed at its targets), and
 * {@link io.eventharness.harness.wire.QueuePolicy} for the policy documents.
 *
 * <p>Imports {@code observe} (to retry while a fresh role propagates) and the AWS SDK. What it needs of the API it
 * declares here — the clients ({@link io.eventharness.harness.wire.WiringClients}, which the harness's
 * {@code Clients} implements) and the function a trigger points at ({@link io.eventharness.harness.wire.FunctionTarget},
 * which {@code DeployedFunction} implements) — so that the API, which returns a {@code Wiring}, is the only one to
 * import the other.
 */
package io.eventharness.harness.wire;
