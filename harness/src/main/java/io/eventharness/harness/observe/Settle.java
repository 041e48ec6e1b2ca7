package io.eventharness.harness.observe;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The wait for a backend to be settled — nothing more will happen until the test acts again — so that a test can
 * assert that something did <em>not</em> happen (the filtered message was not delivered, the {@code .txt} function
 * was not invoked) without waiting out a timeout. Two ways, one per kind of backend:
 * <ul>
 *   <li>{@link #bySignal} — the embedded emulator knows what is pending (queued deliveries, running invocations,
 *       open batching windows, messages a mapping has yet to take, clock tasks due now) and says when none is left;
 *       exact and quick.</li>
 *   <li>{@link #byQuietPeriod} — LocalStack and AWS do not say, so the harness watches what it can see of the test's
 *       own resources (each queue's message counts, each function's log, whether a mapping's queue still holds
 *       messages) and calls it settled once nothing is busy and nothing changed for a quiet period
 *       ({@code -Dharness.settle.quiet}, default {@value #LOCALSTACK_QUIET_DEFAULT} on LocalStack and
 *       {@value #AWS_QUIET_DEFAULT} on AWS). A heuristic: an event AWS delivers later than the quiet period after the
 *       last visible change is missed, and SQS's approximate counts may lag.</li>
 * </ul>
 * Either way, a backend that does not settle within the wait's limit fails with an {@link AwaitTimeout} that says
 * what was still pending and tells the story.
 *
 * <pre>{@code
 * s3.putObject(b -> b.bucket(uploads).key("notes.md"), RequestBody.fromString("# no trigger for this"));
 * cloud.settle();                                   // cloud.settle() calls one of these
 * assertThat(cloud.logsOf(thumbnailer).invocations()).hasSize(before);
 * }</pre>
 */
public final class Settle {
    static final String LOCALSTACK_QUIET_DEFAULT = "PT2S";
    static final String AWS_QUIET_DEFAULT = "PT10S";
    static final String WHAT = "the backend to settle";

    /**
     * What the quiet-period wait sees of the test's resources at one moment.
     *
     * @param fingerprint everything that changes while something happens (message counts, log lengths); compared
     *                    between polls
     * @param busy        why it is certainly not settled yet (a mapped queue still holds messages), or null
     */
    public record Snapshot(String fingerprint, String busy) {
    }

    private Settle() {
    }

    /** The quiet period on a backend without a settled signal: {@code -Dharness.settle.quiet}, else the backend's default. */
    public static Duration quietPeriod(String backend) {
        String set = System.getProperty("harness.settle.quiet");
        return Duration.parse(set != null ? set : "aws".equals(backend) ? AWS_QUIET_DEFAULT : LOCALSTACK_QUIET_DEFAULT);
    }

    /**
     * Asks the backend's signal to settle within the wait's limit; {@code signal} returns what is still pending then
     * (empty when settled).
     */
    public static void bySignal(Await await, Function<Duration, List<String>> signal) {
        List<String> pending = signal.apply(await.atMost());
        if (!pending.isEmpty()) {
            throw await.timedOut(WHAT, "still pending: " + String.join("; ", pending), null);
        }
    }

    /** Polls {@code probe} until nothing is busy and its fingerprint stayed the same for {@code quiet}. */
    public static void byQuietPeriod(Await await, Duration quiet, Supplier<Snapshot> probe) {
        byQuietPeriod(await, quiet, probe, System::nanoTime);
    }

    /** As {@link #byQuietPeriod(Await, Duration, Supplier)}, on a given monotonic clock (nanoseconds). */
    static void byQuietPeriod(Await await, Duration quiet, Supplier<Snapshot> probe, LongSupplier nanos) {
        Quiet state = new Quiet(quiet, nanos);
        await.until(WHAT + " (quiet for " + AwaitTimeout.human(quiet) + ")", () -> state.observe(probe.get()),
                Quiet::settled, Quiet::describe);
    }

    /** The quiet-period wait's state: the last fingerprint and since when it has not changed. */
    private static final class Quiet {
        private final Duration quiet;
        private final LongSupplier nanos;
        private Snapshot last;
        private long unchangedSince;

        Quiet(Duration quiet, LongSupplier nanos) {
            this.quiet = quiet;
            this.nanos = nanos;
        }

        Quiet observe(Snapshot now) {
            if (last == null || !Objects.equals(last.fingerprint(), now.fingerprint())) {
                unchangedSince = nanos.getAsLong();
            }
            last = now;
            return this;
        }

        boolean settled() {
            return last.busy() == null && nanos.getAsLong() - unchangedSince >= quiet.toNanos();
        }

        String describe() {
            long quietMs = (nanos.getAsLong() - unchangedSince) / 1_000_000;
            return (last.busy() != null ? "busy: " + last.busy() + "; " : "") + "unchanged for " + quietMs + " ms: " + last.fingerprint();
        }
    }
}
