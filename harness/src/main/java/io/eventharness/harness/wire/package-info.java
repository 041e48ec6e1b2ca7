/**
 * Wiring triggers the way AWS requires, with the permissions real AWS checks (a function's resource policy, a
 * queue policy merged with what the queue allowed before): {@link io.eventharness.harness.wire.Wiring}, and
 * {@link io.eventharness.harness.wire.QueuePolicy} for the policy documents.
 *
 * <p>Imports {@code observe} (to retry while a fresh role propagates), {@code backend} (what a backend can deliver:
 * a wiring it cannot do fails at once) and the AWS SDK. What it needs of the API it
 * declares here — the clients ({@link io.eventharness.harness.wire.WiringClients}, which the harness's
 * {@code Clients} implements) and the function a trigger points at ({@link io.eventharness.harness.wire.FunctionTarget},
 * which {@code DeployedFunction} implements) — so that the API, which returns a {@code Wiring}, is the only one to
 * import the other.
 */
package io.eventharness.harness.wire;
