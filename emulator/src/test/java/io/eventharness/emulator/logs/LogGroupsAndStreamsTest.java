package io.eventharness.emulator.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventharness.emulator.TestAws;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeLogGroupsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeLogStreamsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.InvalidParameterException;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogGroup;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogStream;
import software.amazon.awssdk.services.cloudwatchlogs.model.OrderBy;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceAlreadyExistsException;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException;

class LogGroupsAndStreamsTest {
    private final CloudWatchLogsClient logs = TestAws.logs();

    @Test
    void createDescribeDeleteGroup() {
        String name = "/aws/lambda/" + TestAws.unique("fn");
        long before = TestAws.emulator().clock().millis();
        logs.createLogGroup(b -> b.logGroupName(name).tags(Map.of("team", "orders")));

        LogGroup g = logs.describeLogGroups(b -> b.logGroupNamePrefix(name)).logGroups().get(0);
        assertThat(g.logGroupName()).isEqualTo(name);
        assertThat(g.arn()).isEqualTo("arn:aws:logs:us-east-1:000000000000:log-group:" + name + ":*");
        assertThat(g.logGroupArn()).isEqualTo("arn:aws:logs:us-east-1:000000000000:log-group:" + name);
        assertThat(g.creationTime()).isGreaterThanOrEqualTo(before);
        assertThat(g.storedBytes()).isZero();
        assertThat(g.retentionInDays()).isNull();
        assertThat(logs.listTagsLogGroup(b -> b.logGroupName(name)).tags()).containsEntry("team", "orders");

        assertThatThrownBy(() -> logs.createLogGroup(b -> b.logGroupName(name)))
                .isInstanceOf(ResourceAlreadyExistsException.class);
        logs.deleteLogGroup(b -> b.logGroupName(name));
        assertThat(logs.describeLogGroups(b -> b.logGroupNamePrefix(name)).logGroups()).isEmpty();
        assertThatThrownBy(() -> logs.deleteLogGroup(b -> b.logGroupName(name)))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessageContaining("The specified log group does not exist");
    }

    @Test
    void groupNamesFollowAwsRules() {
        assertThatThrownBy(() -> logs.createLogGroup(b -> b.logGroupName("has space")))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("failed to satisfy constraint: Member must satisfy regular expression pattern");
        assertThatThrownBy(() -> logs.createLogGroup(b -> b.logGroupName("x".repeat(513))))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("length less than or equal to 512");
        assertThatThrownBy(() -> logs.createLogGroup(b -> b.logGroupName("")))
                .isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> logs.createLogGroup(b -> b.logGroupName("aws/reserved")))
                .isInstanceOf(InvalidParameterException.class);
        logs.createLogGroup(b -> b.logGroupName(TestAws.unique("ok_name.with-#chars/x")));
    }

    @Test
    void describeGroupsPagesWithTokensAndFilters() {
        String prefix = "/paging/" + TestAws.unique("g") + "/";
        for (int i = 0; i < 7; i++) {
            String n = prefix + "Group" + i;
            logs.createLogGroup(b -> b.logGroupName(n));
        }
        List<String> seen = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            String t = token;
            DescribeLogGroupsResponse page = logs.describeLogGroups(b -> b.logGroupNamePrefix(prefix).limit(3).nextToken(t));
            page.logGroups().forEach(g -> seen.add(g.logGroupName()));
            token = page.nextToken();
            pages++;
        } while (token != null);
        assertThat(pages).isEqualTo(3);
        assertThat(seen).hasSize(7).isSorted().allMatch(n -> n.startsWith(prefix));

        // the SDK paginator follows the same tokens
        assertThat(logs.describeLogGroupsPaginator(b -> b.logGroupNamePrefix(prefix).limit(2)).logGroups())
                .extracting(LogGroup::logGroupName).containsExactlyElementsOf(seen);

        // a pattern is a case-sensitive substring match and returns only name, creation time and ARN
        String unique = prefix.substring(8, prefix.length() - 1);
        List<LogGroup> matched = logs.describeLogGroups(b -> b.logGroupNamePattern(unique + "/Group3")).logGroups();
        assertThat(matched).extracting(LogGroup::logGroupName).containsExactly(prefix + "Group3");
        assertThat(matched.get(0).storedBytes()).isNull();
        assertThat(matched.get(0).arn()).endsWith(":*");
        assertThat(logs.describeLogGroups(b -> b.logGroupNamePattern(unique + "/group3")).logGroups()).isEmpty();

        assertThatThrownBy(() -> logs.describeLogGroups(b -> b.logGroupNamePrefix("/a").logGroupNamePattern("a")))
                .isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> logs.describeLogGroups(b -> b.limit(51))).isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> logs.describeLogGroups(b -> b.nextToken("not-a-token")))
                .isInstanceOf(InvalidParameterException.class);
    }

    @Test
    void streamsCreateDescribeDelete() {
        String group = TestAws.unique("/streams");
        logs.createLogGroup(b -> b.logGroupName(group));
        logs.createLogStream(b -> b.logGroupName(group).logStreamName("2026/11/25/[$LATEST]abc"));
        assertThatThrownBy(() -> logs.createLogStream(b -> b.logGroupName(group).logStreamName("2026/11/25/[$LATEST]abc")))
                .isInstanceOf(ResourceAlreadyExistsException.class);
        assertThatThrownBy(() -> logs.createLogStream(b -> b.logGroupName(group).logStreamName("a:b")))
                .isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> logs.createLogStream(b -> b.logGroupName(group + "-missing").logStreamName("s")))
                .isInstanceOf(ResourceNotFoundException.class);

        LogStream s = logs.describeLogStreams(b -> b.logGroupName(group)).logStreams().get(0);
        assertThat(s.logStreamName()).isEqualTo("2026/11/25/[$LATEST]abc");
        assertThat(s.arn()).isEqualTo("arn:aws:logs:us-east-1:000000000000:log-group:" + group + ":log-stream:2026/11/25/[$LATEST]abc");
        assertThat(s.firstEventTimestamp()).isNull();
        assertThat(s.lastIngestionTime()).isNull();

        logs.deleteLogStream(b -> b.logGroupName(group).logStreamName("2026/11/25/[$LATEST]abc"));
        assertThat(logs.describeLogStreams(b -> b.logGroupName(group)).logStreams()).isEmpty();
        assertThatThrownBy(() -> logs.deleteLogStream(b -> b.logGroupName(group).logStreamName("2026/11/25/[$LATEST]abc")))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessageContaining("The specified log stream does not exist");
    }

    @Test
    void describeStreamsOrdersPagesAndReportsEventTimes() {
        String group = TestAws.unique("/order");
        logs.createLogGroup(b -> b.logGroupName(group));
        long now = TestAws.emulator().clock().millis();
        // stream names in one order, last event times in the reverse order
        String[] names = {"a", "b", "c", "d", "e"};
        for (int i = 0; i < names.length; i++) {
            String n = names[i];
            long ts = now - 10_000 * i;
            logs.createLogStream(b -> b.logGroupName(group).logStreamName(n));
            logs.putLogEvents(b -> b.logGroupName(group).logStreamName(n).logEvents(
                    InputLogEvent.builder().timestamp(ts - 5).message("first").build(),
                    InputLogEvent.builder().timestamp(ts).message("last").build()));
        }

        assertThat(logs.describeLogStreamsPaginator(b -> b.logGroupName(group).limit(2)).logStreams())
                .extracting(LogStream::logStreamName).containsExactly("a", "b", "c", "d", "e");
        assertThat(logs.describeLogStreamsPaginator(b -> b.logGroupName(group).limit(2).descending(true)).logStreams())
                .extracting(LogStream::logStreamName).containsExactly("e", "d", "c", "b", "a");
        assertThat(logs.describeLogStreamsPaginator(b -> b.logGroupName(group).limit(2).orderBy(OrderBy.LAST_EVENT_TIME)).logStreams())
                .extracting(LogStream::logStreamName).containsExactly("e", "d", "c", "b", "a");
        assertThat(logs.describeLogStreamsPaginator(b -> b.logGroupName(group).limit(3).orderBy(OrderBy.LAST_EVENT_TIME).descending(true)).logStreams())
                .extracting(LogStream::logStreamName).containsExactly("a", "b", "c", "d", "e");

        DescribeLogStreamsResponse first = logs.describeLogStreams(b -> b.logGroupName(group).limit(2));
        assertThat(first.nextToken()).isNotNull();
        assertThat(logs.describeLogStreams(b -> b.logGroupName(group).logStreamNamePrefix("c")).logStreams())
                .extracting(LogStream::logStreamName).containsExactly("c");

        LogStream a = logs.describeLogStreams(b -> b.logGroupIdentifier(group).logStreamNamePrefix("a")).logStreams().get(0);
        assertThat(a.firstEventTimestamp()).isEqualTo(now - 5);
        assertThat(a.lastEventTimestamp()).isEqualTo(now);
        assertThat(a.lastIngestionTime()).isGreaterThanOrEqualTo(now);
        assertThat(a.storedBytes()).isZero(); // deprecated by AWS, always 0
        assertThat(logs.describeLogGroups(b -> b.logGroupNamePrefix(group)).logGroups().get(0).storedBytes())
                .isEqualTo(5L * ("first".length() + "last".length()));

        assertThatThrownBy(() -> logs.describeLogStreams(b -> b.logGroupName(group).orderBy(OrderBy.LAST_EVENT_TIME).logStreamNamePrefix("a")))
                .isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> logs.describeLogStreams(b -> b.logGroupName(group).logGroupIdentifier(group)))
                .isInstanceOf(InvalidParameterException.class);
    }

    @Test
    void tagsByArnAndByName() {
        String group = TestAws.unique("/tags");
        logs.createLogGroup(b -> b.logGroupName(group));
        String arn = logs.describeLogGroups(b -> b.logGroupNamePrefix(group)).logGroups().get(0).logGroupArn();
        logs.tagResource(b -> b.resourceArn(arn).tags(Map.of("a", "1", "b", "2")));
        logs.untagResource(b -> b.resourceArn(arn).tagKeys("a"));
        assertThat(logs.listTagsForResource(b -> b.resourceArn(arn)).tags()).isEqualTo(Map.of("b", "2"));
        logs.tagLogGroup(b -> b.logGroupName(group).tags(Map.of("c", "3")));
        logs.untagLogGroup(b -> b.logGroupName(group).tags("b"));
        assertThat(logs.listTagsLogGroup(b -> b.logGroupName(group)).tags()).isEqualTo(Map.of("c", "3"));
        assertThatThrownBy(() -> logs.listTagsForResource(b -> b.resourceArn(arn + "-nope")))
                .isInstanceOf(ResourceNotFoundException.class);
    }
}
