package io.eventharness.emulator.s3;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * A multipart upload in progress: what CreateMultipartUpload said about the object to be, and the
 * parts uploaded so far (a part uploaded again under the same number replaces the earlier one).
 */
final class PendingUpload {
    private final String uploadId;
    private final String key;
    private final Instant initiated;
    private final ObjectHeaders headers;
    private final String checksumAlgorithm;
    private final String checksumType;
    private final ObjectTags tags;
    private final ObjectEncryption encryption;
    private final NavigableMap<Integer, Part> parts = new ConcurrentSkipListMap<>();

    /** One uploaded part; {@code checksum} is the part's own checksum in the upload's algorithm, or null. */
    record Part(int number, byte[] data, String etag, Instant lastModified, String checksum) {
        long size() {
            return data.length;
        }
    }

    /**
     * @param checksumAlgorithm the algorithm every part's checksum uses, or null
     * @param checksumType      {@code COMPOSITE} or {@code FULL_OBJECT} when there is an algorithm
     * @param tags              the tags the object will have ({@code x-amz-tagging})
     * @param encryption        how the object will be encrypted (an SSE-C upload's parts need its key)
     */
    PendingUpload(String uploadId, String key, Instant initiated, ObjectHeaders headers, String checksumAlgorithm,
                  String checksumType, ObjectTags tags, ObjectEncryption encryption) {
        this.uploadId = uploadId;
        this.key = key;
        this.initiated = initiated;
        this.headers = headers;
        this.checksumAlgorithm = checksumAlgorithm;
        this.checksumType = checksumType;
        this.tags = tags;
        this.encryption = encryption;
    }

    ObjectEncryption encryption() {
        return encryption;
    }

    String uploadId() {
        return uploadId;
    }

    String key() {
        return key;
    }

    Instant initiated() {
        return initiated;
    }

    ObjectHeaders headers() {
        return headers;
    }

    /** The algorithm every part's checksum uses, or null. */
    String checksumAlgorithm() {
        return checksumAlgorithm;
    }

    /** {@code COMPOSITE} or {@code FULL_OBJECT}; null without an algorithm. */
    String checksumType() {
        return checksumType;
    }

    /** Stores a part's bytes under its number (replacing an earlier upload of it), with its ETag and checksum. */
    Part addPart(int number, byte[] data, Instant now) {
        String checksum = checksumAlgorithm == null ? null : Checksums.base64(checksumAlgorithm, data);
        Part p = new Part(number, data, Checksums.quotedMd5(data), now, checksum);
        parts.put(number, p);
        return p;
    }

    /** The part uploaded under this number, or null. */
    Part part(int number) {
        return parts.get(number);
    }

    /** The parts after {@code marker}, in part-number order. */
    Collection<Part> partsAfter(int marker) {
        return parts.tailMap(marker, false).values();
    }

    /**
     * The object these parts make ("Uploading and copying objects using multipart upload"): the bytes in
     * order, the ETag the MD5 of the parts' binary MD5s followed by {@code -N}, and a COMPOSITE checksum (of
     * the parts' checksums, {@code -N}) or a FULL_OBJECT one (of all the bytes).
     */
    StoredObject assemble(List<Part> chosen, Instant now) {
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        ByteArrayOutputStream md5s = new ByteArrayOutputStream();
        List<Long> sizes = new ArrayList<>(chosen.size());
        List<String> checksums = new ArrayList<>(chosen.size());
        for (Part p : chosen) {
            data.writeBytes(p.data());
            md5s.writeBytes(HexFormat.of().parseHex(Preconditions.unquote(p.etag())));
            sizes.add(p.size());
            checksums.add(p.checksum());
        }
        byte[] all = data.toByteArray();
        String etag = "\"" + Checksums.md5Hex(md5s.toByteArray()) + "-" + chosen.size() + "\"";
        StoredChecksum checksum = null;
        if (checksumAlgorithm != null) {
            checksum = checksumType.equals(StoredChecksum.COMPOSITE)
                    ? new StoredChecksum(checksumAlgorithm, Checksums.composite(checksumAlgorithm, checksums), StoredChecksum.COMPOSITE)
                    : new StoredChecksum(checksumAlgorithm, Checksums.base64(checksumAlgorithm, all), StoredChecksum.FULL_OBJECT);
        }
        return new StoredObject(key, all, etag, now, headers, checksum, new ObjectParts(sizes), tags, encryption,
                ObjectVersion.NULL_ID);
    }
}
