package io.eventharness.emulator.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventharness.emulator.TestAws;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilterLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilteredLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.InvalidParameterException;
import software.amazon.awssdk.services.cloudwatchlogs.model.OutputLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.PutLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException;

/** Event timestamps come from the emulator clock, which other tests may have moved ahead of real time. */
class LogEventsTest {
    private final CloudWatchLogsClient logs = TestAws.logs();

    private static long now() {
        return TestAws.emulator().clock().millis();
    }

    private static InputLogEvent ev(long ts, String message) {
        return InputLogEvent.builder().timestamp(ts).message(message).build();
    }

    private String groupWithStream(String stream) {
        String group = TestAws.unique("/events");
        logs.createLogGroup(b -> b.logGroupName(group));
        logs.createLogStream(b -> b.logGroupName(group).logStreamName(stream));
        return group;
    }

    /** Puts {@code n} events one millisecond apart, ending now, messages "e0".."e(n-1)". */
    private long putNumbered(String group, String stream, int n) {
        long start = now() - n;
        List<InputLogEvent> events = IntStream.range(0, n).mapToObj(i -> ev(start + i, "e" + i)).toList();
        logs.putLogEvents(b -> b.logGroupName(group).logStreamName(stream).logEvents(events));
        return start;
    }

    @Test
    void putAndGetRoundTrip() {
        String group = groupWithStream("s");
        long t = now();
        PutLogEventsResponse put = logs.putLogEvents(b -> b.logGroupName(group).logStreamName("s")
                .sequenceToken("whatever-the-client-remembered")
                .logEvents(ev(t - 2, "first"), ev(t - 2, "same time"), ev(t, "ünïcödé")));
        assertThat(put.rejectedLogEventsInfo()).isNull();
        assertThat(put.nextSequenceToken()).isNotBlank();

        GetLogEventsResponse got = logs.getLogEvents(b -> b.logGroupName(group).logStreamName("s").startFromHead(true));
        assertThat(got.events()).extracting(OutputLogEvent::message).containsExactly("first", "same time", "ünïcödé");
        assertThat(got.events().get(0).timestamp()).isEqualTo(t - 2);
        assertThat(got.events().get(0).ingestionTime()).isGreaterThanOrEqualTo(t);
        assertThat(got.nextForwardToken()).startsWith("f/");
        assertThat(got.nextBackwardToken()).startsWith("b/");

        assertThatThrownBy(() -> logs.putLogEvents(b -> b.logGroupName(group).logStreamName("missing").logEvents(ev(t, "x"))))
                .isInstanceOf(ResourceNotFoundException.class).hasMessageContaining("log stream");
        assertThatThrownBy(() -> logs.putLogEvents(b -> b.logGroupName(group + "x").logStreamName("s").logEvents(ev(t, "x"))))
                .isInstanceOf(ResourceNotFoundException.class).hasMessageContaining("log group");
        assertThatThrownBy(() -> logs.getLogEvents(b -> b.logGroupName(group).logStreamName("missing")))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void batchRulesAreAwsRules() {
        String group = groupWithStream("s");
        long t = now();
        assertThatThrownBy(() -> logs.putLogEvents(b -> b.logGroupName(group).logStreamName("s").logEvents(ev(t, "b"), ev(t - 1, "a"))))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("chronological order");
        assertThatThrownBy(() -> logs.putLogEvents(b -> b.logGroupName(group).logStreamName("s").logEvents(List.of())))
                .isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> logs.putLogEvents(b -> b.logGroupName(group).logStreamName("s").logEvents(ev(t, ""))))
                .isInstanceOf(InvalidParameterException.class);
        List<InputLogEvent> tooMany = IntStream.range(0, 10_001).mapToObj(i -> ev(t, "x")).toList();
        assertThatThrownBy(() -> logs.putLogEvents(b -> b.logGroupName(group).logStreamName("s").logEvents(tooMany)))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("10000");
        assertThatThrownBy(() -> logs.putLogEvents(b -> b.logGroupName(group).logStreamName("s")
                .logEvents(ev(t - Duration.ofHours(25).toMillis(), "a"), ev(t, "b"))))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("24 hours");

        // 1,048,576 bytes counting 26 per event: exactly at the limit passes, one byte more fails
        int perEvent = 1_048_576 / 4 - 26;
        String big = "x".repeat(perEvent);
        logs.putLogEvents(b -> b.logGroupName(group).logStreamName("s").logEvents(ev(t, big), ev(t, big), ev(t, big), ev(t, big)));
        assertThatThrownBy(() -> logs.putLogEvents(b -> b.logGroupName(group).logStreamName("s")
                .logEvents(ev(t, big), ev(t, big), ev(t, big), ev(t, big + "y"))))
                .isInstanceOf(InvalidParameterException.class);
        assertThat(logs.getLogEvents(b -> b.logGroupName(group).logStreamName("s")).events()).hasSize(4);
    }

    @Test
    void tooOldAndTooNewEventsAreRejectedAndTheRestStored() {
        String group = groupWithStream("s");
        long t = now();
        PutLogEventsResponse put = logs.putLogEvents(b -> b.logGroupName(group).logStreamName("s").logEvents(
                ev(t - Duration.ofDays(15).toMillis(), "old-1"),
                ev(t - Duration.ofDays(14).toMillis() - 1000, "old-2"),
                ev(t - 1000, "kept-1"),
                ev(t, "kept-2"),
                ev(t + Duration.ofHours(2).toMillis() + 60_000, "new-1")));
        assertThat(put.rejectedLogEventsInfo().tooOldLogEventEndIndex()).isEqualTo(2);
        assertThat(put.rejectedLogEventsInfo().tooNewLogEventStartIndex()).isEqualTo(4);
        assertThat(put.rejectedLogEventsInfo().expiredLogEventEndIndex()).isNull();
        assertThat(logs.getLogEvents(b -> b.logGroupName(group).logStreamName("s")).events())
                .extracting(OutputLogEvent::message).containsExactly("kept-1", "kept-2");

        // older than the group's retention (but within 14 days): expired
        logs.putRetentionPolicy(b -> b.logGroupName(group).retentionInDays(1));
        PutLogEventsResponse expired = logs.putLogEvents(b -> b.logGroupName(group).logStreamName("s").logEvents(
                ev(t - Duration.ofDays(3).toMillis(), "expired"), ev(t, "kept-3")));
        assertThat(expired.rejectedLogEventsInfo().expiredLogEventEndIndex()).isEqualTo(1);
        assertThat(logs.getLogEvents(b -> b.logGroupName(group).logStreamName("s")).events())
                .extracting(OutputLogEvent::message).containsExactly("kept-1", "kept-2", "kept-3");
    }

    @Test
    void getLogEventsPagesForwardUntilTheSameTokenComesBack() {
        String group = groupWithStream("s");
        putNumbered(group, "s", 25);
        List<String> seen = new ArrayList<>();
        GetLogEventsResponse page = logs.getLogEvents(b -> b.logGroupName(group).logStreamName("s").startFromHead(true).limit(10));
        page.events().forEach(e -> seen.add(e.message()));
        String token = page.nextForwardToken();
        while (true) {
            String t = token;
            page = logs.getLogEvents(b -> b.logGroupName(group).logStreamName("s").nextToken(t).limit(10));
            page.events().forEach(e -> seen.add(e.message()));
            if (page.nextForwardToken().equals(t)) {
                assertThat(page.events()).isEmpty();
                break;
            }
            token = page.nextForwardToken();
        }
        assertThat(seen).containsExactlyElementsOf(IntStream.range(0, 25).mapToObj(i -> "e" + i).toList());

        // the SDK paginator stops on the repeated token
        assertThat(logs.getLogEventsPaginator(b -> b.logGroupName(group).logStreamName("s").startFromHead(true).limit(7)).events())
                .extracting(OutputLogEvent::message).containsExactlyElementsOf(seen);

        // new events appear behind the final forward token: tailing works
        String tail = token;
        logs.putLogEvents(b -> b.logGroupName(group).logStreamName("s").logEvents(ev(now(), "late")));
        assertThat(logs.getLogEvents(b -> b.logGroupName(group).logStreamName("s").nextToken(tail)).events())
                .extracting(OutputLogEvent::message).containsExactly("late");
    }

    @Test
    void getLogEventsReadsTheNewestFirstPageAndPagesBackward() {
        String group = groupWithStream("s");
        putNumbered(group, "s", 12);
        GetLogEventsResponse newest = logs.getLogEvents(b -> b.logGroupName(group).logStreamName("s").limit(5));
        assertThat(newest.events()).extracting(OutputLogEvent::message).containsExactly("e7", "e8", "e9", "e10", "e11");

        GetLogEventsResponse older = logs.getLogEvents(b -> b.logGroupName(group).logStreamName("s").limit(5)
                .nextToken(newest.nextBackwardToken()));
        assertThat(older.events()).extracting(OutputLogEvent::message).containsExactly("e2", "e3", "e4", "e5", "e6");
        GetLogEventsResponse oldest = logs.getLogEvents(b -> b.logGroupName(group).logStreamName("s").limit(5)
                .nextToken(older.nextBackwardToken()));
        assertThat(oldest.events()).extracting(OutputLogEvent::message).containsExactly("e0", "e1");
        GetLogEventsResponse beyond = logs.getLogEvents(b -> b.logGroupName(group).logStreamName("s").limit(5)
                .nextToken(oldest.nextBackwardToken()));
        assertThat(beyond.events()).isEmpty();
        assertThat(beyond.nextBackwardToken()).isEqualTo(oldest.nextBackwardToken());

        // and forward again from a backward page
        GetLogEventsResponse forward = logs.getLogEvents(b -> b.logGroupName(group).logStreamName("s").limit(3)
                .nextToken(oldest.nextForwardToken()));
        assertThat(forward.events()).extracting(OutputLogEvent::message).containsExactly("e2", "e3", "e4");

        assertThatThrownBy(() -> logs.getLogEvents(b -> b.logGroupName(group).logStreamName("s").nextToken("f/bogus")))
                .isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> logs.getLogEvents(b -> b.logGroupName(group).logStreamName("s").limit(10_001)))
                .isInstanceOf(InvalidParameterException.class);
    }

    @Test
    void getLogEventsTimeRangeIsStartInclusiveEndExclusive() {
        String group = groupWithStream("s");
        long start = putNumbered(group, "s", 10);
        GetLogEventsResponse r = logs.getLogEvents(b -> b.logGroupIdentifier(group).logStreamName("s")
                .startTime(start + 2).endTime(start + 5).startFromHead(true));
        assertThat(r.events()).extracting(OutputLogEvent::message).containsExactly("e2", "e3", "e4");
        String arn = logs.describeLogGroups(b -> b.logGroupNamePrefix(group)).logGroups().get(0).arn();
        assertThat(logs.getLogEvents(b -> b.logGroupIdentifier(arn).logStreamName("s").limit(1)).events())
                .extracting(OutputLogEvent::message).containsExactly("e9");
    }

    @Test
    void filterLogEventsInterleavesStreamsAndPages() {
        String group = groupWithStream("app-1");
        logs.createLogStream(b -> b.logGroupName(group).logStreamName("app-2"));
        logs.createLogStream(b -> b.logGroupName(group).logStreamName("other"));
        long t = now() - 100;
        logs.putLogEvents(b -> b.logGroupName(group).logStreamName("app-1").logEvents(ev(t, "a0"), ev(t + 2, "a2"), ev(t + 4, "a4")));
        logs.putLogEvents(b -> b.logGroupName(group).logStreamName("app-2").logEvents(ev(t + 1, "b1"), ev(t + 3, "b3")));
        logs.putLogEvents(b -> b.logGroupName(group).logStreamName("other").logEvents(ev(t + 1, "o1")));

        assertThat(logs.filterLogEvents(b -> b.logGroupName(group).logStreamNamePrefix("app")).events())
                .extracting(FilteredLogEvent::message).containsExactly("a0", "b1", "a2", "b3", "a4");
        assertThat(logs.filterLogEvents(b -> b.logGroupName(group).logStreamNames("other", "app-2")).events())
                .extracting(FilteredLogEvent::message).containsExactly("b1", "o1", "b3");
        assertThat(logs.filterLogEvents(b -> b.logGroupName(group).startTime(t + 1).endTime(t + 3)).events())
                .extracting(FilteredLogEvent::message).containsExactlyInAnyOrder("b1", "o1", "a2", "b3");

        FilterLogEventsResponse first = logs.filterLogEvents(b -> b.logGroupName(group).limit(4));
        assertThat(first.events()).hasSize(4);
        assertThat(first.nextToken()).isNotNull();
        FilterLogEventsResponse second = logs.filterLogEvents(b -> b.logGroupName(group).limit(4).nextToken(first.nextToken()));
        assertThat(second.events()).extracting(FilteredLogEvent::message).containsExactly("b3", "a4");
        assertThat(second.nextToken()).isNull();
        assertThat(logs.filterLogEventsPaginator(b -> b.logGroupName(group).limit(2)).events()).hasSize(6);

        FilteredLogEvent e = first.events().get(0);
        assertThat(e.logStreamName()).isEqualTo("app-1");
        assertThat(e.eventId()).isNotBlank();
        assertThat(e.ingestionTime()).isNotNull();

        assertThatThrownBy(() -> logs.filterLogEvents(b -> b.logGroupName(group).logStreamNames("a").logStreamNamePrefix("a")))
                .isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> logs.filterLogEvents(b -> b.logGroupName(group).nextToken("garbage!")))
                .isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> logs.filterLogEvents(b -> b.logGroupName(group + "-missing")))
                .isInstanceOf(ResourceNotFoundException.class);
    }
}
