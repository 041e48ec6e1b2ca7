package io.eventharness.emulator.s3;

import io.eventharness.emulator.core.Arn;
import java.security.MessageDigest;
import java.util.Base64;
import software.amazon.awssdk.services.s3.model.ServerSideEncryptionByDefault;
import software.amazon.awssdk.services.s3.model.ServerSideEncryptionConfiguration;
import software.amazon.awssdk.services.s3.model.ServerSideEncryptionRule;

/**
 * How an object is encrypted at rest, as S3 reports it on every write and read ("Protecting data with server-side
 * encryption"): SSE-S3 ({@code AES256}, the default of every bucket), SSE-KMS ({@code aws:kms}, a key id and whether
 * an S3 Bucket Key is used), DSSE-KMS ({@code aws:kms:dsse}) or SSE-C (the customer's {@code AES256} key, of which S3
 * keeps only the MD5). The emulator stores bytes as they came: what it keeps is what S3 would report, and the rule
 * that an SSE-C object is read only with its key. KMS keys are not looked up (there is no KMS here): any key id is
 * taken as given; without one, the account's AWS managed key {@code alias/aws/s3} is reported.
 *
 * @param algorithm        {@code AES256}, {@code aws:kms} or {@code aws:kms:dsse}; null for SSE-C
 * @param kmsKeyId         the KMS key (KMS algorithms only)
 * @param bucketKeyEnabled whether an S3 Bucket Key is used (KMS algorithms only)
 * @param customerKeyMd5   SSE-C: the base64 MD5 of the customer's key; null otherwise
 */
record ObjectEncryption(String algorithm, String kmsKeyId, Boolean bucketKeyEnabled, String customerKeyMd5) {
    static final String AES256 = "AES256";
    static final ObjectEncryption SSE_S3 = new ObjectEncryption(AES256, null, null, null);

    boolean customerKey() {
        return customerKeyMd5 != null;
    }

    /**
     * The encryption a write asks for (PutObject, CreateMultipartUpload, CopyObject: its
     * {@code x-amz-server-side-encryption*} headers), else the bucket's default. InvalidArgument for what S3 refuses.
     */
    static ObjectEncryption requested(Object request, ServerSideEncryptionConfiguration bucketDefault, String region) {
        String sse = (String) Members.get(request, "ServerSideEncryption");
        String keyId = (String) Members.get(request, "SSEKMSKeyId");
        Boolean bucketKey = (Boolean) Members.get(request, "BucketKeyEnabled");
        String context = (String) Members.get(request, "SSEKMSEncryptionContext");
        ObjectEncryption customer = customerKey(request, "SSECustomerAlgorithm", "SSECustomerKey", "SSECustomerKeyMD5");
        if (customer != null) {
            if (sse != null || keyId != null) {
                throw S3Errors.invalidArgument("Server Side Encryption with Customer provided key is incompatible with the "
                        + "encryption method specified", "x-amz-server-side-encryption", sse);
            }
            return customer;
        }
        if (sse == null) {
            if (keyId != null || context != null) {
                throw S3Errors.invalidArgument("Specifying Server Side Encryption with AWS KMS keys requires "
                        + "x-amz-server-side-encryption: aws:kms", "x-amz-server-side-encryption-aws-kms-key-id", keyId);
            }
            return ofDefault(bucketDefault, region);
        }
        return of(sse, keyId, bucketKey, region, "x-amz-server-side-encryption");
    }

    /** The encryption a bucket's default encryption gives an object written without its own. */
    static ObjectEncryption ofDefault(ServerSideEncryptionConfiguration bucketDefault, String region) {
        if (bucketDefault == null || bucketDefault.rules().isEmpty()) {
            return SSE_S3;
        }
        ServerSideEncryptionRule rule = bucketDefault.rules().get(0);
        ServerSideEncryptionByDefault d = rule.applyServerSideEncryptionByDefault();
        return of(d.sseAlgorithmAsString(), d.kmsMasterKeyID(), rule.bucketKeyEnabled(), region, "SSEAlgorithm");
    }

    /** An SSE-S3, SSE-KMS or DSSE-KMS encryption; InvalidArgument naming {@code argument} for another algorithm. */
    static ObjectEncryption of(String algorithm, String keyId, Boolean bucketKey, String region, String argument) {
        switch (algorithm) {
            case AES256 -> {
                if (keyId != null) {
                    throw S3Errors.invalidArgument("A KMS key id can only be given with aws:kms or aws:kms:dsse",
                            "x-amz-server-side-encryption-aws-kms-key-id", keyId);
                }
                return Boolean.TRUE.equals(bucketKey) ? new ObjectEncryption(AES256, null, true, null) : SSE_S3;
            }
            case "aws:kms", "aws:kms:dsse" -> {
                String key = keyId == null || keyId.isBlank() ? Arn.of("kms", region, "alias/aws/s3").toString() : keyId;
                return new ObjectEncryption(algorithm, key, Boolean.TRUE.equals(bucketKey) ? Boolean.TRUE : null, null);
            }
            default -> throw S3Errors.invalidArgument("The encryption method specified is not supported", argument, algorithm);
        }
    }

    /**
     * An SSE-C key given in these members ({@code SSECustomerAlgorithm}, {@code SSECustomerKey},
     * {@code SSECustomerKeyMD5}, or their {@code CopySource} forms), checked as S3 checks it; null when none is given.
     */
    static ObjectEncryption customerKey(Object request, String algorithmMember, String keyMember, String md5Member) {
        String alg = (String) Members.get(request, algorithmMember);
        String key = (String) Members.get(request, keyMember);
        String md5 = (String) Members.get(request, md5Member);
        if (alg == null && key == null && md5 == null) {
            return null;
        }
        if (!AES256.equals(alg)) {
            throw S3Errors.invalidArgument("Requests specifying Server Side Encryption with Customer provided keys must "
                    + "provide a valid encryption algorithm.", "x-amz-server-side-encryption-customer-algorithm", alg);
        }
        byte[] raw;
        try {
            raw = key == null ? null : Base64.getDecoder().decode(key.trim());
        } catch (IllegalArgumentException e) {
            raw = null;
        }
        if (raw == null || raw.length != 32) {
            throw S3Errors.invalidArgument("The secret key was invalid for the specified algorithm.",
                    "x-amz-server-side-encryption-customer-key", "");
        }
        String actual = Base64.getEncoder().encodeToString(md5(raw));
        if (md5 == null) {
            throw S3Errors.invalidArgument("Requests specifying Server Side Encryption with Customer provided keys must "
                    + "provide the client calculated MD5 of the secret key.", "x-amz-server-side-encryption-customer-key-MD5", "");
        }
        if (!md5.trim().equals(actual)) {
            throw S3Errors.invalidArgument("The calculated MD5 hash of the key did not match the hash that was provided.",
                    "x-amz-server-side-encryption-customer-key-MD5", md5);
        }
        return new ObjectEncryption(null, null, null, actual);
    }

    /**
     * A read (GetObject, HeadObject, UploadPart into an SSE-C upload, the source of a copy) gives the key this object
     * needs: its SSE-C key, or none. InvalidRequest without one, 403 with another key, InvalidRequest with a key for
     * an object that has none.
     */
    void checkKey(ObjectEncryption given) {
        if (customerKey()) {
            if (given == null) {
                throw S3Errors.invalidRequest("The object was stored using a form of Server Side Encryption. The correct "
                        + "parameters must be provided to retrieve the object.");
            }
            if (!given.customerKeyMd5.equals(customerKeyMd5)) {
                throw S3Errors.accessDenied("Access Denied");
            }
        } else if (given != null) {
            throw S3Errors.invalidRequest("The encryption parameters are not applicable to this object.");
        }
    }

    /**
     * Sets what S3 reports of this encryption on a response builder, where it has the member: SSE-C's algorithm and
     * key MD5, or {@code ServerSideEncryption}, {@code SSEKMSKeyId} and {@code BucketKeyEnabled}.
     */
    void report(Object builder) {
        if (customerKey()) {
            setIfPresent(builder, "SSECustomerAlgorithm", AES256);
            setIfPresent(builder, "SSECustomerKeyMD5", customerKeyMd5);
            return;
        }
        setIfPresent(builder, "ServerSideEncryption", algorithm);
        setIfPresent(builder, "SSEKMSKeyId", kmsKeyId);
        setIfPresent(builder, "BucketKeyEnabled", bucketKeyEnabled);
    }

    private static void setIfPresent(Object builder, String member, Object value) {
        if (value != null && Members.has(builder, member)) {
            Members.set(builder, member, value);
        }
    }

    private static byte[] md5(byte[] data) {
        try {
            return MessageDigest.getInstance("MD5").digest(data);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
