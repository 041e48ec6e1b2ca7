package io.eventharness.emulator.cli;

import static io.eventharness.emulator.cli.Cli.aws;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * S3 → SQS set up as the S3 user guide's walkthrough does it, with Debian's AWS CLI against the standalone jar:
 * a queue whose policy lets the bucket send, the bucket's notification configuration, an upload; the queue gets the
 * test message and then the record. boto3 reads what versioning and tagging report.
 */
class S3NotificationsCliIT {
    @TempDir
    Path dir;

    @Test
    void theCliWiresABucketToAQueueAndTheRecordArrives() throws IOException {
        Path aws = Cli.systemAws();
        String bucket = Cli.unique("cli-notify").toLowerCase();
        String queueUrl = aws(aws, "sqs", "create-queue", "--queue-name", Cli.unique("cli-events")).json().path("QueueUrl").asText();
        String queueArn = aws(aws, "sqs", "get-queue-attributes", "--queue-url", queueUrl, "--attribute-names", "QueueArn")
                .json().path("Attributes").path("QueueArn").asText();
        String policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":"
                + "\"s3.amazonaws.com\"},\"Action\":\"SQS:SendMessage\",\"Resource\":\"" + queueArn + "\",\"Condition\":"
                + "{\"ArnLike\":{\"aws:SourceArn\":\"arn:aws:s3:*:*:" + bucket + "\"}}}]}";
        Path attributes = Files.writeString(dir.resolve("attributes.json"), Cli.toJson(java.util.Map.of("Policy", policy)));
        assertThat(aws(aws, "sqs", "set-queue-attributes", "--queue-url", queueUrl, "--attributes", "file://" + attributes)
                .exitCode()).isZero();
        assertThat(aws(aws, "s3", "mb", "s3://" + bucket).exitCode()).isZero();
        Path config = Files.writeString(dir.resolve("notification.json"), "{\"QueueConfigurations\":[{\"Id\":\"uploads\","
                + "\"QueueArn\":\"" + queueArn + "\",\"Events\":[\"s3:ObjectCreated:*\"],\"Filter\":{\"Key\":{\"FilterRules\":"
                + "[{\"Name\":\"suffix\",\"Value\":\".txt\"}]}}}]}");
        Cli.Result put = aws(aws, "s3api", "put-bucket-notification-configuration", "--bucket", bucket,
                "--notification-configuration", "file://" + config);
        assertThat(put.exitCode()).as(put.stderr()).isZero();
        JsonNode saved = aws(aws, "s3api", "get-bucket-notification-configuration", "--bucket", bucket).json();
        assertThat(saved.path("QueueConfigurations").get(0).path("Filter").path("Key").path("FilterRules").get(0)
                .path("Name").asText()).isEqualTo("Suffix");

        Path file = Files.writeString(dir.resolve("hello.txt"), "hello\n");
        assertThat(aws(aws, "s3", "cp", file.toString(), "s3://" + bucket + "/in box/hello.txt").exitCode()).isZero();
        assertThat(aws(aws, "s3", "cp", file.toString(), "s3://" + bucket + "/in box/hello.bin").exitCode()).isZero();

        List<JsonNode> bodies = new ArrayList<>();
        JsonNode received = aws(aws, "sqs", "receive-message", "--queue-url", queueUrl, "--max-number-of-messages", "10").json();
        received.path("Messages").forEach(m -> bodies.add(Cli.parse(m.path("Body").asText())));
        assertThat(bodies).hasSize(2);
        assertThat(bodies.get(0).path("Event").asText()).isEqualTo("s3:TestEvent");
        JsonNode record = bodies.get(1).path("Records").get(0);
        assertThat(record.path("eventName").asText()).isEqualTo("ObjectCreated:Put");
        assertThat(record.path("s3").path("configurationId").asText()).isEqualTo("uploads");
        assertThat(record.path("s3").path("bucket").path("name").asText()).isEqualTo(bucket);
        assertThat(record.path("s3").path("object").path("key").asText()).isEqualTo("in+box%2Fhello.txt");
        assertThat(record.path("s3").path("object").path("size").asInt()).isEqualTo(6);
    }

    @Test
    void boto3SeesVersionsAndTags() {
        String bucket = Cli.unique("boto-versions").toLowerCase();
        JsonNode r = Boto3.run("""
                s3 = client("s3")
                bucket = "%s"
                s3.create_bucket(Bucket=bucket)
                unversioned = s3.put_object(Bucket=bucket, Key="plain", Body=b"x")
                before = s3.list_object_versions(Bucket=bucket)["Versions"]
                s3.put_bucket_versioning(Bucket=bucket, VersioningConfiguration={"Status": "Enabled"})
                v1 = s3.put_object(Bucket=bucket, Key="doc", Body=b"one", Tagging="team=data")["VersionId"]
                s3.put_object(Bucket=bucket, Key="doc", Body=b"two")
                marker = s3.delete_object(Bucket=bucket, Key="doc")
                listed = s3.list_object_versions(Bucket=bucket, Prefix="doc")
                old = s3.get_object(Bucket=bucket, Key="doc", VersionId=v1)
                out({"unversioned": "VersionId" in unversioned, "before": [[v["Key"], v["VersionId"]] for v in before],
                     "status": s3.get_bucket_versioning(Bucket=bucket)["Status"],
                     "marker": marker["DeleteMarker"], "versions": len(listed["Versions"]),
                     "markers": [m["VersionId"] for m in listed["DeleteMarkers"]], "markerId": marker["VersionId"],
                     "old": old["Body"].read().decode(), "tagCount": old["TagCount"],
                     "tags": s3.get_object_tagging(Bucket=bucket, Key="doc", VersionId=v1)["TagSet"]})
                """.formatted(bucket));
        assertThat(r.path("unversioned").asBoolean()).isFalse();
        assertThat(r.path("before").get(0)).extracting(JsonNode::asText).containsExactly("plain", "null");
        assertThat(r.path("status").asText()).isEqualTo("Enabled");
        assertThat(r.path("marker").asBoolean()).isTrue();
        assertThat(r.path("versions").asInt()).isEqualTo(2);
        assertThat(r.path("markers").get(0).asText()).isEqualTo(r.path("markerId").asText());
        assertThat(r.path("old").asText()).isEqualTo("one");
        assertThat(r.path("tagCount").asInt()).isEqualTo(1);
        assertThat(r.path("tags").get(0).path("Key").asText()).isEqualTo("team");
    }
}
