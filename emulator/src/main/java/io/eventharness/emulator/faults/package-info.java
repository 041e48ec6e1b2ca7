/**
 * Faults on purpose (issue 17): a test arms {@link io.eventharness.emulator.faults.ApiFaults} to make the next N calls
 * of one operation of one service ({@code s3:PutObject}) answer with AWS's throttling or server error instead of
 * being served, so that the SDK's own retries and the glue's error handling run; or to make the next N invocations of
 * a function fail with a given error type and message, its code not run, however it is invoked (Invoke, the async
 * queue, an event source), so that Lambda's retries, dead-letter queues, destinations and batch failures run. Faults
 * are counted, never random: a failing test fails the same way each time. Each injected fault is a hop in the event
 * trail ({@code fault}: from the service to the operation, or from {@code lambda} to the function). The request
 * pipeline asks before it invokes an operation, Lambda before it runs an invocation; the admin endpoints
 * ({@code /_harness/faults}) arm, list and clear them. Not yet: a timeout, a crashed sandbox or exceeded memory as
 * such (an injected error type names them, the sandbox is not touched), added latency, fractions with a seed, calls
 * from one function only. May import: {@code core}, {@code delivery}.
 */
package io.eventharness.emulator.faults;
