package io.eventharness.harness.observe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The two settles: the backend's signal, and the quiet period where there is none (code paths of LocalStack and AWS). */
class SettleTest {
    private static final Await WAIT = new Await(() -> "THE STORY", Duration.ofSeconds(2));

    @Test
    void aSignalThatSettlesReturnsAndOneThatDoesNotFailsNamingWhatIsPending() {
        Settle.bySignal(WAIT, limit -> List.of());
        assertThatThrownBy(() -> Settle.bySignal(WAIT, limit -> List.of("invocation of arn:aws:lambda:…:function:f")))
                .isInstanceOf(AwaitTimeout.class)
                .hasMessageContaining("waiting for the backend to settle")
                .hasMessageContaining("still pending: invocation of arn:aws:lambda:…:function:f")
                .hasMessageContaining("THE STORY");
    }

    @Test
    void theQuietPeriodStartsAgainWhenSomethingChanges() {
        AtomicLong now = new AtomicLong();
        AtomicInteger polls = new AtomicInteger();
        // each poll moves the fake clock 100 ms; the fingerprint changes on the first three polls, then stays
        Settle.byQuietPeriod(WAIT, Duration.ofMillis(500), () -> {
            int n = polls.incrementAndGet();
            now.addAndGet(100_000_000L);
            return new Settle.Snapshot("q=" + Math.min(n, 3), null);
        }, now::get);
        // changed at polls 1..3, then quiet from poll 3: 500 ms later is poll 8
        assertThat(polls.get()).isEqualTo(8);
    }

    @Test
    void aBusyResourceKeepsItUnsettledHoweverLongNothingChanges() {
        AtomicLong now = new AtomicLong();
        AtomicInteger polls = new AtomicInteger();
        Settle.byQuietPeriod(WAIT, Duration.ofMillis(200), () -> {
            now.addAndGet(1_000_000_000L);
            return new Settle.Snapshot("same", polls.incrementAndGet() < 5 ? "queue q holds 1 message(s) for its mapping" : null);
        }, now::get);
        assertThat(polls.get()).isEqualTo(5);

        assertThatThrownBy(() -> Settle.byQuietPeriod(WAIT.atMost(Duration.ofMillis(300)), Duration.ofMillis(10),
                () -> new Settle.Snapshot("same", "queue q holds 1 message(s) for its mapping"), now::get))
                .isInstanceOf(AwaitTimeout.class)
                .hasMessageContaining("the backend to settle (quiet for 10 ms)")
                .hasMessageContaining("busy: queue q holds 1 message(s) for its mapping");
    }

    @Test
    void theQuietPeriodIsLongerOnAwsAndCanBeSet() {
        assertThat(Settle.quietPeriod("localstack")).isEqualTo(Duration.ofSeconds(2));
        assertThat(Settle.quietPeriod("aws")).isEqualTo(Duration.ofSeconds(10));
        System.setProperty("harness.settle.quiet", "PT5S");
        try {
            assertThat(Settle.quietPeriod("aws")).isEqualTo(Duration.ofSeconds(5));
        } finally {
            System.clearProperty("harness.settle.quiet");
        }
    }
}
