package io.eventharness.emulator.s3;

import io.eventharness.emulator.protocol.WithBody;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.services.s3.model.CORSRule;
import software.amazon.awssdk.services.s3.model.DeleteBucketCorsRequest;
import software.amazon.awssdk.services.s3.model.DeleteBucketCorsResponse;
import software.amazon.awssdk.services.s3.model.GetBucketCorsRequest;
import software.amazon.awssdk.services.s3.model.GetBucketCorsResponse;
import software.amazon.awssdk.services.s3.model.PutBucketCorsRequest;
import software.amazon.awssdk.services.s3.model.PutBucketCorsResponse;

/**
 * A bucket's CORS configuration ("Using cross-origin resource sharing (CORS)"): Put/Get/DeleteBucketCors. Up to 100
 * rules, each with allowed origins and methods ({@code GET PUT POST DELETE HEAD}); GetBucketCors of a bucket without
 * one is NoSuchCORSConfiguration.
 */
public final class CorsOperations {
    private static final Set<String> METHODS = Set.of("GET", "PUT", "POST", "DELETE", "HEAD");

    private final S3Buckets buckets;

    CorsOperations(S3Buckets buckets) {
        this.buckets = buckets;
    }

    public PutBucketCorsResponse putBucketCors(PutBucketCorsRequest r) {
        S3Bucket b = buckets.bucket(r.bucket());
        if (r.corsConfiguration() == null || r.corsConfiguration().corsRules().isEmpty()
                || r.corsConfiguration().corsRules().size() > 100) {
            throw S3Errors.malformedXml();
        }
        for (CORSRule rule : r.corsConfiguration().corsRules()) {
            if (rule.allowedMethods().isEmpty() || rule.allowedOrigins().isEmpty()) {
                throw S3Errors.malformedXml();
            }
            for (String m : rule.allowedMethods()) {
                if (!METHODS.contains(m)) {
                    throw S3Errors.invalidRequest("Found unsupported HTTP method in CORS config. Unsupported method is " + m);
                }
            }
        }
        b.settings().cors(r.corsConfiguration().corsRules());
        return PutBucketCorsResponse.builder().build();
    }

    public GetBucketCorsResponse getBucketCors(GetBucketCorsRequest r) {
        List<CORSRule> rules = buckets.bucket(r.bucket()).settings().cors();
        if (rules == null) {
            throw S3Errors.notFound("NoSuchCORSConfiguration", "The CORS configuration does not exist");
        }
        return GetBucketCorsResponse.builder().corsRules(rules).build();
    }

    public WithBody<DeleteBucketCorsResponse> deleteBucketCors(DeleteBucketCorsRequest r) {
        buckets.bucket(r.bucket()).settings().cors(null);
        return new WithBody<>(DeleteBucketCorsResponse.builder().build(), new byte[0], 204);
    }
}
