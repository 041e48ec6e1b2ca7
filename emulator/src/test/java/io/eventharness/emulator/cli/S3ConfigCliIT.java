package io.eventharness.emulator.cli;

import static io.eventharness.emulator.cli.Cli.aws;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What S3 stores of a bucket and its objects beyond their bytes, through Debian's AWS CLI v2 and boto3: tags, CORS
 * (and a browser's preflight), Block Public Access and policies, ownership and ACLs, GetObjectAttributes, lifecycle
 * rules, Object Lock.
 */
class S3ConfigCliIT {
    private static final int SERVICE_ERROR = 254;
    private Path aws;
    private String bucket;
    @TempDir
    Path dir;

    @BeforeEach
    void bucket() {
        aws = Cli.systemAws();
        bucket = Cli.unique("cli-config").toLowerCase();
        assertThat(aws(aws, "s3api", "create-bucket", "--bucket", bucket).exitCode()).isZero();
    }

    @Test
    void bucketSettingsThroughTheCli() throws IOException {
        aws(aws, "s3api", "get-bucket-tagging", "--bucket", bucket).failsWith(SERVICE_ERROR, "NoSuchTagSet");
        assertThat(aws(aws, "s3api", "put-bucket-tagging", "--bucket", bucket, "--tagging",
                "TagSet=[{Key=team,Value=orders}]").exitCode()).isZero();
        assertThat(aws(aws, "s3api", "get-bucket-tagging", "--bucket", bucket).json().path("TagSet").get(0).path("Value").asText())
                .isEqualTo("orders");

        Path cors = Files.writeString(dir.resolve("cors.json"),
                "{\"CORSRules\":[{\"AllowedOrigins\":[\"https://app.example.com\"],\"AllowedMethods\":[\"PUT\"],\"MaxAgeSeconds\":60}]}");
        assertThat(aws(aws, "s3api", "put-bucket-cors", "--bucket", bucket, "--cors-configuration", "file://" + cors).exitCode()).isZero();
        assertThat(aws(aws, "s3api", "get-bucket-cors", "--bucket", bucket).json().path("CORSRules").get(0).path("MaxAgeSeconds").asInt())
                .isEqualTo(60);

        JsonNode block = aws(aws, "s3api", "get-public-access-block", "--bucket", bucket).json().path("PublicAccessBlockConfiguration");
        assertThat(block.path("BlockPublicPolicy").asBoolean()).isTrue();
        String policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"s3:GetObject\","
                + "\"Resource\":\"arn:aws:s3:::" + bucket + "/*\"}]}";
        aws(aws, "s3api", "put-bucket-policy", "--bucket", bucket, "--policy", policy).failsWith(SERVICE_ERROR, "AccessDenied");
        assertThat(aws(aws, "s3api", "delete-public-access-block", "--bucket", bucket).exitCode()).isZero();
        assertThat(aws(aws, "s3api", "put-bucket-policy", "--bucket", bucket, "--policy", policy).exitCode()).isZero();
        assertThat(aws(aws, "s3api", "get-bucket-policy-status", "--bucket", bucket).json().path("PolicyStatus").path("IsPublic")
                .asBoolean()).isTrue();

        assertThat(aws(aws, "s3api", "get-bucket-ownership-controls", "--bucket", bucket).json().path("OwnershipControls")
                .path("Rules").get(0).path("ObjectOwnership").asText()).isEqualTo("BucketOwnerEnforced");
        aws(aws, "s3api", "put-bucket-acl", "--bucket", bucket, "--acl", "public-read")
                .failsWith(SERVICE_ERROR, "AccessControlListNotSupported");

        Path lifecycle = Files.writeString(dir.resolve("lifecycle.json"),
                "{\"Rules\":[{\"ID\":\"logs\",\"Filter\":{\"Prefix\":\"logs/\"},\"Status\":\"Enabled\",\"Expiration\":{\"Days\":7}}]}");
        assertThat(aws(aws, "s3api", "put-bucket-lifecycle-configuration", "--bucket", bucket, "--lifecycle-configuration",
                "file://" + lifecycle).exitCode()).isZero();
        Path body = Files.writeString(dir.resolve("body.txt"), "log line");
        JsonNode put = aws(aws, "s3api", "put-object", "--bucket", bucket, "--key", "logs/a.txt", "--body", body.toString()).json();
        assertThat(put.path("Expiration").asText()).contains("rule-id=\"logs\"");
        JsonNode attributes = aws(aws, "s3api", "get-object-attributes", "--bucket", bucket, "--key", "logs/a.txt",
                "--object-attributes", "ETag", "ObjectSize").json();
        assertThat(attributes.path("ObjectSize").asLong()).isEqualTo(8);
        assertThat(attributes.path("ETag").asText()).doesNotContain("\"");
    }

    @Test
    void objectLockThroughTheCli() throws IOException {
        String locked = Cli.unique("cli-lock").toLowerCase();
        assertThat(aws(aws, "s3api", "create-bucket", "--bucket", locked, "--object-lock-enabled-for-bucket").exitCode()).isZero();
        Path body = Files.writeString(dir.resolve("body.txt"), "kept");
        String version = aws(aws, "s3api", "put-object", "--bucket", locked, "--key", "k", "--body", body.toString(),
                "--object-lock-mode", "GOVERNANCE", "--object-lock-retain-until-date", "2100-01-01T00:00:00Z").json()
                .path("VersionId").asText();
        assertThat(aws(aws, "s3api", "get-object-retention", "--bucket", locked, "--key", "k").json().path("Retention")
                .path("Mode").asText()).isEqualTo("GOVERNANCE");
        aws(aws, "s3api", "delete-object", "--bucket", locked, "--key", "k", "--version-id", version)
                .failsWith(SERVICE_ERROR, "AccessDenied");
        assertThat(aws(aws, "s3api", "delete-object", "--bucket", locked, "--key", "k", "--version-id", version,
                "--bypass-governance-retention").exitCode()).isZero();
    }

    @Test
    void boto3AttributesLifecycleLockAclsAndAPreflight() {
        JsonNode r = Boto3.run("""
                import urllib.request, urllib.error
                s3 = client("s3")
                bucket = "%s"
                s3.put_object(Bucket=bucket, Key="k", Body=b"attributes")
                attrs = s3.get_object_attributes(Bucket=bucket, Key="k", ObjectAttributes=["ObjectSize", "StorageClass"])
                s3.put_bucket_lifecycle_configuration(Bucket=bucket, LifecycleConfiguration={"Rules": [
                    {"ID": "tmp", "Filter": {"Prefix": "tmp/"}, "Status": "Enabled",
                     "AbortIncompleteMultipartUpload": {"DaysAfterInitiation": 1}}]})
                rules = s3.get_bucket_lifecycle_configuration(Bucket=bucket)["Rules"]
                locked = bucket + "-lock"
                s3.create_bucket(Bucket=locked, ObjectLockEnabledForBucket=True)
                s3.put_object(Bucket=locked, Key="k", Body=b"x")
                s3.put_object_legal_hold(Bucket=locked, Key="k", LegalHold={"Status": "ON"})
                hold = s3.get_object_legal_hold(Bucket=locked, Key="k")["LegalHold"]["Status"]
                s3.put_object_legal_hold(Bucket=locked, Key="k", LegalHold={"Status": "OFF"})
                acl = s3.get_bucket_acl(Bucket=bucket)["Grants"][0]["Permission"]
                s3.put_bucket_cors(Bucket=bucket, CORSConfiguration={"CORSRules": [
                    {"AllowedOrigins": ["https://app.example.com"], "AllowedMethods": ["PUT"]}]})
                def preflight(origin):
                    req = urllib.request.Request(os.environ["ENDPOINT"] + "/" + bucket + "/upload", method="OPTIONS",
                        headers={"Origin": origin, "Access-Control-Request-Method": "PUT"})
                    try:
                        with urllib.request.urlopen(req) as resp:
                            return [resp.status, resp.headers.get("Access-Control-Allow-Origin")]
                    except urllib.error.HTTPError as e:
                        return [e.code, None]
                out({"size": attrs["ObjectSize"], "class": attrs["StorageClass"], "rule": rules[0]["ID"], "hold": hold,
                     "acl": acl, "allowed": preflight("https://app.example.com"), "refused": preflight("https://evil.test"),
                     "noLock": error_of(lambda: s3.get_object_retention(Bucket=bucket, Key="k"))})
                """.formatted(bucket));
        assertThat(r.path("size").asInt()).isEqualTo(10);
        assertThat(r.path("class").asText()).isEqualTo("STANDARD");
        assertThat(r.path("rule").asText()).isEqualTo("tmp");
        assertThat(r.path("hold").asText()).isEqualTo("ON");
        assertThat(r.path("acl").asText()).isEqualTo("FULL_CONTROL");
        assertThat(r.path("allowed").get(0).asInt()).isEqualTo(200);
        assertThat(r.path("allowed").get(1).asText()).isEqualTo("https://app.example.com");
        assertThat(r.path("refused").get(0).asInt()).isEqualTo(403);
        assertThat(r.path("noLock").path("code").asText()).isEqualTo("InvalidRequest");
    }
}
