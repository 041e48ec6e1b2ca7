package io.eventharness.emulator.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.CreateEventSourceMappingRequest;
import software.amazon.awssdk.services.lambda.model.CreateFunctionRequest;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * For event source mapping tests: a Python function that records every event it gets as a file in a directory the test
 * shares with its sandboxes, and does what the message bodies ask:
 * <ul>
 *   <li>{@code fail} — the invocation raises (a function error: the whole batch fails);</li>
 *   <li>{@code report-fail...} — its message id is reported in {@code batchItemFailures};</li>
 *   <li>{@code hold:<started>|<release>} — writes {@code started} and waits until {@code release} exists.</li>
 * </ul>
 * With the environment variable {@code RESPONSE}, the function returns that JSON instead.
 */
final class MappedQueue {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String MODULE = "recorder";
    static final String HANDLER = "recorder.handler";
    static final String SOURCE = """
            import json, os, time

            def handler(event, context):
                d = os.environ["RECORD_DIR"]
                name = os.path.join(d, "%020d-%s" % (time.time_ns(), context.aws_request_id))
                with open(name + ".tmp", "w") as f:
                    json.dump(event, f)
                os.rename(name + ".tmp", name + ".json")
                bodies = [r["body"] for r in event["Records"]]
                for b in bodies:
                    if b.startswith("hold:"):
                        started, release = b[5:].split("|")
                        open(started, "w").close()
                        while not os.path.exists(release):
                            time.sleep(0.005)
                if "fail" in bodies:
                    raise RuntimeError("asked to fail")
                if "RESPONSE" in os.environ:
                    return json.loads(os.environ["RESPONSE"])
                failed = [r["messageId"] for r in event["Records"] if r["body"].startswith("report-fail")]
                if failed:
                    return {"batchItemFailures": [{"itemIdentifier": i} for i in failed]}
                return None
            """;

    final String url;
    final String arn;
    final String function;
    final Path records;

    private MappedQueue(String url, String arn, String function, Path records) {
        this.url = url;
        this.arn = arn;
        this.function = function;
        this.records = records;
    }

    /** A new queue (its attributes as given) and a new recorder function writing to {@code dir}. */
    static MappedQueue create(OwnEmulator aws, Path dir, String queueName, Map<QueueAttributeName, String> attributes,
                              Consumer<CreateFunctionRequest.Builder> function) {
        SqsClient sqs = aws.sqs();
        String url = sqs.createQueue(b -> b.queueName(queueName).attributes(attributes)).queueUrl();
        String arn = sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        Path records = dir.resolve(queueName.replace(".fifo", ""));
        try {
            Files.createDirectories(records);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String fn = aws.python(HANDLER, MODULE, SOURCE, b -> {
            b.timeout(30).environment(e -> e.variables(Map.of("RECORD_DIR", records.toString())));
            function.accept(b);
        });
        return new MappedQueue(url, arn, fn, records);
    }

    /** Maps the queue to the function with these settings; the mapping's UUID. */
    String map(LambdaClient lambda, Consumer<CreateEventSourceMappingRequest.Builder> settings) {
        return lambda.createEventSourceMapping(b -> {
            b.eventSourceArn(arn).functionName(function);
            settings.accept(b);
        }).uuid();
    }

    /** The events the function got so far, in the order it got them. */
    List<JsonNode> events() {
        List<JsonNode> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(records)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                out.add(JSON.readTree(f.toFile()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** The bodies of every record the function got, in order. */
    List<String> bodies() {
        List<String> out = new ArrayList<>();
        for (JsonNode e : events()) {
            e.path("Records").forEach(r -> out.add(r.path("body").asText()));
        }
        return out;
    }

    /** The number of records in each event, in order. */
    List<Integer> batchSizes() {
        return events().stream().map(e -> e.path("Records").size()).toList();
    }

    static void settle(OwnEmulator aws) {
        aws.emulator.settle(Duration.ofSeconds(30));
    }
}
