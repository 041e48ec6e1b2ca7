package io.eventharness.emulator.logs;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventharness.emulator.core.EmulatorClock;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** What a log group keeps when a function prints without end: the newest events, within the bound. */
class LogGroupBoundTest {
    private static final int BOUND = 16 * 1024;
    private final EmulatorClock clock = new EmulatorClock();
    private final LogsService logs = new LogsService(clock, BOUND);

    private static long weight(List<LoggedEvent> events) {
        return events.stream().mapToLong(e -> e.message().length() + 26L).sum();
    }

    @Test
    void theOldestEventsAcrossStreamsGoFirst() {
        long t = clock.millis();
        for (int i = 0; i < 100; i++) {
            // two sandboxes' streams, interleaved in time; 100 bytes + 26 per event
            logs.append("/aws/lambda/f", "stream-" + (i % 2), List.of(new LogEvent(t + i, String.format("%03d", i) + "x".repeat(97))));
        }
        List<LoggedEvent> kept = logs.events("/aws/lambda/f", Instant.EPOCH);
        assertThat(weight(kept)).isLessThanOrEqualTo(BOUND).isGreaterThan(BOUND / 2);
        int first = Integer.parseInt(kept.get(0).message().substring(0, 3));
        assertThat(kept).extracting(e -> e.message().substring(0, 3))
                .containsExactlyElementsOf(IntStream.range(first, 100).mapToObj(i -> String.format("%03d", i)).toList());
        assertThat(kept).extracting(LoggedEvent::logStream).contains("stream-0", "stream-1");
    }

    @Test
    void emptyLinesCountTooSoTheirNumberIsBounded() {
        long t = clock.millis();
        for (int i = 0; i < 10_000; i++) {
            logs.append("/aws/lambda/g", "s", List.of(new LogEvent(t, "")));
        }
        assertThat(logs.events("/aws/lambda/g", Instant.EPOCH)).hasSizeLessThanOrEqualTo(BOUND / 26);
    }

    @Test
    void otherGroupsAreNotTouched() {
        long t = clock.millis();
        logs.append("/aws/lambda/quiet", "s", List.of(new LogEvent(t, "hello")));
        for (int i = 0; i < 500; i++) {
            logs.append("/aws/lambda/noisy", "s", List.of(new LogEvent(t + i, "y".repeat(200))));
        }
        assertThat(logs.events("/aws/lambda/quiet", Instant.EPOCH)).extracting(LoggedEvent::message).containsExactly("hello");
    }
}
