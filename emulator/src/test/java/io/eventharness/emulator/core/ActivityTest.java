package io.eventharness.emulator.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The emulator's pending work: what keeps it unsettled, and how a waiter learns that it settled. */
class ActivityTest {
    private final EmulatorClock clock = new EmulatorClock();
    private final Activity activity = clock.activity();

    @AfterEach
    void close() {
        clock.close();
    }

    @Test
    void workIsPendingUntilItEndsAndAWaiterIsWokenThen() throws Exception {
        Activity.Pending token = activity.begin("a delivery");
        CompletableFuture<Void> work = activity.track(new CompletableFuture<>(), "an invocation", false);
        assertThat(activity.pending()).containsExactlyInAnyOrder("a delivery", "an invocation");
        assertThatThrownBy(() -> activity.awaitSettled(Duration.ofMillis(50))).isInstanceOfSatisfying(
                Activity.NotSettledException.class, e -> assertThat(e.pending()).containsExactlyInAnyOrder("a delivery", "an invocation"));

        Thread waiter = new Thread(() -> activity.awaitSettled(Duration.ofSeconds(30)));
        waiter.start();
        token.close();
        token.close();
        work.complete(null);
        waiter.join(30_000);
        assertThat(waiter.isAlive()).isFalse();
        assertThat(activity.pending()).isEmpty();
    }

    @Test
    void aClockTaskIsPendingOnceItIsDueNotBefore() {
        clock.schedule(Duration.ofHours(1), () -> { });
        assertThat(activity.pending()).isEmpty();
        activity.awaitSettled(Duration.ofSeconds(1));
    }

    @Test
    void aProbeIsAskedAtEveryCheckAndAChangeWakesTheWaiter() throws Exception {
        AtomicBoolean busy = new AtomicBoolean(true);
        activity.probe(out -> {
            if (busy.get()) {
                out.add("a mapping could receive");
            }
            return Long.MAX_VALUE;
        });
        assertThat(activity.pending()).containsExactly("a mapping could receive");
        Thread waiter = new Thread(() -> activity.awaitSettled(Duration.ofSeconds(30)));
        waiter.start();
        busy.set(false);
        activity.changed();
        waiter.join(30_000);
        assertThat(waiter.isAlive()).isFalse();
    }

    @Test
    void workHandedOffByATaskHoldsAdvanceAndIsPending() {
        CompletableFuture<Void> handed = new CompletableFuture<>();
        clock.schedule(Duration.ofSeconds(10), () -> {
            clock.handedOff(handed, "a retry");
            new Thread(() -> handed.complete(null)).start();
        });
        clock.advance(Duration.ofSeconds(10));
        assertThat(handed).isDone(); // advance waited for it
        assertThat(activity.pending()).isEmpty();
    }
}
