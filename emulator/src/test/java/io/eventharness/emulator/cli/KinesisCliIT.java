package io.eventharness.emulator.cli;

import static io.eventharness.emulator.cli.Cli.aws;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Kinesis Data Streams through Debian's AWS CLI v2 and boto3, which speak its JSON protocol (never CBOR): blobs as
 * base64, timestamps as epoch seconds.
 */
class KinesisCliIT {
    private static final int SERVICE_ERROR = 254;
    private Path aws;

    @BeforeEach
    void tool() {
        aws = Cli.systemAws();
    }

    @Test
    void createPutReadSplitByNameAndArn() {
        String name = Cli.unique("cli-stream");
        aws(aws, "kinesis", "create-stream", "--stream-name", name, "--shard-count", "2").json();
        aws(aws, "kinesis", "wait", "stream-exists", "--stream-name", name).json();
        JsonNode summary = aws(aws, "kinesis", "describe-stream-summary", "--stream-name", name).json()
                .path("StreamDescriptionSummary");
        String arn = summary.path("StreamARN").asText();
        assertThat(summary.path("StreamStatus").asText()).isEqualTo("ACTIVE");
        assertThat(summary.path("OpenShardCount").asInt()).isEqualTo(2);
        assertThat(arn).isEqualTo("arn:aws:kinesis:us-east-1:000000000000:stream/" + name);

        JsonNode put = aws(aws, "kinesis", "put-record", "--stream-arn", arn, "--partition-key", "k",
                "--explicit-hash-key", "0", "--data", "aGVsbG8gZnJvbSB0aGUgQ0xJ").json();
        assertThat(put.path("ShardId").asText()).isEqualTo("shardId-000000000000");
        assertThat(put.path("SequenceNumber").asText()).matches("\\d{56}");
        String it = aws(aws, "kinesis", "get-shard-iterator", "--stream-name", name, "--shard-id", "shardId-000000000000",
                "--shard-iterator-type", "AT_SEQUENCE_NUMBER", "--starting-sequence-number", put.path("SequenceNumber").asText())
                .json().path("ShardIterator").asText();
        JsonNode records = aws(aws, "kinesis", "get-records", "--shard-iterator", it).json();
        assertThat(records.path("Records")).singleElement().satisfies(r -> {
            assertThat(r.path("Data").asText()).isEqualTo("aGVsbG8gZnJvbSB0aGUgQ0xJ");
            assertThat(r.path("PartitionKey").asText()).isEqualTo("k");
            assertThat(r.path("ApproximateArrivalTimestamp").isNumber() || r.path("ApproximateArrivalTimestamp").isTextual()).isTrue();
        });
        assertThat(records.path("MillisBehindLatest").asLong()).isZero();

        aws(aws, "kinesis", "split-shard", "--stream-arn", arn, "--shard-to-split", "shardId-000000000000",
                "--new-starting-hash-key", "1000").json();
        assertThat(aws(aws, "kinesis", "list-shards", "--stream-name", name).json().path("Shards"))
                .extracting(s -> s.path("ShardId").asText() + "<" + s.path("ParentShardId").asText(""))
                .containsExactly("shardId-000000000000<", "shardId-000000000001<", "shardId-000000000002<shardId-000000000000",
                        "shardId-000000000003<shardId-000000000000");
        aws(aws, "kinesis", "add-tags-to-stream", "--stream-name", name, "--tags", "team=orders").json();
        assertThat(aws(aws, "kinesis", "list-tags-for-stream", "--stream-name", name).json().path("Tags"))
                .extracting(t -> t.path("Key").asText() + "=" + t.path("Value").asText()).containsExactly("team=orders");
        aws(aws, "kinesis", "delete-stream", "--stream-name", name).json();
    }

    @Test
    void errors() {
        aws(aws, "kinesis", "describe-stream", "--stream-name", Cli.unique("cli-absent"))
                .failsWith(SERVICE_ERROR, "ResourceNotFoundException");
        aws(aws, "kinesis", "get-records", "--shard-iterator", "AAAAAAAAAAAAAAAAAAAAAAAAAAAA")
                .failsWith(SERVICE_ERROR, "InvalidArgumentException");
        String name = Cli.unique("cli-err");
        aws(aws, "kinesis", "create-stream", "--stream-name", name, "--shard-count", "1").json();
        aws(aws, "kinesis", "create-stream", "--stream-name", name, "--shard-count", "1").failsWith(SERVICE_ERROR, "ResourceInUseException");
        aws(aws, "kinesis", "register-stream-consumer", "--stream-arn", "arn:aws:kinesis:us-east-1:000000000000:stream/" + name,
                "--consumer-name", "c").failsWith(SERVICE_ERROR, "NotImplemented");
    }

    @Test
    void boto3PutsRecordsAndReadsThemAtATime() {
        JsonNode r = Boto3.run("""
                import datetime
                kinesis = client("kinesis")
                name = "%s"
                kinesis.create_stream(StreamName=name, ShardCount=1)
                kinesis.get_waiter("stream_exists").wait(StreamName=name)
                put = kinesis.put_records(StreamName=name, Records=[
                    {"PartitionKey": "a", "Data": b"\\x00\\x01\\xfe\\xff"}, {"PartitionKey": "b", "Data": "text"}])
                import urllib.request  # a second later on the emulator's clock, so that AT_TIMESTAMP tells the records apart
                urllib.request.urlopen(urllib.request.Request(os.environ["ENDPOINT"] + "/_harness/clock/advance",
                                                              data=b'{"seconds": 1}', method="POST")).read()
                later = kinesis.put_record(StreamName=name, PartitionKey="c", Data=b"later")
                it = kinesis.get_shard_iterator(StreamName=name, ShardId="shardId-000000000000",
                                                ShardIteratorType="TRIM_HORIZON")["ShardIterator"]
                got = kinesis.get_records(ShardIterator=it, Limit=10)
                first = got["Records"][0]
                at = kinesis.get_shard_iterator(StreamName=name, ShardId="shardId-000000000000", ShardIteratorType="AT_TIMESTAMP",
                                                Timestamp=got["Records"][2]["ApproximateArrivalTimestamp"])["ShardIterator"]
                out({"failed": put["FailedRecordCount"], "sequences": [e["SequenceNumber"] for e in put["Records"]],
                     "data": base64.b64encode(first["Data"]).decode(), "keys": [x["PartitionKey"] for x in got["Records"]],
                     "arrival": isinstance(first["ApproximateArrivalTimestamp"], datetime.datetime),
                     "fromLater": [x["PartitionKey"] for x in kinesis.get_records(ShardIterator=at)["Records"]],
                     "missing": error_of(lambda: kinesis.describe_stream(StreamName=name + "-absent")),
                     "badIterator": error_of(lambda: kinesis.get_records(ShardIterator="AAAAAAAAAAAAAAAAAAAAAAAA"))})
                """.formatted(Cli.unique("boto-stream")));
        assertThat(r.path("failed").asInt()).isZero();
        assertThat(r.path("sequences")).hasSize(2);
        assertThat(r.path("data").asText()).isEqualTo("AAH+/w==");
        assertThat(r.path("keys")).extracting(JsonNode::asText).containsExactly("a", "b", "c");
        assertThat(r.path("arrival").asBoolean()).isTrue();
        assertThat(r.path("fromLater")).extracting(JsonNode::asText).containsExactly("c");
        assertThat(r.path("missing").path("type").asText()).isEqualTo("ResourceNotFoundException");
        assertThat(r.path("badIterator").path("code").asText()).isEqualTo("InvalidArgumentException");
    }
}
