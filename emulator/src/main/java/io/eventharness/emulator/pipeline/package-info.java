/**
 * The request pipeline, on top of everything it calls, in one visible order
 * ({@link io.eventharness.emulator.pipeline.FrontDoor}): admin routes, route to a service, decode with the
 * protocol's codec, call the typed operation, encode the result or the error; a browser's request gets the CORS
 * headers its service grants, a preflight ({@code OPTIONS}) those alone. Client mistakes become the
 * protocol's 4xx; an emulator bug becomes a logged 500, never a hang. May import: every layer below it.
 */
package io.eventharness.emulator.pipeline;
