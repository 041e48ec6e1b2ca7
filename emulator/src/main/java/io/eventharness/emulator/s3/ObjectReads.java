package io.eventharness.emulator.s3;

import java.util.Map;
import software.amazon.awssdk.core.SdkPojo;

/**
 * What GetObject and HeadObject share: the byte range or part to serve, and the response headers
 * (content headers, metadata, ETag, version id, tag count, checksum, {@code response-*} overrides).
 */
final class ObjectReads {
    /** {@code response-content-type} & co. override the stored headers ("GetObject", "Overriding response header values"). */
    private static final Map<String, String> OVERRIDES = Map.of(
            "ResponseContentType", "ContentType", "ResponseContentLanguage", "ContentLanguage",
            "ResponseExpires", "Expires", "ResponseCacheControl", "CacheControl",
            "ResponseContentDisposition", "ContentDisposition", "ResponseContentEncoding", "ContentEncoding");

    private ObjectReads() {
    }

    /** The bytes to serve: a Range, a part of a multipart object, or null for the whole object. */
    static ByteRange slice(StoredObject o, String range, Integer partNumber) {
        if (partNumber == null) {
            return ByteRange.parse(range, o.size());
        }
        if (range != null) {
            throw S3Errors.invalidRequest("Cannot specify both Range header and partNumber query parameter");
        }
        if (partNumber < 1 || partNumber > 10_000) {
            throw S3Errors.invalidArgument("Part number must be an integer between 1 and 10000, inclusive");
        }
        if (partNumber > o.partsCount()) {
            throw S3Errors.invalidPartNumber();
        }
        // part 1 of an object uploaded in one piece is the whole object
        return o.parts().map(p -> p.range(partNumber)).orElse(null);
    }

    /**
     * Fills a GetObject or HeadObject response builder. The stored checksum is sent only in checksum
     * mode and only for the whole object: clients verify it against the bytes they receive.
     */
    static void describe(Object builder, StoredObject o, ByteRange slice, Integer partNumber, boolean checksumMode,
                         Object request) {
        Members.set(builder, "AcceptRanges", "bytes");
        Members.set(builder, "LastModified", o.lastModified());
        Members.set(builder, "ContentLength", slice == null ? o.size() : slice.length());
        Members.set(builder, "ETag", o.etag());
        Members.set(builder, "VersionId", o.reportedId());
        if (!o.tags().isEmpty()) {
            Members.set(builder, "TagCount", o.tags().count());
        }
        o.encryption().report(builder);
        o.headers().apply(builder);
        if (slice != null) {
            Members.set(builder, "ContentRange", slice.contentRange(o.size()));
        }
        if (partNumber != null && o.parts().isPresent()) {
            Members.set(builder, "PartsCount", o.partsCount());
        }
        if (checksumMode && slice == null) {
            Checksums.apply((SdkPojo) builder, o.checksum());
        }
        OVERRIDES.forEach((param, header) -> Members.set(builder, header, Members.get(request, param)));
    }
}
