/**
 * Faults on purpose (issue 17): a test arms {@link io.eventharness.emulator.faults.ApiFaults} to make the next N calls
 * of one operation of one service ({@code s3:PutObject}) answer with AWS's throttling or server error instead of
 * being served, so that the SDK's own retries and the glue's error handling run. Faults are counted, never random:
 * a failing test fails the same way each time. Each injected fault is a hop in the event trail ({@code fault}, from
 * the service to the operation). The request pipeline asks before it invokes an operation; the admin endpoints
 * ({@code /_harness/faults}) arm, list and clear them. Not yet: faults of a function's invocations (fail, time out,
 * crash the sandbox), fractions with a seed, calls from one function only. May import: {@code core}, {@code delivery}.
 */
package io.eventharness.emulator.faults;
