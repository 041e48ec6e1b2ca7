/**
 * The embedded AWS, assembled: {@link io.eventharness.emulator.Emulator} (builder, frozen settings, start, close;
 * {@code SettingsDraft} is the builder's settings being changed, {@code ServicesInBackground} builds and warms up the
 * services on a thread of their own while the port opens),
 * {@link io.eventharness.emulator.Services} (one instance of each service, wired to the one clock and the
 * delivery hub; {@code Permissions} tells policy enforcement where policies are and records its denials),
 * {@link io.eventharness.emulator.Main} (the standalone jar, with {@code QuickJit}: its process compiles with C1 only)
 * and {@link io.eventharness.emulator.Bridge} (the emulator for a host that loads {@code emulator.jar} in a class
 * loader of its own, as the harness does: JDK types only, so that the two share no class). {@code WarmUp} prepares
 * each service's first request in the background once the services are built.
 *
 * <p>The layers, bottom up; each may import only the ones below it:
 * <ol>
 *   <li>{@code core} — the clock, ids, ARNs, errors, JSON: imports nothing of the emulator;</li>
 *   <li>{@code http} — the port (HTTP/1.1 and h2c) and the request and response values;</li>
 *   <li>{@code policy} — IAM's policy evaluation, pure: imports only {@code core};</li>
 *   <li>{@code protocol} — one codec per AWS wire protocol, driven by the SDK's model classes;</li>
 *   <li>{@code routing} — which service a request is for;</li>
 *   <li>{@code auth} — who signed a request, and SigV4 verification;</li>
 *   <li>{@code delivery} — the hub every cross-service event passes through, and its trail;</li>
 *   <li>{@code schedule} — schedule expressions ({@code rate}, {@code cron}, {@code at}), their occurrences on the
 *       clock and retries with back-off, shared by EventBridge rules and EventBridge Scheduler: imports only
 *       {@code core};</li>
 *   <li>the services ({@code s3}, {@code sqs}, {@code sns}, {@code logs}, {@code iam}, {@code sts},
 *       {@code kinesis}, {@code dynamodb}, {@code lambda}, {@code eventbridge}, {@code scheduler}) — each knows {@code core}, {@code protocol} (its spec and {@code Call}),
 *       {@code delivery} and, for schedules, {@code schedule}, never HTTP; events between services go through {@code delivery}; a service that
 *       must ask another something either uses its in-JVM API where AWS's own services are coupled so (STS
 *       reads IAM's roles) or declares an interface that {@code Services} fills in (S3 asks whether a queue
 *       exists without importing {@code sqs});</li>
 *   <li>{@code admin} — the emulator's own {@code /_harness/} endpoints;</li>
 *   <li>{@code pipeline} — the request pipeline: admin, route, decode, operate, encode;</li>
 *   <li>this package — the assembly.</li>
 * </ol>
 * {@code LayersTest} fails on any cycle between packages.
 *
 * <p><b>Where a new thing goes.</b> A new operation: a public method {@code FooResponse foo(FooRequest[, Call])}
 * on the operation class of its service that holds its neighbours (see {@link io.eventharness.emulator.protocol.EmulatedService}).
 * A new service: a package named after it, laid out as {@code sqs} is (its {@code package-info.java} describes the
 * pattern), registered in {@code Services}. A new event source (a bucket notifying, a poller invoking a function):
 * its rules in the source's service, every hop through {@code delivery}.
 */
package io.eventharness.emulator;
