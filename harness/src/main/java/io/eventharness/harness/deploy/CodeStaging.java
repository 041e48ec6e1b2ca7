package io.eventharness.harness.deploy;

import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.lambda.model.FunctionCode;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * How a package reaches Lambda. Up to {@link #DIRECT_UPLOAD_LIMIT} it goes in the request ({@code ZipFile}); a larger
 * one goes once to the run's code bucket under its SHA-256 ({@code code/<sha256>.zip}, with S3's own SHA-256 checksum,
 * which the emulator then takes as the {@code CodeSha256}) and {@code CreateFunction} names it
 * ({@code S3Bucket}/{@code S3Key}). So deploying the same large package again sends only its name, and packages
 * over Lambda's 50 MB direct-upload limit deploy too (up to its 250 MB unzipped).
 *
 * <p>The bucket ({@code <run prefix>-code-<random>}) is created on the first large package and emptied and deleted
 * by {@link #close()}.
 */
public final class CodeStaging {
    /** Packages up to this size go in the request; larger ones through S3. */
    public static final long DIRECT_UPLOAD_LIMIT = 1024 * 1024;

    private final S3Client s3;
    private final String region;
    private final String bucketName;
    private final Set<String> staged = ConcurrentHashMap.newKeySet();
    private volatile boolean bucketCreated;

    public CodeStaging(S3Client s3, String region, String runPrefix) {
        this.s3 = s3;
        this.region = region;
        this.bucketName = (runPrefix + "-code-" + Long.toString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE, 36))
                .toLowerCase(Locale.ROOT);
    }

    /** The {@code Code} of a {@code CreateFunction} for this package. */
    public FunctionCode code(CodePackage p) {
        if (p.size() <= DIRECT_UPLOAD_LIMIT) {
            return FunctionCode.builder().zipFile(software.amazon.awssdk.core.SdkBytes.fromByteArray(p.bytes())).build();
        }
        String key = "code/" + p.sha256Hex() + ".zip";
        if (!staged.contains(key)) {
            stage(p, key);
        }
        return FunctionCode.builder().s3Bucket(bucketName).s3Key(key).build();
    }

    private synchronized void stage(CodePackage p, String key) {
        if (staged.contains(key)) {
            return;
        }
        ensureBucket();
        if (!exists(key)) {
            s3.putObject(b -> b.bucket(bucketName).key(key).checksumSHA256(p.sha256Base64()), RequestBody.fromBytes(p.bytes()));
        }
        staged.add(key);
    }

    private boolean exists(String key) {
        try {
            s3.headObject(b -> b.bucket(bucketName).key(key));
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw e;
        }
    }

    private void ensureBucket() {
        if (bucketCreated) {
            return;
        }
        if ("us-east-1".equals(region)) {
            s3.createBucket(b -> b.bucket(bucketName));
        } else {
            s3.createBucket(b -> b.bucket(bucketName).createBucketConfiguration(c -> c.locationConstraint(region)));
        }
        bucketCreated = true;
    }

    /** The bucket's name, whether or not it was created. */
    public String bucketName() {
        return bucketName;
    }

    /** Empties and deletes the bucket, if it was created; throws what S3 answered when it cannot. */
    public synchronized void close() {
        if (!bucketCreated) {
            return;
        }
        for (String key : staged) {
            s3.deleteObject(b -> b.bucket(bucketName).key(key));
        }
        s3.deleteBucket(b -> b.bucket(bucketName));
        bucketCreated = false;
        staged.clear();
    }
}
