package io.eventharness.emulator.s3;

import com.fasterxml.jackson.databind.JsonNode;
import io.eventharness.emulator.core.Arn;
import io.eventharness.emulator.core.Json;
import io.eventharness.emulator.protocol.WithBody;
import software.amazon.awssdk.services.s3.model.DeleteBucketPolicyRequest;
import software.amazon.awssdk.services.s3.model.DeleteBucketPolicyResponse;
import software.amazon.awssdk.services.s3.model.DeletePublicAccessBlockRequest;
import software.amazon.awssdk.services.s3.model.DeletePublicAccessBlockResponse;
import software.amazon.awssdk.services.s3.model.GetBucketPolicyRequest;
import software.amazon.awssdk.services.s3.model.GetBucketPolicyResponse;
import software.amazon.awssdk.services.s3.model.GetBucketPolicyStatusRequest;
import software.amazon.awssdk.services.s3.model.GetBucketPolicyStatusResponse;
import software.amazon.awssdk.services.s3.model.GetPublicAccessBlockRequest;
import software.amazon.awssdk.services.s3.model.GetPublicAccessBlockResponse;
import software.amazon.awssdk.services.s3.model.PublicAccessBlockConfiguration;
import software.amazon.awssdk.services.s3.model.PutBucketPolicyRequest;
import software.amazon.awssdk.services.s3.model.PutBucketPolicyResponse;
import software.amazon.awssdk.services.s3.model.PutPublicAccessBlockRequest;
import software.amazon.awssdk.services.s3.model.PutPublicAccessBlockResponse;

/**
 * Bucket policies and Block Public Access, stored and returned ("Bucket policies", "Blocking public access to your
 * Amazon S3 storage"): Put/Get/DeleteBucketPolicy, GetBucketPolicyStatus, Put/Get/DeletePublicAccessBlock. A new
 * bucket blocks all public access, as S3's have since April 2023, and a public policy (one allowing everyone,
 * {@code "Principal": "*"}, without a condition) is refused while {@code BlockPublicPolicy} is on; a statement's resource
 * must be the bucket or under it. What a policy allows or denies is evaluated by the request pipeline when policies
 * are enforced ({@code S3Service.bucketPolicy}).
 */
public final class PolicyOperations {
    private final S3Buckets buckets;

    PolicyOperations(S3Buckets buckets) {
        this.buckets = buckets;
    }

    public WithBody<PutBucketPolicyResponse> putBucketPolicy(PutBucketPolicyRequest r) {
        S3Bucket b = buckets.bucket(r.bucket());
        JsonNode policy = parse(r.policy());
        for (JsonNode st : statements(policy)) {
            JsonNode resources = st.path("Resource");
            for (JsonNode res : resources.isArray() ? resources : Json.MAPPER.createArrayNode().add(resources)) {
                if (!res.isMissingNode() && !inBucket(res.asText(), b.name())) {
                    throw S3Errors.malformedPolicy("Policy has invalid resource");
                }
            }
        }
        if (isPublic(policy) && b.settings().blocks(c -> Boolean.TRUE.equals(c.blockPublicPolicy()))) {
            throw S3Errors.accessDenied("Access Denied");
        }
        b.settings().policy(r.policy());
        return new WithBody<>(PutBucketPolicyResponse.builder().build(), new byte[0], 204);
    }

    public GetBucketPolicyResponse getBucketPolicy(GetBucketPolicyRequest r) {
        String policy = buckets.bucket(r.bucket()).settings().policy();
        if (policy == null) {
            throw S3Errors.notFound("NoSuchBucketPolicy", "The bucket policy does not exist");
        }
        return GetBucketPolicyResponse.builder().policy(policy).build();
    }

    public WithBody<DeleteBucketPolicyResponse> deleteBucketPolicy(DeleteBucketPolicyRequest r) {
        buckets.bucket(r.bucket()).settings().policy(null);
        return new WithBody<>(DeleteBucketPolicyResponse.builder().build(), new byte[0], 204);
    }

    public GetBucketPolicyStatusResponse getBucketPolicyStatus(GetBucketPolicyStatusRequest r) {
        String policy = buckets.bucket(r.bucket()).settings().policy();
        if (policy == null) {
            throw S3Errors.notFound("NoSuchBucketPolicy", "The bucket policy does not exist");
        }
        boolean open = isPublic(parse(policy));
        return GetBucketPolicyStatusResponse.builder().policyStatus(s -> s.isPublic(open)).build();
    }

    public PutPublicAccessBlockResponse putPublicAccessBlock(PutPublicAccessBlockRequest r) {
        S3Bucket b = buckets.bucket(r.bucket());
        PublicAccessBlockConfiguration c = r.publicAccessBlockConfiguration();
        if (c == null) {
            throw S3Errors.malformedXml();
        }
        // a member left out is false, as S3 stores it
        b.settings().publicAccessBlock(PublicAccessBlockConfiguration.builder()
                .blockPublicAcls(Boolean.TRUE.equals(c.blockPublicAcls())).ignorePublicAcls(Boolean.TRUE.equals(c.ignorePublicAcls()))
                .blockPublicPolicy(Boolean.TRUE.equals(c.blockPublicPolicy()))
                .restrictPublicBuckets(Boolean.TRUE.equals(c.restrictPublicBuckets())).build());
        return PutPublicAccessBlockResponse.builder().build();
    }

    public GetPublicAccessBlockResponse getPublicAccessBlock(GetPublicAccessBlockRequest r) {
        PublicAccessBlockConfiguration c = buckets.bucket(r.bucket()).settings().publicAccessBlock();
        if (c == null) {
            throw S3Errors.notFound("NoSuchPublicAccessBlockConfiguration", "The public access block configuration was not found");
        }
        return GetPublicAccessBlockResponse.builder().publicAccessBlockConfiguration(c).build();
    }

    public WithBody<DeletePublicAccessBlockResponse> deletePublicAccessBlock(DeletePublicAccessBlockRequest r) {
        buckets.bucket(r.bucket()).settings().publicAccessBlock(null);
        return new WithBody<>(DeletePublicAccessBlockResponse.builder().build(), new byte[0], 204);
    }

    /** A policy document; MalformedPolicy when it is not JSON with statements. */
    private static JsonNode parse(String policy) {
        JsonNode n;
        try {
            n = policy == null ? null : Json.MAPPER.readTree(policy);
        } catch (Exception e) {
            n = null;
        }
        if (n == null || !n.isObject()) {
            throw S3Errors.malformedPolicy("Policies must be valid JSON and the first byte must be '{'");
        }
        JsonNode statements = n.get("Statement");
        if (statements == null || !(statements.isArray() || statements.isObject()) || statements.isEmpty()) {
            throw S3Errors.malformedPolicy("Missing required field Statement");
        }
        for (JsonNode s : statements.isArray() ? statements : Json.MAPPER.createArrayNode().add(statements)) {
            String effect = s.path("Effect").asText();
            if (!effect.equals("Allow") && !effect.equals("Deny")) {
                throw S3Errors.malformedPolicy("Invalid effect: " + effect);
            }
            if (!s.has("Principal") && !s.has("NotPrincipal")) {
                throw S3Errors.malformedPolicy("Missing required field Principal");
            }
            if (!s.has("Action") && !s.has("NotAction")) {
                throw S3Errors.malformedPolicy("Missing required field Action");
            }
        }
        return n;
    }

    private static JsonNode statements(JsonNode policy) {
        JsonNode statements = policy.get("Statement");
        return statements.isArray() ? statements : Json.MAPPER.createArrayNode().add(statements);
    }

    /** Whether a statement's resource is the bucket or under it ({@code arn:aws:s3:::bucket}, {@code …/key*}). */
    private static boolean inBucket(String resource, String bucket) {
        return Arn.tryParse(resource).filter(a -> a.service().equals("s3"))
                .map(a -> a.resource().equals(bucket) || a.resource().startsWith(bucket + "/")).orElse(false);
    }

    /** Whether a statement allows everyone without a condition ("The meaning of 'public'" in the S3 user guide). */
    static boolean isPublic(JsonNode policy) {
        JsonNode statements = policy.get("Statement");
        for (JsonNode s : statements.isArray() ? statements : Json.MAPPER.createArrayNode().add(statements)) {
            JsonNode p = s.get("Principal");
            boolean everyone = p != null && (p.isTextual() && p.asText().equals("*")
                    || p.path("AWS").isTextual() && p.path("AWS").asText().equals("*")
                    || p.path("AWS").isArray() && p.path("AWS").toString().contains("\"*\""));
            if (s.path("Effect").asText().equals("Allow") && everyone && !s.has("Condition")) {
                return true;
            }
        }
        return false;
    }
}
