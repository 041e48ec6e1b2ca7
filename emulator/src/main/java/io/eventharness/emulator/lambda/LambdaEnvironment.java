package io.eventharness.emulator.lambda;

import io.eventharness.emulator.core.Arn;
import io.eventharness.emulator.delivery.ConsumableQueues;
import io.eventharness.emulator.delivery.ReadableStreams;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * What Lambda needs from the rest of the emulator, as plain functions that {@code Services} fills in: whether an
 * IAM role exists (the execution role of {@code CreateFunction}), an S3 object's bytes (code from
 * {@code S3Bucket}/{@code S3Key}), the emulator's endpoint (the functions' {@code AWS_ENDPOINT_URL}), where to
 * unpack code, what event source mappings read through {@code delivery} (SQS's queues, and the streams of Kinesis
 * and DynamoDB, one reader per service), and whether an execution role may do something (when policies are enforced).
 */
public record LambdaEnvironment(Predicate<Arn> roleExists, S3Objects s3, Supplier<URI> endpoint, Path codeRoot,
                                ConsumableQueues queues, List<ReadableStreams> streams, RolePermissions permissions) {

    /** Without policy enforcement: every execution role may do everything. */
    public LambdaEnvironment(Predicate<Arn> roleExists, S3Objects s3, Supplier<URI> endpoint, Path codeRoot,
                             ConsumableQueues queues, List<ReadableStreams> streams) {
        this(roleExists, s3, endpoint, codeRoot, queues, streams, RolePermissions.ALL);
    }

    /**
     * Whether an execution role's policies allow an action on a resource, as Lambda asks IAM when a mapping is
     * created (the role must be able to read its source).
     */
    @FunctionalInterface
    public interface RolePermissions {
        RolePermissions ALL = (role, action, resource) -> true;

        boolean allows(Arn role, String action, String resource);
    }

    /** Reads an object of the emulated S3; null when it does not exist. */
    @FunctionalInterface
    public interface S3Objects {
        StoredCode get(String bucket, String key, String versionId);
    }

    /**
     * A deployment package stored in S3.
     *
     * @param zip    its bytes
     * @param sha256 its SHA-256 (base64) when S3 verified one as the object was stored, else null (Lambda computes it)
     */
    public record StoredCode(byte[] zip, String sha256) {
    }
}
