package io.eventharness.emulator.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventharness.emulator.TestAws;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilteredLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.InvalidParameterException;

/**
 * Every kind of filter pattern through FilterLogEvents, against one stream of numbered messages;
 * each row names the messages (by number) the pattern must return.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FilterPatternTest {
    private static final List<String> MESSAGES = List.of(
            /* 0 */ "[ERROR] Exception in thread main: Internal Server Error",
            /* 1 */ "[WARN] retrying request after timeout",
            /* 2 */ "[INFO] request done in 12 ms",
            /* 3 */ "error: lower-case error without exception",
            /* 4 */ "{\"level\":\"ERROR\",\"latency\":250,\"user\":{\"id\":7,\"name\":\"Ann\"},\"tags\":[\"a\",\"b\"],\"retry\":true,\"note\":null}",
            /* 5 */ "{\"level\":\"INFO\",\"latency\":50,\"user\":{\"id\":8,\"name\":\"Bob\"},\"tags\":[\"b\"],\"retry\":false}",
            /* 6 */ "{\"level\":\"ERROR\",\"latency\":100,\"code\":\"E42\"}",
            /* 7 */ "127.0.0.1 - frank [10/Oct/2000:13:25:15 -0700] \"GET /index.html HTTP/1.0\" 404 2326",
            /* 8 */ "10.0.0.2 - ann [10/Oct/2000:13:26:00 -0700] \"POST /api/orders HTTP/1.1\" 200 512",
            /* 9 */ "10.0.0.3 - bob [10/Oct/2000:13:27:00 -0700] \"GET /missing HTTP/1.1\" 410 0");

    private final CloudWatchLogsClient logs = TestAws.logs();
    private String group;

    @BeforeAll
    void writeMessages() {
        group = TestAws.unique("/filters");
        logs.createLogGroup(b -> b.logGroupName(group));
        logs.createLogStream(b -> b.logGroupName(group).logStreamName("s"));
        long t = TestAws.emulator().clock().millis() - MESSAGES.size();
        logs.putLogEvents(b -> b.logGroupName(group).logStreamName("s").logEvents(IntStream.range(0, MESSAGES.size())
                .mapToObj(i -> InputLogEvent.builder().timestamp(t + i).message(MESSAGES.get(i)).build()).toList()));
    }

    private List<Integer> matching(String pattern) {
        return logs.filterLogEventsPaginator(b -> b.logGroupName(group).filterPattern(pattern)).events().stream()
                .map(FilteredLogEvent::message).map(MESSAGES::indexOf).toList();
    }

    private static List<Integer> expected(String indexes) {
        return indexes.isBlank() ? List.of() : java.util.Arrays.stream(indexes.trim().split(" +")).map(Integer::valueOf).toList();
    }

    @ParameterizedTest(name = "{0} -> [{1}]")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
            // terms: every term must occur, case-sensitively, anywhere in the message
            "ERROR                                  | 0 4 6",
            "error                                  | 3",
            "ERROR Exception                        | 0",
            "request timeout                        | 1",
            "NoSuchWord                             | ''",
            // quoted phrase
            "'\"Internal Server Error\"'            | 0",
            "'\"Server Internal\"'                  | ''",
            // OR terms
            "?WARN ?INFO                            | 1 2 5",
            "?WARN ?NoSuchWord                      | 1",
            // exclusions
            "request -timeout                       | 2",
            "ERROR -Exception -latency              | ''",
            "'-\"HTTP/1.1\" HTTP'                   | 7",
            // regex
            "%ERR[O]R\\]%                           | 0",
            "%^\\[[WI][AN]%                       | 1 2",
            // JSON
            "'{ $.level = \"ERROR\" }'              | 4 6",
            "'{$.level=\"ERROR\"}'                  | 4 6",
            "'{ $.level = ERROR }'                  | 4 6",
            "'{ $.level != \"ERROR\" }'             | 5",
            "'{ $.level = \"ERR*\" }'               | 4 6",
            "'{ $.latency > 100 }'                  | 4",
            "'{ $.latency >= 100 }'                 | 4 6",
            "'{ $.latency < 100 }'                  | 5",
            "'{ $.latency <= 50 }'                  | 5",
            "'{ $.latency = 250 }'                  | 4",
            "'{ $.level = \"ERROR\" && $.latency > 200 }' | 4",
            "'{ $.level = \"INFO\" || $.code = \"E42\" }' | 5 6",
            "'{ ($.level = \"INFO\" || $.latency > 200) && $.user.id = 7 }' | 4",
            "'{ $.user.name = \"Bob\" }'            | 5",
            "'{ $.tags[0] = \"a\" }'                | 4",
            "'{ $.tags[*] = \"b\" }'                | 4 5",
            "'{ $.retry IS TRUE }'                  | 4",
            "'{ $.retry IS FALSE }'                 | 5",
            "'{ $.note IS NULL }'                   | 4",
            "'{ $.code NOT EXISTS }'                | 4 5",
            "'{ $.code = %^E[0-9]+$% }'             | 6",
            // space-delimited
            "'[ip, id, user, timestamp, request, status_code = 404, size]' | 7",
            "'[ip, id, user, timestamp, request, status_code = 4*, size]'  | 7 9",
            "'[..., status_code = 404 || status_code = 410, size]'       | 7 9",
            "'[ip, ..., status_code >= 200 && status_code < 300, size]'  | 8",
            "'[ip = 10.0.0.*, ..., size > 100]'                          | 8",
            "'[ip, id, user = ann, ...]'                                 | 8",
            "'[ip, id, user, timestamp, request = \"*orders*\", ...]'    | 8",
            "'[ip, id, user, timestamp, request, status_code]'           | 2",
            "'[ip, id, user != frank, timestamp, request, status_code, size = 0]' | 9",
            // everything
            "''                                     | 0 1 2 3 4 5 6 7 8 9",
            "'\"\"'                                 | 0 1 2 3 4 5 6 7 8 9",
    })
    void patterns(String pattern, String indexes) {
        assertThat(matching(pattern)).containsExactlyElementsOf(expected(indexes));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{ $.level = ", "{ level = 1 }", "{ $.a = 1 ", "[a, b", "[a, b = ]", "\"unterminated",
            "%bad[regex%", "{ $.a > \"text\" }", "[a, b] trailing", "[..., x = 1 && y = 2]"})
    void malformedPatternsAreInvalidParameters(String pattern) {
        assertThatThrownBy(() -> logs.filterLogEvents(b -> b.logGroupName(group).filterPattern(pattern)))
                .isInstanceOf(InvalidParameterException.class);
    }
}
