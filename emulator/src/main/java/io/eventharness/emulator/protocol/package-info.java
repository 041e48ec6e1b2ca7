/**
 * The wire protocols: one codec per AWS protocol (awsJson 1.0/1.1 with CBOR, restJson1, restXml, query) that turns
 * an HTTP request into the SDK's typed request object and the typed response (or an
 * {@link io.eventharness.emulator.core.AwsException}) back into HTTP. The SDK's model classes are the spec: no
 * operation has parsing code of its own. Also what services declare themselves with
 * ({@link io.eventharness.emulator.protocol.ServiceSpec}, {@link io.eventharness.emulator.protocol.EmulatedService})
 * and what an operation may know of its request beyond the typed object
 * ({@link io.eventharness.emulator.protocol.Call}: request id, region, credential scope, the caller's principal, payload; never the HTTP
 * request). May import: {@code core}, {@code http}, {@code policy} (principals).
 */
package io.eventharness.emulator.protocol;
