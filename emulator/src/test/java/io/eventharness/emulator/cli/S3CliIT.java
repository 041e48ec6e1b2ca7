package io.eventharness.emulator.cli;

import static io.eventharness.emulator.cli.Cli.aws;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * S3 through Debian's AWS CLI v2 (high-level {@code aws s3} and {@code aws s3api}) and boto3: path-style
 * addressing, aws-chunked uploads, multipart uploads of large files, typed errors.
 */
class S3CliIT {
    private static final int SERVICE_ERROR = 254;
    private Path aws;
    private String bucket;
    @TempDir
    Path dir;

    @BeforeEach
    void bucket() {
        aws = Cli.systemAws();
        bucket = Cli.unique("cli-bucket").toLowerCase();
        Cli.Result mb = Cli.aws(aws, "s3", "mb", "s3://" + bucket);
        assertThat(mb.exitCode()).as(mb.stderr()).isZero();
        assertThat(mb.stdout()).contains("make_bucket: " + bucket);
    }

    @Test
    void copyUpListCopyDownRemove() throws IOException {
        Path file = Files.writeString(dir.resolve("hello.txt"), "hello from the CLI\n");
        Cli.Result up = aws(aws, "s3", "cp", file.toString(), "s3://" + bucket + "/dir/hello world.txt");
        assertThat(up.exitCode()).as(up.stderr()).isZero();

        Cli.Result ls = aws(aws, "s3", "ls", "s3://" + bucket + "/dir/");
        assertThat(ls.exitCode()).as(ls.stderr()).isZero();
        assertThat(ls.stdout()).contains("hello world.txt").contains(" 19 ");

        Path down = dir.resolve("down.txt");
        assertThat(aws(aws, "s3", "cp", "s3://" + bucket + "/dir/hello world.txt", down.toString()).exitCode()).isZero();
        assertThat(Files.readString(down)).isEqualTo("hello from the CLI\n");

        assertThat(aws(aws, "s3", "rm", "s3://" + bucket + "/dir/hello world.txt").exitCode()).isZero();
        assertThat(aws(aws, "s3api", "list-objects-v2", "--bucket", bucket).json().path("KeyCount").asInt()).isZero();
    }

    @Test
    void s3apiPutGetList() throws IOException {
        Path body = Files.write(dir.resolve("body.bin"), "some bytes".getBytes(StandardCharsets.UTF_8));
        JsonNode put = aws(aws, "s3api", "put-object", "--bucket", bucket, "--key", "a/b.bin", "--body", body.toString(),
                "--content-type", "application/octet-stream", "--metadata", "owner=cli").json();
        assertThat(put.path("ETag").asText()).isEqualTo("\"" + md5Hex("some bytes") + "\"");

        Path out = dir.resolve("out.bin");
        JsonNode got = aws(aws, "s3api", "get-object", "--bucket", bucket, "--key", "a/b.bin", out.toString()).json();
        assertThat(got.path("ContentLength").asLong()).isEqualTo(10);
        assertThat(got.path("Metadata").path("owner").asText()).isEqualTo("cli");
        assertThat(Files.readString(out)).isEqualTo("some bytes");

        JsonNode list = aws(aws, "s3api", "list-objects-v2", "--bucket", bucket, "--prefix", "a/").json();
        assertThat(list.path("Contents")).singleElement().satisfies(o -> {
            assertThat(o.path("Key").asText()).isEqualTo("a/b.bin");
            assertThat(o.path("Size").asLong()).isEqualTo(10);
        });

        aws(aws, "s3api", "get-object", "--bucket", bucket, "--key", "absent", dir.resolve("x").toString())
                .failsWith(SERVICE_ERROR, "NoSuchKey");
        aws(aws, "s3api", "list-objects-v2", "--bucket", bucket + "-absent").failsWith(SERVICE_ERROR, "NoSuchBucket");
    }

    @Test
    void largeCopyIsAMultipartUpload() throws IOException {
        byte[] data = new byte[20 * 1024 * 1024 + 123]; // the CLI splits above 8 MiB into 8 MiB parts: 3 parts
        new Random(7).nextBytes(data);
        Path big = Files.write(dir.resolve("big.bin"), data);
        Cli.Result up = aws(aws, "s3", "cp", big.toString(), "s3://" + bucket + "/big.bin");
        assertThat(up.exitCode()).as(up.stderr()).isZero();

        JsonNode head = aws(aws, "s3api", "head-object", "--bucket", bucket, "--key", "big.bin").json();
        assertThat(head.path("ContentLength").asLong()).isEqualTo(data.length);
        assertThat(head.path("ETag").asText()).endsWith("-3\"");

        Path down = dir.resolve("big.down");
        assertThat(aws(aws, "s3", "cp", "s3://" + bucket + "/big.bin", down.toString()).exitCode()).isZero();
        assertThat(Files.readAllBytes(down)).isEqualTo(data);
    }

    @Test
    void boto3PutGetListMultipartAndTypedErrors() {
        JsonNode r = Boto3.run("""
                from boto3.s3.transfer import TransferConfig
                s3 = client("s3")
                bucket = "%s"
                s3.put_object(Bucket=bucket, Key="k.txt", Body=b"boto3 body", Metadata={"a": "b"})
                got = s3.get_object(Bucket=bucket, Key="k.txt")
                data = os.urandom(12 * 1024 * 1024)
                path = os.path.join("%s", "big")
                open(path, "wb").write(data)
                s3.upload_file(path, bucket, "big", Config=TransferConfig(multipart_threshold=5 * 1024 * 1024,
                                                                          multipart_chunksize=5 * 1024 * 1024))
                big = s3.get_object(Bucket=bucket, Key="big")
                keys = [o["Key"] for o in s3.list_objects_v2(Bucket=bucket)["Contents"]]
                out({"body": got["Body"].read().decode(), "meta": got["Metadata"], "etag": big["ETag"],
                     "same": big["Body"].read() == data, "keys": keys,
                     "missing": error_of(lambda: s3.get_object(Bucket=bucket, Key="absent")),
                     "head": error_of(lambda: s3.head_object(Bucket=bucket, Key="absent"))})
                """.formatted(bucket, dir));
        assertThat(r.path("body").asText()).isEqualTo("boto3 body");
        assertThat(r.path("meta").path("a").asText()).isEqualTo("b");
        assertThat(r.path("etag").asText()).endsWith("-3\"");
        assertThat(r.path("same").asBoolean()).isTrue();
        assertThat(r.path("keys")).extracting(JsonNode::asText).containsExactly("big", "k.txt");
        assertThat(r.path("missing").path("type").asText()).isEqualTo("NoSuchKey");
        assertThat(r.path("head").path("code").asText()).isEqualTo("404");
    }

    private static String md5Hex(String s) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("MD5")
                    .digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
