package io.eventharness.emulator.logs;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventharness.emulator.TestAws;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.OutputLogEvent;

/** The API other emulator services use: Lambda appends its sandboxes' output, the harness reads it. */
class LogsInJvmApiTest {
    private final LogsService service = TestAws.emulator().services().logs();
    private final CloudWatchLogsClient logs = TestAws.logs();

    @Test
    void appendCreatesGroupAndStreamAndTheSdkSeesTheEvents() {
        String group = "/aws/lambda/" + TestAws.unique("fn");
        long t = TestAws.emulator().clock().millis();
        // out of order on purpose: append sorts, PutLogEvents would refuse
        service.append(group, "2026/11/25/[$LATEST]a", List.of(new LogEvent(t + 1, "END"), new LogEvent(t, "START")));

        assertThat(logs.describeLogGroups(b -> b.logGroupNamePrefix(group)).logGroups()).hasSize(1);
        assertThat(logs.getLogEvents(b -> b.logGroupName(group).logStreamName("2026/11/25/[$LATEST]a").startFromHead(true)).events())
                .extracting(OutputLogEvent::message).containsExactly("START", "END");
    }

    @Test
    void eventsReadsAllStreamsFromATimestamp() {
        String group = "/aws/lambda/" + TestAws.unique("fn");
        long t = TestAws.emulator().clock().millis();
        service.append(group, "s1", List.of(new LogEvent(t - 10, "before"), new LogEvent(t + 2, "s1 later")));
        service.append(group, "s2", List.of(LogEvent.of(Instant.ofEpochMilli(t), "s2 at t"), new LogEvent(t + 1, "s2 after")));

        List<LoggedEvent> got = service.events(group, Instant.ofEpochMilli(t));
        assertThat(got).extracting(LoggedEvent::message).containsExactly("s2 at t", "s2 after", "s1 later");
        assertThat(got.get(0).logStream()).isEqualTo("s2");
        assertThat(got.get(0).ingestionTime()).isGreaterThanOrEqualTo(t);
        assertThat(service.events(group + "-missing", Instant.EPOCH)).isEmpty();
    }

    @Test
    void appendHonoursRetention() {
        String group = "/aws/lambda/" + TestAws.unique("fn");
        long t = TestAws.emulator().clock().millis();
        service.append(group, "s", List.of(new LogEvent(t, "now")));
        logs.putRetentionPolicy(b -> b.logGroupName(group).retentionInDays(1));
        service.append(group, "s", List.of(new LogEvent(t - 2 * 86_400_000L, "two days ago")));
        assertThat(service.events(group, Instant.EPOCH)).extracting(LoggedEvent::message).containsExactly("now");
    }
}
