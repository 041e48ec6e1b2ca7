/**
 * Which service a request is for: the SigV4 credential scope, then {@code X-Amz-Target}, then the query
 * {@code Action}, else S3's REST paths ({@link io.eventharness.emulator.routing.ServiceRouter}); and each service
 * as the pipeline holds it, with its operation model and codecs built on first use or ahead of it
 * ({@link io.eventharness.emulator.routing.ServiceBinding}). May import: {@code core}, {@code http},
 * {@code protocol}.
 */
package io.eventharness.emulator.routing;
