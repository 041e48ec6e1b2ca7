package io.eventharness.emulator.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import io.eventharness.emulator.TestAws;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.CreateEventSourceMappingRequest;
import software.amazon.awssdk.services.lambda.model.CreateFunctionRequest;

/**
 * For stream mapping tests: a Kinesis stream and a Python function that records every event it gets as a file in a
 * directory the test shares with its sandboxes, and does what the records' data ask:
 * <ul>
 *   <li>{@code poison...} — the invocation raises, every time;</li>
 *   <li>{@code fail-N...} — the invocation raises the first N times the record is in it;</li>
 *   <li>{@code slow-...} — the invocation takes 1.2 s more, then does what the rest of the data asks;</li>
 *   <li>{@code report-fail...} — its sequence number is reported in {@code batchItemFailures};</li>
 *   <li>a number, in a tumbling window — added to the window's state {@code {"sum": ..., "count": ...}};
 *       {@code big} — a state over 1 MB.</li>
 * </ul>
 * With the environment variable {@code RESPONSE}, the function returns that JSON instead.
 */
final class MappedStream {
    static final String HANDLER = "recorder.handler";
    static final String SOURCE = """
            import base64, json, os, time

            def text(r):
                if "kinesis" in r:
                    return base64.b64decode(r["kinesis"]["data"]).decode("utf-8", "replace")
                image = r.get("dynamodb", {}).get("NewImage") or r.get("dynamodb", {}).get("Keys") or {}
                v = image.get("v") or image.get("pk") or {}
                return v.get("S") or v.get("N") or ""

            def seq(r):
                return r["kinesis"]["sequenceNumber"] if "kinesis" in r else r["dynamodb"]["SequenceNumber"]

            def handler(event, context):
                d = os.environ["RECORD_DIR"]
                name = os.path.join(d, "%020d-%s" % (time.time_ns(), context.aws_request_id))
                with open(name + ".tmp", "w") as f:
                    json.dump(event, f)
                os.rename(name + ".tmp", name + ".json")
                records = event.get("Records", [])
                for r in records:
                    t = text(r)
                    if t.startswith("slow-"):
                        time.sleep(1.2)
                        t = t[5:]
                    if t.startswith("poison"):
                        raise RuntimeError("poison record " + seq(r))
                    if t.startswith("fail-"):
                        counter = os.path.join(d, "count-" + seq(r))
                        n = int(open(counter).read()) if os.path.exists(counter) else 0
                        with open(counter, "w") as f:
                            f.write(str(n + 1))
                        if n < int(t.split("-")[1].split(":")[0]):
                            raise RuntimeError("asked to fail " + t)
                if "RESPONSE" in os.environ:
                    return json.loads(os.environ["RESPONSE"])
                failed = [{"itemIdentifier": seq(r)} for r in records if text(r).startswith("report-fail")]
                if "window" in event:
                    state = dict(event["state"])
                    for r in records:
                        if text(r) == "big":
                            state["big"] = "x" * 1100000
                        if text(r).lstrip("-").isdigit():
                            state["sum"] = state.get("sum", 0) + int(text(r))
                            state["count"] = state.get("count", 0) + 1
                    return {"state": state, "batchItemFailures": failed}
                if failed:
                    return {"batchItemFailures": failed}
                return None
            """;

    final String stream;
    final String arn;
    final String function;
    final Path records;
    private final KinesisClient kinesis;

    private MappedStream(KinesisClient kinesis, String stream, String arn, String function, Path records) {
        this.kinesis = kinesis;
        this.stream = stream;
        this.arn = arn;
        this.function = function;
        this.records = records;
    }

    /** A new stream of {@code shards} shards and a new recorder function writing to a directory under {@code dir}. */
    static MappedStream create(OwnEmulator aws, KinesisClient kinesis, Path dir, int shards, Consumer<CreateFunctionRequest.Builder> fn) {
        String name = TestAws.unique("s");
        kinesis.createStream(b -> b.streamName(name).shardCount(shards));
        String arn = kinesis.describeStreamSummary(b -> b.streamName(name)).streamDescriptionSummary().streamARN();
        Path records = recordDir(dir, name);
        String function = aws.python(HANDLER, "recorder", SOURCE, b -> {
            b.timeout(30).environment(e -> e.variables(Map.of("RECORD_DIR", records.toString())));
            fn.accept(b);
        });
        return new MappedStream(kinesis, name, arn, function, records);
    }

    static Path recordDir(Path dir, String name) {
        try {
            return Files.createDirectories(dir.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Maps the stream to the function with these settings (TRIM_HORIZON unless they say otherwise); the UUID. */
    String map(LambdaClient lambda, Consumer<CreateEventSourceMappingRequest.Builder> settings) {
        return lambda.createEventSourceMapping(b -> {
            b.eventSourceArn(arn).functionName(function).startingPosition("TRIM_HORIZON");
            settings.accept(b);
        }).uuid();
    }

    /** Puts one record; its sequence number. */
    String put(String partitionKey, String data) {
        return kinesis.putRecord(b -> b.streamName(stream).partitionKey(partitionKey).data(SdkBytes.fromUtf8String(data))).sequenceNumber();
    }

    /** Puts records in one PutRecords, each with its own partition key ({@code key:data}, or the data as key). */
    void putAll(List<String> keyedData) {
        List<PutRecordsRequestEntry> entries = new ArrayList<>();
        for (String kd : keyedData) {
            int colon = kd.indexOf(':');
            String key = colon < 0 ? kd : kd.substring(0, colon);
            String data = colon < 0 ? kd : kd.substring(colon + 1);
            entries.add(PutRecordsRequestEntry.builder().partitionKey(key).data(SdkBytes.fromUtf8String(data)).build());
        }
        kinesis.putRecords(b -> b.streamName(stream).records(entries));
    }

    /** The events the function got so far, in the order it got them. */
    List<JsonNode> events() {
        List<JsonNode> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(records)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                out.add(MappedQueue.JSON.readTree(f.toFile()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** The data of every record the function got, in order (a record retried appears again). */
    List<String> data() {
        List<String> out = new ArrayList<>();
        for (JsonNode e : events()) {
            e.path("Records").forEach(r -> out.add(text(r)));
        }
        return out;
    }

    /** The data of each event's records. */
    List<List<String>> batches() {
        List<List<String>> out = new ArrayList<>();
        for (JsonNode e : events()) {
            List<String> batch = new ArrayList<>();
            e.path("Records").forEach(r -> batch.add(text(r)));
            out.add(batch);
        }
        return out;
    }

    static String text(JsonNode kinesisRecord) {
        return new String(Base64.getDecoder().decode(kinesisRecord.path("kinesis").path("data").asText()), StandardCharsets.UTF_8);
    }
}
