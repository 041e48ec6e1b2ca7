package io.eventharness.emulator.s3;

import io.eventharness.emulator.core.Ids;
import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.s3.model.AbortMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.CopyPartResult;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.Initiator;
import software.amazon.awssdk.services.s3.model.ListPartsRequest;
import software.amazon.awssdk.services.s3.model.ListPartsResponse;
import software.amazon.awssdk.services.s3.model.Part;
import software.amazon.awssdk.services.s3.model.UploadPartCopyRequest;
import software.amazon.awssdk.services.s3.model.UploadPartCopyResponse;
import software.amazon.awssdk.services.s3.model.UploadPartRequest;
import software.amazon.awssdk.services.s3.model.UploadPartResponse;

/**
 * Multipart uploads ("Uploading and copying objects using multipart upload" in the S3 user guide):
 * parts 1–10,000, every part but the last at least 5 MiB, the object's ETag the MD5 of the parts'
 * binary MD5s followed by {@code -N}, and its checksum either COMPOSITE (the checksum of the parts'
 * checksums, {@code -N}) or FULL_OBJECT (of all the bytes).
 */
final class Multipart {
    static final long MIN_PART_SIZE = 5L * 1024 * 1024;

    /** Where S3Service learns of a completed upload (its object-created event). */
    @FunctionalInterface
    interface Completed {
        void created(S3Bucket bucket, String eventName, StoredObject object);
    }

    private final Supplier<Instant> now;
    private final Completed completed;

    Multipart(Supplier<Instant> now, Completed completed) {
        this.now = now;
        this.completed = completed;
    }

    CreateMultipartUploadResponse create(S3Bucket b, CreateMultipartUploadRequest r) {
        String alg = r.checksumAlgorithmAsString() == null ? null : r.checksumAlgorithmAsString().toUpperCase(Locale.ROOT);
        String type = r.checksumTypeAsString();
        if (alg == null && type != null) {
            throw S3Errors.invalidRequest("The x-amz-checksum-type header can only be used with the x-amz-checksum-algorithm header.");
        }
        if (alg != null) {
            if (!Checksums.supported(alg)) {
                throw S3Errors.invalidRequest("Checksum algorithm provided is unsupported. Please try again with any of "
                        + "the valid types: " + Checksums.ALGORITHMS);
            }
            boolean crc = alg.startsWith("CRC");
            type = type != null ? type : alg.equals("CRC64NVME") ? StoredChecksum.FULL_OBJECT : StoredChecksum.COMPOSITE;
            if ((type.equals(StoredChecksum.FULL_OBJECT) && !crc) || (type.equals(StoredChecksum.COMPOSITE) && alg.equals("CRC64NVME"))
                    || !(type.equals(StoredChecksum.FULL_OBJECT) || type.equals(StoredChecksum.COMPOSITE))) {
                throw S3Errors.invalidRequest("The " + type + " checksum type cannot be used with the "
                        + alg.toLowerCase(Locale.ROOT) + " checksum algorithm.");
            }
        }
        PendingUpload u = new PendingUpload(Ids.token(48), r.key(), now.get(), ObjectHeaders.of(r), alg, type);
        b.uploads.put(u.uploadId, u);
        return CreateMultipartUploadResponse.builder().bucket(b.name).key(r.key()).uploadId(u.uploadId)
                .checksumAlgorithm(alg).checksumType(type).serverSideEncryption("AES256").build();
    }

    UploadPartResponse uploadPart(S3Bucket b, UploadPartRequest r, byte[] data) {
        PendingUpload u = upload(b, r.key(), r.uploadId());
        checkPartNumber(r.partNumber());
        Checksums.verifyContentMd5(r.contentMD5(), data);
        Map<String, String> stated = Checksums.stated(r);
        String checksum = null;
        if (!stated.isEmpty()) {
            String alg = stated.keySet().iterator().next();
            if (u.checksumAlgorithm != null && !alg.equals(u.checksumAlgorithm)) {
                throw S3Errors.invalidRequest("Checksum Type mismatch occurred, expected checksum Type: "
                        + u.checksumAlgorithm.toLowerCase(Locale.ROOT) + ", actual checksum Type: " + alg.toLowerCase(Locale.ROOT));
            }
            Checksums.verify(alg, stated.get(alg), data);
        }
        if (u.checksumAlgorithm != null) {
            checksum = Checksums.base64(u.checksumAlgorithm, data);
        }
        PendingUpload.Part p = new PendingUpload.Part(r.partNumber(), data, S3Service.quotedMd5(data), now.get(), checksum);
        u.parts.put(p.number(), p);
        UploadPartResponse.Builder out = UploadPartResponse.builder().eTag(p.etag()).serverSideEncryption("AES256");
        if (checksum != null) {
            Members.set(out, "Checksum" + u.checksumAlgorithm, checksum);
        }
        return out.build();
    }

    UploadPartCopyResponse uploadPartCopy(S3Bucket b, UploadPartCopyRequest r, StoredObject source) {
        PendingUpload u = upload(b, r.destinationKey(), r.uploadId());
        checkPartNumber(r.partNumber());
        byte[] data = source.data;
        if (r.copySourceRange() != null) {
            ByteRange range = ByteRange.parse(r.copySourceRange(), source.size());
            if (range == null || range.last() >= source.size() || !r.copySourceRange().matches("bytes=\\d+-\\d+")) {
                throw S3Errors.invalidArgument("Range specified is not valid for source object of size: " + source.size());
            }
            data = Arrays.copyOfRange(source.data, (int) range.first(), (int) range.last() + 1);
        }
        String checksum = u.checksumAlgorithm == null ? null : Checksums.base64(u.checksumAlgorithm, data);
        PendingUpload.Part p = new PendingUpload.Part(r.partNumber(), data, S3Service.quotedMd5(data), now.get(), checksum);
        u.parts.put(p.number(), p);
        CopyPartResult.Builder result = CopyPartResult.builder().eTag(p.etag()).lastModified(p.lastModified());
        if (checksum != null) {
            Members.set(result, "Checksum" + u.checksumAlgorithm, checksum);
        }
        return UploadPartCopyResponse.builder().copyPartResult(result.build()).serverSideEncryption("AES256").build();
    }

    CompleteMultipartUploadResponse complete(S3Bucket b, CompleteMultipartUploadRequest r, String endpoint,
                                             Consumer<StoredObject> store) {
        PendingUpload u = upload(b, r.key(), r.uploadId());
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
            PendingUpload.Part p = u.parts.get(g.partNumber());
            if (p == null || g.eTag() == null || !Preconditions.unquote(g.eTag()).equals(Preconditions.unquote(p.etag()))) {
                throw S3Errors.invalidPart();
            }
            checkPartChecksum(u, g, p);
            parts.add(p);
        }
        for (int i = 0; i < parts.size() - 1; i++) {
            if (parts.get(i).data().length < MIN_PART_SIZE) {
                throw S3Errors.entityTooSmall();
            }
        }
        StoredObject o = assemble(u, parts);
        if (r.mpuObjectSize() != null && r.mpuObjectSize() != o.size()) {
            throw S3Errors.invalidRequest("The provided 'x-amz-mp-object-size' header value " + r.mpuObjectSize()
                    + " does not match what was computed: " + o.size());
        }
        StoredChecksum full = Checksums.stated(r).entrySet().stream().findFirst()
                .map(e -> new StoredChecksum(e.getKey(), e.getValue(), StoredChecksum.FULL_OBJECT)).orElse(null);
        if (full != null && o.checksum != null && o.checksum.type().equals(StoredChecksum.FULL_OBJECT)
                && full.algorithm().equals(o.checksum.algorithm())) {
            Checksums.verify(full.algorithm(), full.value(), o.data);
        }
        store.accept(o);
        b.uploads.remove(u.uploadId, u);
        completed.created(b, "ObjectCreated:CompleteMultipartUpload", o);
        CompleteMultipartUploadResponse.Builder out = CompleteMultipartUploadResponse.builder()
                .location(endpoint + "/" + b.name + "/" + pathEncode(o.key)).bucket(b.name).key(o.key).eTag(o.etag)
                .serverSideEncryption("AES256");
        Checksums.apply((SdkPojo) out, o.checksum);
        return out.build();
    }

    /**
     * A COMPOSITE upload needs every part's checksum in the complete request ("Using part-level
     * checksums for multipart uploads"); a stated one must match the part's.
     */
    private static void checkPartChecksum(PendingUpload u, CompletedPart g, PendingUpload.Part p) {
        if (u.checksumAlgorithm == null) {
            return;
        }
        String stated = (String) Members.get(g, "Checksum" + u.checksumAlgorithm);
        if (stated == null && u.checksumType.equals(StoredChecksum.COMPOSITE)) {
            throw S3Errors.invalidRequest("The upload was created using a " + u.checksumAlgorithm.toLowerCase(Locale.ROOT)
                    + " checksum. The complete request must include the checksum for each part. It was missing for part "
                    + p.number() + " in the request.");
        }
        if (stated != null && !stated.trim().equals(p.checksum())) {
            throw S3Errors.invalidPart();
        }
    }

    private StoredObject assemble(PendingUpload u, List<PendingUpload.Part> parts) {
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        ByteArrayOutputStream md5s = new ByteArrayOutputStream();
        long[] sizes = new long[parts.size()];
        List<String> checksums = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            PendingUpload.Part p = parts.get(i);
            data.writeBytes(p.data());
            md5s.writeBytes(HexFormat.of().parseHex(Preconditions.unquote(p.etag())));
            sizes[i] = p.data().length;
            checksums.add(p.checksum());
        }
        byte[] all = data.toByteArray();
        String etag = "\"" + Checksums.md5Hex(md5s.toByteArray()) + "-" + parts.size() + "\"";
        StoredChecksum checksum = null;
        if (u.checksumAlgorithm != null) {
            checksum = u.checksumType.equals(StoredChecksum.COMPOSITE)
                    ? new StoredChecksum(u.checksumAlgorithm, Checksums.composite(u.checksumAlgorithm, checksums), StoredChecksum.COMPOSITE)
                    : new StoredChecksum(u.checksumAlgorithm, Checksums.base64(u.checksumAlgorithm, all), StoredChecksum.FULL_OBJECT);
        }
        return new StoredObject(u.key, all, etag, now.get(), u.headers, checksum, sizes);
    }

    void abort(S3Bucket b, String key, String uploadId) {
        PendingUpload u = upload(b, key, uploadId);
        b.uploads.remove(u.uploadId, u);
    }

    ListPartsResponse listParts(S3Bucket b, ListPartsRequest r) {
        PendingUpload u = upload(b, r.key(), r.uploadId());
        int max = r.maxParts() == null ? 1000 : r.maxParts();
        if (max < 0) {
            throw S3Errors.invalidArgument("Argument max-parts must be an integer between 0 and 2147483647");
        }
        max = Math.min(max, 1000);
        int marker = r.partNumberMarker() == null ? 0 : r.partNumberMarker();
        List<Part> page = new ArrayList<>();
        boolean truncated = false;
        for (PendingUpload.Part p : u.parts.tailMap(marker, false).values()) {
            if (page.size() >= max) {
                truncated = true;
                break;
            }
            Part.Builder pb = Part.builder().partNumber(p.number()).lastModified(p.lastModified()).eTag(p.etag())
                    .size((long) p.data().length);
            if (p.checksum() != null) {
                Members.set(pb, "Checksum" + u.checksumAlgorithm, p.checksum());
            }
            page.add(pb.build());
        }
        ListPartsResponse.Builder out = ListPartsResponse.builder().bucket(b.name).key(u.key).uploadId(u.uploadId)
                .partNumberMarker(marker).maxParts(max).isTruncated(truncated).parts(page)
                .initiator(Initiator.builder().id(S3Service.OWNER.id()).displayName(S3Service.OWNER.displayName()).build())
                .owner(S3Service.OWNER).storageClass(u.headers.storageClass())
                .checksumAlgorithm(u.checksumAlgorithm).checksumType(u.checksumType);
        if (!page.isEmpty()) {
            out.nextPartNumberMarker(page.get(page.size() - 1).partNumber());
        }
        return out.build();
    }

    private static PendingUpload upload(S3Bucket b, String key, String uploadId) {
        PendingUpload u = uploadId == null ? null : b.uploads.get(uploadId);
        if (u == null || !u.key.equals(key)) {
            throw S3Errors.noSuchUpload();
        }
        return u;
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
