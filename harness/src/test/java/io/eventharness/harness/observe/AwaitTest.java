package io.eventharness.harness.observe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The pace of waits per backend, retrying only what is transient, and what a timeout tells. */
class AwaitTest {

    @Test
    void embeddedPollsEvery25MsAndRemoteBackendsBackOffTo1s() {
        assertThat(sequence(Await.Polling.forBackend("embedded"), 4)).containsExactly(25L, 25L, 25L, 25L);
        assertThat(sequence(Await.Polling.forBackend("localstack"), 6)).containsExactly(200L, 400L, 800L, 1000L, 1000L, 1000L);
        assertThat(Await.Polling.forBackend("aws")).isEqualTo(Await.Polling.REMOTE);
    }

    private static List<Long> sequence(Await.Polling p, int n) {
        List<Long> out = new ArrayList<>();
        Duration previous = Duration.ZERO; // Awaitility passes the poll delay first
        for (int i = 1; i <= n; i++) {
            previous = p.next(i, previous);
            out.add(previous.toMillis());
        }
        return out;
    }

    @Test
    void retryingRetriesTransientErrorsUntilTheActionSucceeds() {
        AtomicInteger calls = new AtomicInteger();
        String result = new Await(() -> "", Duration.ofSeconds(10)).retrying("the thing", () -> {
            if (calls.incrementAndGet() < 3) {
                throw new IllegalStateException("not yet");
            }
            return "done";
        }, e -> e.getMessage().equals("not yet"));
        assertThat(result).isEqualTo("done");
        assertThat(calls).hasValue(3);
    }

    @Test
    void retryingThrowsAnyOtherErrorAtOnceUnchanged() {
        AtomicInteger calls = new AtomicInteger();
        IllegalArgumentException wrong = new IllegalArgumentException("wrong runtime");
        assertThatThrownBy(() -> new Await(() -> "", Duration.ofSeconds(30)).retrying("the thing", () -> {
            calls.incrementAndGet();
            throw wrong;
        }, e -> e.getMessage().equals("not yet"))).isSameAs(wrong);
        assertThat(calls).hasValue(1);
    }

    @Test
    void retryingGivesUpWithTheLastErrorAndTheStory() {
        assertThatThrownBy(() -> new Await(() -> "the story\n", Duration.ofMillis(100)).retrying("the thing", () -> {
            throw new IllegalStateException("not yet");
        }, e -> true)).isInstanceOfSatisfying(AwaitTimeout.class, t -> {
            assertThat(t.awaited()).isEqualTo("the thing");
            assertThat(t.lastSeen()).as("an action has no state, only its error").isEmpty();
            assertThat(t.getStory()).isEqualTo("the story\n");
        })
                .hasMessageContaining("Timed out after 100 ms waiting for the thing")
                .hasMessageContaining("Last attempt failed: java.lang.IllegalStateException: not yet")
                .hasMessageContaining("the story")
                .hasCauseInstanceOf(IllegalStateException.class);
    }

    @Test
    void aTimeoutNamesWhatWasAwaitedTheLimitWhatWasLastSeenAndTellsTheStory() {
        AtomicInteger polls = new AtomicInteger();
        Await await = new Await(() -> "Event trail of t: nothing was delivered between its resources.\n", Duration.ofSeconds(30));
        assertThatThrownBy(() -> await.atMost(Duration.ofMillis(200)).until("3 message(s) in q", polls::incrementAndGet,
                n -> false, n -> n > 0 ? "a few message(s)" : "none"))
                .isInstanceOfSatisfying(AwaitTimeout.class, t -> {
                    assertThat(t.awaited()).isEqualTo("3 message(s) in q");
                    assertThat(t.atMost()).as("atMost gives a copy with its own limit").hasMillis(200);
                    assertThat(t.lastSeen()).hasValue("a few message(s)");
                    assertThat(t.getStory()).startsWith("Event trail of t");
                    assertThat(t).hasNoCause().isInstanceOf(org.opentest4j.AssertionFailedError.class);
                })
                .hasMessage("Timed out after 200 ms waiting for 3 message(s) in q.\nLast seen: a few message(s)\n"
                        + "Event trail of t: nothing was delivered between its resources.\n");
        assertThat(await.atMost()).as("the original keeps its limit").hasSeconds(30);
    }

    @Test
    void aProbeThatKeepsFailingIsTheCause() {
        IllegalStateException down = new IllegalStateException("connection refused");
        assertThatThrownBy(() -> new Await(() -> "", Duration.ofMillis(100)).until("the log", () -> {
            throw down;
        }, v -> true, Object::toString))
                .isInstanceOfSatisfying(AwaitTimeout.class, t -> assertThat(t.lastSeen()).hasValue("nothing"))
                .hasMessageContaining("Last attempt failed: java.lang.IllegalStateException: connection refused")
                .hasCause(down);
    }

    @Test
    void untilAssertedRetriesTheAssertionUntilItPasses() {
        AtomicInteger calls = new AtomicInteger();
        new Await(() -> "", Duration.ofSeconds(10)).untilAsserted("three calls", () -> assertThat(calls.incrementAndGet()).isEqualTo(3));
        assertThat(calls).hasValue(3);
    }

    @Test
    void untilAssertedGivesUpWithTheLastAssertionErrorAsCauseAndItsMessageAsLastSeen() {
        AtomicInteger calls = new AtomicInteger();
        assertThatThrownBy(() -> new Await(() -> "the story\n", Duration.ofMillis(100)).untilAsserted("the order to be stored",
                () -> assertThat(calls.incrementAndGet()).as("stored orders").isNegative()))
                .isInstanceOfSatisfying(AwaitTimeout.class, t -> {
                    assertThat(t.lastSeen()).get().asString().contains("[stored orders]").contains("to be less than");
                    assertThat(t.getCause()).isInstanceOf(AssertionError.class).hasMessageContaining("stored orders");
                })
                .hasMessageStartingWith("Timed out after 100 ms waiting for the order to be stored.\nLast seen: [stored orders]")
                .hasMessageNotContaining("Last attempt failed");
    }
}
