/**
 * The request pipeline, on top of everything it calls, in one visible order
 * ({@link io.eventharness.emulator.pipeline.FrontDoor}): admin routes, route to a service, authenticate the caller
 * ({@code auth}), decode with the protocol's codec, authorize the call ({@link
 * io.eventharness.emulator.pipeline.Authorizer}: IAM's policies, when enforced), call the typed operation, encode the result or the error. Client mistakes become the
 * protocol's 4xx; an emulator bug becomes a logged 500, never a hang. May import: every layer below it.
 */
package io.eventharness.emulator.pipeline;
