package io.eventharness.emulator.s3;

import io.eventharness.emulator.core.Ids;
import io.eventharness.emulator.protocol.Call;
import io.eventharness.emulator.protocol.WithBody;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.s3.model.AbortMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.AbortMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.CopyPartResult;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.ListPartsRequest;
import software.amazon.awssdk.services.s3.model.ListPartsResponse;
import software.amazon.awssdk.services.s3.model.Part;
import software.amazon.awssdk.services.s3.model.UploadPartCopyRequest;
import software.amazon.awssdk.services.s3.model.UploadPartCopyResponse;
import software.amazon.awssdk.services.s3.model.UploadPartRequest;
import software.amazon.awssdk.services.s3.model.UploadPartResponse;

/**
 * Multipart uploads ("Uploading and copying objects using multipart upload" in the S3 user guide):
 * parts 1–10,000, every part but the last at least 5 MiB; the object is assembled by {@link PendingUpload}.
 * ListMultipartUploads is a listing ({@link ListingOperations}).
 */
public final class MultipartOperations {
    static final long MIN_PART_SIZE = 5L * 1024 * 1024;

    private final S3Buckets buckets;
    private final ObjectEvents events;

    MultipartOperations(S3Buckets buckets, ObjectEvents events) {
        this.buckets = buckets;
        this.events = events;
    }

    public CreateMultipartUploadResponse createMultipartUpload(CreateMultipartUploadRequest r) {
        S3Bucket b = buckets.bucket(r.bucket());
        ObjectKeys.check(r.key());
        String alg = r.checksumAlgorithmAsString() == null ? null : r.checksumAlgorithmAsString().toUpperCase(Locale.ROOT);
        String type = checksumType(alg, r.checksumTypeAsString());
        ObjectEncryption encryption = ObjectEncryption.requested(r, b.settings().defaultEncryption(), b.region());
        PendingUpload u = new PendingUpload(Ids.token(48), r.key(), buckets.now(),
                ObjectHeaders.of(r).withAcl(Acls.forWrite(r, b.settings())).withLock(ObjectLock.requested(r, b.settings(), buckets.exactNow())),
                alg, type,
                ObjectTags.ofHeader(r.tagging()), encryption);
        b.startUpload(u);
        CreateMultipartUploadResponse.Builder out = CreateMultipartUploadResponse.builder().bucket(b.name()).key(r.key())
                .uploadId(u.uploadId()).checksumAlgorithm(alg).checksumType(type);
        encryption.report(out);
        return out.build();
    }

    /**
     * The checksum type of an upload in this algorithm: the one asked for, else FULL_OBJECT for CRC64NVME and
     * COMPOSITE for the others; FULL_OBJECT needs a CRC, and CRC64NVME cannot be COMPOSITE.
     */
    private static String checksumType(String alg, String asked) {
        if (alg == null) {
            if (asked != null) {
                throw S3Errors.invalidRequest("The x-amz-checksum-type header can only be used with the x-amz-checksum-algorithm header.");
            }
            return null;
        }
        if (!Checksums.supported(alg)) {
            throw S3Errors.invalidRequest("Checksum algorithm provided is unsupported. Please try again with any of "
                    + "the valid types: " + Checksums.ALGORITHMS);
        }
        boolean crc = alg.startsWith("CRC");
        String type = asked != null ? asked : alg.equals("CRC64NVME") ? StoredChecksum.FULL_OBJECT : StoredChecksum.COMPOSITE;
        if ((type.equals(StoredChecksum.FULL_OBJECT) && !crc) || (type.equals(StoredChecksum.COMPOSITE) && alg.equals("CRC64NVME"))
                || !(type.equals(StoredChecksum.FULL_OBJECT) || type.equals(StoredChecksum.COMPOSITE))) {
            throw S3Errors.invalidRequest("The " + type + " checksum type cannot be used with the "
                    + alg.toLowerCase(Locale.ROOT) + " checksum algorithm.");
        }
        return type;
    }

    public UploadPartResponse uploadPart(UploadPartRequest r, Call call) {
        PendingUpload u = buckets.bucket(r.bucket()).uploads().upload(r.key(), r.uploadId());
        checkPartNumber(r.partNumber());
        if (r.contentLength() == null) {
            throw S3Errors.missingContentLength();
        }
        u.encryption().checkKey(ObjectEncryption.customerKey(r, "SSECustomerAlgorithm", "SSECustomerKey", "SSECustomerKeyMD5"));
        byte[] data = call.body();
        Checksums.verifyContentMd5(r.contentMD5(), data);
        Map<String, String> stated = Checksums.stated(r);
        if (!stated.isEmpty()) {
            String alg = stated.keySet().iterator().next();
            if (u.checksumAlgorithm() != null && !alg.equals(u.checksumAlgorithm())) {
                throw S3Errors.invalidRequest("Checksum Type mismatch occurred, expected checksum Type: "
                        + u.checksumAlgorithm().toLowerCase(Locale.ROOT) + ", actual checksum Type: " + alg.toLowerCase(Locale.ROOT));
            }
            Checksums.verify(alg, stated.get(alg), data);
        }
        PendingUpload.Part p = u.addPart(r.partNumber(), data, buckets.now());
        UploadPartResponse.Builder out = UploadPartResponse.builder().eTag(p.etag());
        u.encryption().report(out);
        setChecksum(out, u, p);
        return out.build();
    }

    public UploadPartCopyResponse uploadPartCopy(UploadPartCopyRequest r) {
        S3Bucket b = buckets.bucket(r.destinationBucket());
        CopySource src = CopySource.parse(r.copySource());
        StoredObject source = src.resolve(buckets);
        source.encryption().checkKey(ObjectEncryption.customerKey(r, "CopySourceSSECustomerAlgorithm",
                "CopySourceSSECustomerKey", "CopySourceSSECustomerKeyMD5"));
        Preconditions.checkCopySource(source, r.copySourceIfMatch(), r.copySourceIfNoneMatch(),
                r.copySourceIfModifiedSince(), r.copySourceIfUnmodifiedSince());
        PendingUpload u = b.uploads().upload(r.destinationKey(), r.uploadId());
        u.encryption().checkKey(ObjectEncryption.customerKey(r, "SSECustomerAlgorithm", "SSECustomerKey", "SSECustomerKeyMD5"));
        checkPartNumber(r.partNumber());
        byte[] data = source.data();
        if (r.copySourceRange() != null) {
            // bytes=first-last, both given and within the source (a range past its end is refused, not shortened)
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("bytes=(\\d{1,18})-(\\d{1,18})").matcher(r.copySourceRange());
            ByteRange range = m.matches() && Long.parseLong(m.group(2)) < source.size()
                    ? ByteRange.parse(r.copySourceRange(), source.size()) : null;
            if (range == null) {
                throw S3Errors.invalidArgument("Range specified is not valid for source object of size: " + source.size());
            }
            data = Arrays.copyOfRange(source.data(), (int) range.first(), (int) range.last() + 1);
        }
        PendingUpload.Part p = u.addPart(r.partNumber(), data, buckets.now());
        CopyPartResult.Builder result = CopyPartResult.builder().eTag(p.etag()).lastModified(p.lastModified());
        setChecksum(result, u, p);
        UploadPartCopyResponse.Builder out = UploadPartCopyResponse.builder().copyPartResult(result.build())
                .copySourceVersionId(source.reportedId());
        u.encryption().report(out);
        return out.build();
    }

    public CompleteMultipartUploadResponse completeMultipartUpload(CompleteMultipartUploadRequest r, Call call) {
        S3Bucket b = buckets.bucket(r.bucket());
        var again = b.uploads().completed(r.key(), r.uploadId());
        if (again.isPresent()) {
            return completed(b, again.get(), call); // completed before: the same answer, no second object or event
        }
        PendingUpload u = b.uploads().upload(r.key(), r.uploadId());
        List<CompletedPart> given = r.multipartUpload() == null ? List.of() : r.multipartUpload().parts();
        if (given.isEmpty()) {
            throw S3Errors.malformedXml();
        }
        List<PendingUpload.Part> parts = new ArrayList<>(given.size());
        int previous = 0;
        for (CompletedPart g : given) {
            if (g.partNumber() == null || g.partNumber() <= previous) {
                throw S3Errors.invalidPartOrder();
            }
            previous = g.partNumber();
            PendingUpload.Part p = u.part(g.partNumber());
            if (p == null || g.eTag() == null || !Preconditions.unquote(g.eTag()).equals(Preconditions.unquote(p.etag()))) {
                throw S3Errors.invalidPart();
            }
            checkPartChecksum(u, g, p);
            parts.add(p);
        }
        for (int i = 0; i < parts.size() - 1; i++) {
            if (parts.get(i).size() < MIN_PART_SIZE) {
                throw S3Errors.entityTooSmall();
            }
        }
        StoredObject o = u.assemble(parts, buckets.now());
        if (r.mpuObjectSize() != null && r.mpuObjectSize() != o.size()) {
            throw S3Errors.invalidRequest("The provided 'x-amz-mp-object-size' header value " + r.mpuObjectSize()
                    + " does not match what was computed: " + o.size());
        }
        StoredChecksum full = Checksums.stated(r).entrySet().stream().findFirst()
                .map(e -> new StoredChecksum(e.getKey(), e.getValue(), StoredChecksum.FULL_OBJECT)).orElse(null);
        if (full != null && o.checksum() != null && o.checksum().type().equals(StoredChecksum.FULL_OBJECT)
                && full.algorithm().equals(o.checksum().algorithm())) {
            Checksums.verify(full.algorithm(), full.value(), o.data());
        }
        S3Bucket.Write stored = b.complete(u, o, r.ifMatch(), r.ifNoneMatch());
        events.created(b, "ObjectCreated:CompleteMultipartUpload", stored, call);
        return completed(b, new CompletedUpload(o.key(), o.etag(), stored.object().reportedId(), o.checksum(),
                o.encryption()), call);
    }

    private static CompleteMultipartUploadResponse completed(S3Bucket b, CompletedUpload c, Call call) {
        CompleteMultipartUploadResponse.Builder out = CompleteMultipartUploadResponse.builder()
                .location(call.endpoint() + "/" + b.name() + "/" + pathEncode(c.key())).bucket(b.name()).key(c.key())
                .eTag(c.etag()).versionId(c.versionId());
        c.encryption().report(out);
        Checksums.apply((SdkPojo) out, c.checksum());
        return out.build();
    }

    /**
     * A COMPOSITE upload needs every part's checksum in the complete request ("Using part-level
     * checksums for multipart uploads"); a stated one must match the part's.
     */
    private static void checkPartChecksum(PendingUpload u, CompletedPart g, PendingUpload.Part p) {
        if (u.checksumAlgorithm() == null) {
            return;
        }
        String stated = (String) Members.get(g, "Checksum" + u.checksumAlgorithm());
        if (stated == null && u.checksumType().equals(StoredChecksum.COMPOSITE)) {
            throw S3Errors.invalidRequest("The upload was created using a " + u.checksumAlgorithm().toLowerCase(Locale.ROOT)
                    + " checksum. The complete request must include the checksum for each part. It was missing for part "
                    + p.number() + " in the request.");
        }
        if (stated != null && !stated.trim().equals(p.checksum())) {
            throw S3Errors.invalidPart();
        }
    }

    public WithBody<AbortMultipartUploadResponse> abortMultipartUpload(AbortMultipartUploadRequest r) {
        S3Bucket b = buckets.bucket(r.bucket());
        b.uploads().abort(b.uploads().upload(r.key(), r.uploadId()));
        return new WithBody<>(AbortMultipartUploadResponse.builder().build(), new byte[0], 204);
    }

    public ListPartsResponse listParts(ListPartsRequest r) {
        S3Bucket b = buckets.bucket(r.bucket());
        PendingUpload u = b.uploads().upload(r.key(), r.uploadId());
        int max = r.maxParts() == null ? 1000 : r.maxParts();
        if (max < 0) {
            throw S3Errors.invalidArgument("Argument max-parts must be an integer between 0 and 2147483647");
        }
        max = Math.min(max, 1000);
        int marker = r.partNumberMarker() == null ? 0 : r.partNumberMarker();
        List<Part> page = new ArrayList<>();
        boolean truncated = false;
        for (PendingUpload.Part p : u.partsAfter(marker)) {
            if (page.size() >= max) {
                truncated = true;
                break;
            }
            Part.Builder pb = Part.builder().partNumber(p.number()).lastModified(p.lastModified()).eTag(p.etag()).size(p.size());
            setChecksum(pb, u, p);
            page.add(pb.build());
        }
        ListPartsResponse.Builder out = ListPartsResponse.builder().bucket(b.name()).key(u.key()).uploadId(u.uploadId())
                .partNumberMarker(marker).maxParts(max).isTruncated(truncated).parts(page)
                .initiator(BucketOwner.INITIATOR).owner(BucketOwner.OWNER).storageClass(u.headers().storageClass())
                .checksumAlgorithm(u.checksumAlgorithm()).checksumType(u.checksumType());
        if (!page.isEmpty()) {
            out.nextPartNumberMarker(page.get(page.size() - 1).partNumber());
        }
        return out.build();
    }

    /** Sets the part's checksum ({@code ChecksumCRC32} ...) on a response builder, when the upload has an algorithm. */
    private static void setChecksum(Object builder, PendingUpload u, PendingUpload.Part p) {
        if (p.checksum() != null) {
            Members.set(builder, "Checksum" + u.checksumAlgorithm(), p.checksum());
        }
    }

    private static void checkPartNumber(Integer n) {
        if (n == null || n < 1 || n > 10_000) {
            throw S3Errors.invalidArgument("Part number must be an integer between 1 and 10000, inclusive");
        }
    }

    private static String pathEncode(String key) {
        return URLEncoder.encode(key, StandardCharsets.UTF_8).replace("+", "%20").replace("%2F", "/");
    }
}
