/**
 * The request pipeline, on top of everything it calls, in one visible order
 * ({@link io.eventharness.emulator.pipeline.FrontDoor}): admin routes, route to a service, authenticate the caller
 * ({@code auth}), decode with the protocol's codec, authorize the call ({@link
 * io.eventharness.emulator.pipeline.Authorizer}: when IAM's policies are enforced, {@link
 * io.eventharness.emulator.pipeline.PolicyAuthorizer} evaluates the permissions {@code IamActions} derives from the
 * typed request, read as {@code RequestMembers}, with {@code IamResources} naming the one resource of most services,
 * and words a denial as the service does, {@code AccessDenied}), call the typed operation (or answer
 * with an armed fault's error), encode the result or the error; authentication failures are worded per protocol by
 * {@code AuthErrors}; a browser's request gets the CORS headers its service grants, a preflight ({@code OPTIONS})
 * those alone. Client mistakes become the
 * protocol's 4xx; an emulator bug becomes a logged 500, never a hang. May import: every layer below it.
 */
package io.eventharness.emulator.pipeline;
