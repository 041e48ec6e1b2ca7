package io.eventharness.emulator.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventharness.emulator.TestAws;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** Put/Get/DeleteBucketPolicy as S3 answers them: the document back as stored, S3's checks and errors. */
class S3BucketPolicyTest {
    private final S3Client s3 = TestAws.s3();

    private static String policy(String bucket) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"PublicRead\",\"Effect\":\"Allow\",\"Principal\":\"*\","
                + "\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::" + bucket + "/public/*\"}]}";
    }

    private static void fails(Runnable call, int status, String code, String message) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(S3Exception.class, e -> {
            assertThat(e.statusCode()).isEqualTo(status);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo(code);
            assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(message);
        });
    }

    @Test
    void aPolicyIsStoredReadBackAndDeleted() {
        String bucket = TestAws.unique("policy");
        s3.createBucket(b -> b.bucket(bucket));
        fails(() -> s3.getBucketPolicy(b -> b.bucket(bucket)), 404, "NoSuchBucketPolicy", "The bucket policy does not exist");

        s3.deletePublicAccessBlock(b -> b.bucket(bucket)); // a public policy needs it lifted, as on S3 since April 2023
        s3.putBucketPolicy(b -> b.bucket(bucket).policy(policy(bucket)));
        assertThat(s3.getBucketPolicy(b -> b.bucket(bucket)).policy()).isEqualTo(policy(bucket));

        s3.deleteBucketPolicy(b -> b.bucket(bucket));
        fails(() -> s3.getBucketPolicy(b -> b.bucket(bucket)), 404, "NoSuchBucketPolicy", "The bucket policy does not exist");
    }

    @Test
    void s3RefusesAPolicyItCannotUse() {
        String bucket = TestAws.unique("policy-bad");
        s3.createBucket(b -> b.bucket(bucket));
        fails(() -> s3.putBucketPolicy(b -> b.bucket(bucket).policy("not json")), 400, "MalformedPolicy",
                "Policies must be valid JSON and the first byte must be '{'");
        fails(() -> s3.putBucketPolicy(b -> b.bucket(bucket).policy("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":"
                + "\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::" + bucket + "/*\"}]}")), 400,
                "MalformedPolicy", "Missing required field Principal");
        fails(() -> s3.putBucketPolicy(b -> b.bucket(bucket).policy(policy("another-bucket"))), 400, "MalformedPolicy",
                "Policy has invalid resource");
        fails(() -> s3.putBucketPolicy(b -> b.bucket(bucket + "-absent").policy(policy(bucket + "-absent"))), 404,
                "NoSuchBucket", "The specified bucket does not exist");
    }
}
