package io.eventharness.emulator.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventharness.emulator.TestAws;
import io.eventharness.emulator.core.EmulatorClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilteredLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.InvalidParameterException;
import software.amazon.awssdk.services.cloudwatchlogs.model.OutputLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException;

class RetentionTest {
    private final CloudWatchLogsClient logs = TestAws.logs();
    private final EmulatorClock clock = TestAws.emulator().clock();

    private String groupWithEvent(String message) {
        String group = TestAws.unique("/retention");
        logs.createLogGroup(b -> b.logGroupName(group));
        logs.createLogStream(b -> b.logGroupName(group).logStreamName("s"));
        put(group, message);
        return group;
    }

    private void put(String group, String message) {
        long t = clock.millis();
        logs.putLogEvents(b -> b.logGroupName(group).logStreamName("s").logEvents(
                InputLogEvent.builder().timestamp(t).message(message).build()));
    }

    @Test
    void eventsOlderThanTheRetentionAreGoneOnceTheClockPassesIt() {
        String group = groupWithEvent("old");
        logs.putRetentionPolicy(b -> b.logGroupName(group).retentionInDays(1));
        assertThat(logs.describeLogGroups(b -> b.logGroupNamePrefix(group)).logGroups().get(0).retentionInDays()).isEqualTo(1);

        clock.advance(Duration.ofHours(23));
        put(group, "new");
        assertThat(logs.getLogEvents(b -> b.logGroupName(group).logStreamName("s")).events())
                .extracting(OutputLogEvent::message).containsExactly("old", "new");

        clock.advance(Duration.ofHours(2));
        assertThat(logs.getLogEvents(b -> b.logGroupName(group).logStreamName("s")).events())
                .extracting(OutputLogEvent::message).containsExactly("new");
        assertThat(logs.filterLogEvents(b -> b.logGroupName(group)).events())
                .extracting(FilteredLogEvent::message).containsExactly("new");
        assertThat(logs.describeLogGroups(b -> b.logGroupNamePrefix(group)).logGroups().get(0).storedBytes()).isEqualTo(3L);
        assertThat(logs.describeLogStreams(b -> b.logGroupName(group)).logStreams().get(0).firstEventTimestamp())
                .isGreaterThan(clock.millis() - Duration.ofDays(1).toMillis());
    }

    @Test
    void withoutRetentionEventsStay() {
        String group = groupWithEvent("kept");
        logs.putRetentionPolicy(b -> b.logGroupName(group).retentionInDays(3));
        logs.deleteRetentionPolicy(b -> b.logGroupName(group));
        assertThat(logs.describeLogGroups(b -> b.logGroupNamePrefix(group)).logGroups().get(0).retentionInDays()).isNull();
        clock.advance(Duration.ofDays(4));
        assertThat(logs.filterLogEvents(b -> b.logGroupName(group)).events()).extracting(FilteredLogEvent::message).containsExactly("kept");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 2, 4, 10, 366, 3654, -1})
    void onlyAwsRetentionValuesAreAccepted(int days) {
        String group = groupWithEvent("x");
        assertThatThrownBy(() -> logs.putRetentionPolicy(b -> b.logGroupName(group).retentionInDays(days)))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("Member must satisfy enum value set: [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653]");
    }

    @Test
    void retentionOfAMissingGroup() {
        assertThatThrownBy(() -> logs.putRetentionPolicy(b -> b.logGroupName(TestAws.unique("/none")).retentionInDays(7)))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> logs.deleteRetentionPolicy(b -> b.logGroupName(TestAws.unique("/none"))))
                .isInstanceOf(ResourceNotFoundException.class);
    }
}
