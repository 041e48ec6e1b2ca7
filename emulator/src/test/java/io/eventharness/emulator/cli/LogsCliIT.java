package io.eventharness.emulator.cli;

import static io.eventharness.emulator.cli.Cli.aws;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** CloudWatch Logs (awsJson 1.1) through Debian's AWS CLI v2 and boto3. */
class LogsCliIT {
    private static final int SERVICE_ERROR = 254;
    private Path aws;

    @BeforeEach
    void tool() {
        aws = Cli.systemAws();
    }

    @Test
    void groupsStreamsPutGetFilter() {
        String group = "/aws/lambda/" + Cli.unique("cli-fn");
        aws(aws, "logs", "create-log-group", "--log-group-name", group).json();
        aws(aws, "logs", "create-log-stream", "--log-group-name", group, "--log-stream-name", "2026/11/25/[$LATEST]abc").json();
        assertThat(aws(aws, "logs", "describe-log-groups", "--log-group-name-prefix", group).json().path("logGroups"))
                .singleElement().satisfies(g -> assertThat(g.path("logGroupName").asText()).isEqualTo(group));

        long now = Cli.jar().clockMillis(); // CloudWatch refuses events far from its own time
        aws(aws, "logs", "put-log-events", "--log-group-name", group, "--log-stream-name", "2026/11/25/[$LATEST]abc",
                "--log-events", Cli.toJson(List.of(
                        Map.of("timestamp", now - 2, "message", "START RequestId: 1"),
                        Map.of("timestamp", now - 1, "message", "ERROR something broke"),
                        Map.of("timestamp", now, "message", "END RequestId: 1")))).json();

        JsonNode events = aws(aws, "logs", "get-log-events", "--log-group-name", group, "--log-stream-name",
                "2026/11/25/[$LATEST]abc", "--start-from-head").json().path("events");
        assertThat(events).extracting(e -> e.path("message").asText())
                .containsExactly("START RequestId: 1", "ERROR something broke", "END RequestId: 1");
        assertThat(events.get(2).path("timestamp").asLong()).isEqualTo(now);

        JsonNode filtered = aws(aws, "logs", "filter-log-events", "--log-group-name", group, "--filter-pattern", "ERROR").json();
        assertThat(filtered.path("events")).singleElement().satisfies(e -> {
            assertThat(e.path("message").asText()).isEqualTo("ERROR something broke");
            assertThat(e.path("logStreamName").asText()).isEqualTo("2026/11/25/[$LATEST]abc");
        });
    }

    @Test
    void errors() {
        String group = Cli.unique("cli-logs-err");
        aws(aws, "logs", "create-log-group", "--log-group-name", group).json();
        aws(aws, "logs", "create-log-group", "--log-group-name", group).failsWith(SERVICE_ERROR, "ResourceAlreadyExistsException");
        aws(aws, "logs", "get-log-events", "--log-group-name", group, "--log-stream-name", "absent")
                .failsWith(SERVICE_ERROR, "ResourceNotFoundException");
    }

    @Test
    void boto3PutAndGet() {
        JsonNode r = Boto3.run("""
                logs = client("logs")
                group = "%s"
                logs.create_log_group(logGroupName=group)
                logs.create_log_stream(logGroupName=group, logStreamName="s")
                logs.put_log_events(logGroupName=group, logStreamName="s",
                                    logEvents=[{"timestamp": %d, "message": "hello from boto3"}])
                events = logs.get_log_events(logGroupName=group, logStreamName="s", startFromHead=True)["events"]
                out({"messages": [e["message"] for e in events],
                     "missing": error_of(lambda: logs.create_log_stream(logGroupName=group + "-absent", logStreamName="s"))})
                """.formatted(Cli.unique("boto-logs"), Cli.jar().clockMillis()));
        assertThat(r.path("messages")).extracting(JsonNode::asText).containsExactly("hello from boto3");
        assertThat(r.path("missing").path("type").asText()).isEqualTo("ResourceNotFoundException");
    }
}
