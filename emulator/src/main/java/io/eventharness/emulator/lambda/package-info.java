/**
 * AWS Lambda's API (restJson1): functions, versions, aliases, permissions, invoke (synchronous and
 * asynchronous with retries, dead-letter queues and destinations), concurrency. Functions run in the sandboxes of
 * {@code lambda.runtime}; other services invoke them through {@code delivery} ({@code arn:aws:lambda:…}). May
 * import: {@code core}, {@code protocol}, {@code delivery}, {@code lambda.runtime}.
 */
package io.eventharness.emulator.lambda;
