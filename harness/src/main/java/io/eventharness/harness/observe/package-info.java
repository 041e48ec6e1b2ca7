/**
 * Watching what functions do, and waiting for it. {@link io.eventharness.harness.observe.Await} is the harness's one
 * wait (Awaitility underneath); when it runs out of time it throws an
 * {@link io.eventharness.harness.observe.AwaitTimeout} (an {@code AssertionFailedError}) that names what was awaited,
 * the limit and what was last seen, has the last error as its cause, and carries the story the {@code Cloud} tells
 * (event trail, invocations, log lines). The views — {@link io.eventharness.harness.observe.QueueView} (with its
 * {@link io.eventharness.harness.observe.Inbox}), {@link io.eventharness.harness.observe.BucketView},
 * {@link io.eventharness.harness.observe.TableView} (a DynamoDB table's items),
 * {@link io.eventharness.harness.observe.TableStreamView} (a table's stream records, each handed over once),
 * {@link io.eventharness.harness.observe.LogView} — read now; their {@code await()} gives their conditions over the
 * one wait ({@link io.eventharness.harness.observe.Waits} and its {@code QueueWaits}, {@code BucketWaits},
 * {@code TableWaits}, {@code TableStreamWaits}, {@code LogWaits}), fluent as Awaitility's: {@code cloud.queue(url).await().atMost(Duration.ofSeconds(5)).message()}.
 * {@link io.eventharness.harness.observe.Invocation} reads invocations from the log lines AWS writes: how each ended
 * (ok, an error, a timeout, a crash, out of memory) and, if it failed, its
 * {@link io.eventharness.harness.observe.Failure} (type, message, stack trace), which {@code FailureReader} reads from
 * the forms AWS's runtimes log.
 * {@link io.eventharness.harness.observe.Settle} waits until nothing more happens: the backend's signal, or a quiet
 * period where there is none.
 * {@link io.eventharness.harness.observe.TriggerView} (and its {@code TriggerWaits}) tells which of a function's
 * invocations a rule or a schedule caused, by the request ids of the trail's hops where the backend keeps a trail.
 *
 * <p>Imports Awaitility, opentest4j and the AWS SDK; nothing of the harness (the story comes in as a supplier).
 */
package io.eventharness.harness.observe;
