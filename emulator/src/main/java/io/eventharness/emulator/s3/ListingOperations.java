package io.eventharness.emulator.s3;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.ListMultipartUploadsRequest;
import software.amazon.awssdk.services.s3.model.ListMultipartUploadsResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsRequest;
import software.amazon.awssdk.services.s3.model.ListObjectsResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.MultipartUpload;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Listings: ListObjects (v1, marker), ListObjectsV2 (continuation token, start-after) and
 * ListMultipartUploads. At most 1,000 entries a page; with {@code encoding-type=url}, keys, prefixes,
 * delimiters and markers are URL-encoded.
 */
public final class ListingOperations {
    private static final int MAX_KEYS = 1000;

    private final S3Buckets buckets;

    ListingOperations(S3Buckets buckets) {
        this.buckets = buckets;
    }

    public ListObjectsV2Response listObjectsV2(ListObjectsV2Request r) {
        S3Bucket b = buckets.bucket(r.bucket());
        boolean url = urlEncoding(r.encodingTypeAsString());
        int max = maxKeys(r.maxKeys());
        String after = r.continuationToken() != null ? Tokens.decode(r.continuationToken()) : r.startAfter();
        ObjectListing.Page page = b.list(r.prefix(), r.delimiter(), after, max);
        boolean owner = Boolean.TRUE.equals(r.fetchOwner());
        return ListObjectsV2Response.builder().name(b.name()).prefix(enc(r.prefix() == null ? "" : r.prefix(), url))
                .delimiter(enc(echoedDelimiter(r.delimiter()), url)).maxKeys(max).encodingType(r.encodingTypeAsString())
                .keyCount(page.count()).isTruncated(page.truncated())
                .continuationToken(r.continuationToken()).startAfter(enc(r.startAfter(), url))
                .nextContinuationToken(page.truncated() ? Tokens.encode(page.last()) : null)
                .contents(page.objects().stream().map(o -> summary(o, url, owner)).toList())
                .commonPrefixes(prefixes(page.commonPrefixes(), url)).build();
    }

    public ListObjectsResponse listObjects(ListObjectsRequest r) {
        S3Bucket b = buckets.bucket(r.bucket());
        boolean url = urlEncoding(r.encodingTypeAsString());
        int max = maxKeys(r.maxKeys());
        ObjectListing.Page page = b.list(r.prefix(), r.delimiter(), r.marker(), max);
        // "NextMarker: This element is returned only if you have the delimiter request parameter specified."
        boolean next = page.truncated() && r.delimiter() != null && !r.delimiter().isEmpty();
        // V1 echoes the prefix as given, encoded or not (botocore, which asks for url encoding itself, decodes
        // V1's Delimiter, Marker and NextMarker but not its Prefix)
        return ListObjectsResponse.builder().name(b.name()).prefix(r.prefix() == null ? "" : r.prefix())
                .delimiter(enc(echoedDelimiter(r.delimiter()), url)).maxKeys(max).encodingType(r.encodingTypeAsString())
                .marker(enc(r.marker() == null ? "" : r.marker(), url)).isTruncated(page.truncated())
                .nextMarker(next ? enc(page.last(), url) : null)
                .contents(page.objects().stream().map(o -> summary(o, url, true)).toList())
                .commonPrefixes(prefixes(page.commonPrefixes(), url)).build();
    }

    public ListMultipartUploadsResponse listMultipartUploads(ListMultipartUploadsRequest r) {
        S3Bucket b = buckets.bucket(r.bucket());
        boolean url = urlEncoding(r.encodingTypeAsString());
        int max = maxKeys(r.maxUploads());
        String prefix = r.prefix() == null ? "" : r.prefix();
        String delimiter = r.delimiter() == null || r.delimiter().isEmpty() ? null : r.delimiter();
        List<PendingUpload> all = b.uploads().inProgress().stream()
                .filter(u -> u.key().startsWith(prefix))
                .filter(u -> r.keyMarker() == null || after(u, r.keyMarker(), r.uploadIdMarker()))
                .sorted(Comparator.comparing(PendingUpload::key, KeyOrder.UTF8)
                        .thenComparing(PendingUpload::initiated).thenComparing(PendingUpload::uploadId))
                .toList();
        List<MultipartUpload> uploads = new ArrayList<>();
        List<String> prefixes = new ArrayList<>();
        PendingUpload lastUpload = null;
        boolean truncated = false;
        for (PendingUpload u : all) {
            int i = delimiter == null ? -1 : u.key().indexOf(delimiter, prefix.length());
            String rolled = i < 0 ? null : u.key().substring(0, i + delimiter.length());
            if (rolled != null && prefixes.contains(rolled)) {
                continue;
            }
            if (uploads.size() + prefixes.size() >= max) {
                truncated = true;
                break;
            }
            if (rolled != null) {
                prefixes.add(rolled);
            } else {
                lastUpload = u;
                uploads.add(MultipartUpload.builder().uploadId(u.uploadId()).key(enc(u.key(), url)).initiated(u.initiated())
                        .storageClass(u.headers().storageClass()).owner(BucketOwner.OWNER).initiator(BucketOwner.INITIATOR)
                        .checksumAlgorithm(u.checksumAlgorithm()).checksumType(u.checksumType()).build());
            }
        }
        ListMultipartUploadsResponse.Builder out = ListMultipartUploadsResponse.builder().bucket(b.name())
                .keyMarker(enc(r.keyMarker() == null ? "" : r.keyMarker(), url))
                .uploadIdMarker(r.uploadIdMarker() == null ? "" : r.uploadIdMarker())
                .prefix(enc(r.prefix(), url)).delimiter(enc(echoedDelimiter(r.delimiter()), url)).maxUploads(max)
                .encodingType(r.encodingTypeAsString()).isTruncated(truncated).uploads(uploads)
                .commonPrefixes(prefixes(prefixes, url));
        if (truncated && lastUpload != null) {
            out.nextKeyMarker(enc(lastUpload.key(), url)).nextUploadIdMarker(lastUpload.uploadId());
        }
        return out.build();
    }

    /** After (key-marker, upload-id-marker): later keys, or the same key's later uploads. */
    private static boolean after(PendingUpload u, String keyMarker, String uploadIdMarker) {
        int c = KeyOrder.UTF8.compare(u.key(), keyMarker);
        return c > 0 || (c == 0 && uploadIdMarker != null && u.uploadId().compareTo(uploadIdMarker) > 0);
    }

    private static S3Object summary(StoredObject o, boolean url, boolean owner) {
        S3Object.Builder b = S3Object.builder().key(enc(o.key(), url)).lastModified(o.lastModified()).eTag(o.etag())
                .size(o.size()).storageClass(o.headers().storageClass());
        if (o.checksum() != null) {
            b.checksumAlgorithmWithStrings(o.checksum().algorithm()).checksumType(o.checksum().type());
        }
        if (owner) {
            b.owner(BucketOwner.OWNER);
        }
        return b.build();
    }

    private static List<CommonPrefix> prefixes(List<String> prefixes, boolean url) {
        return prefixes.stream().map(p -> CommonPrefix.builder().prefix(enc(p, url)).build()).toList();
    }

    /** The delimiter a listing echoes: none for an empty {@code delimiter=}, which S3 treats as no delimiter. */
    static String echoedDelimiter(String delimiter) {
        return delimiter == null || delimiter.isEmpty() ? null : delimiter;
    }

    static boolean urlEncoding(String encodingType) {
        if (encodingType == null) {
            return false;
        }
        if (!encodingType.equals("url")) {
            throw S3Errors.invalidArgument("Invalid Encoding Method specified in Request");
        }
        return true;
    }

    private static int maxKeys(Integer requested) {
        if (requested == null) {
            return MAX_KEYS;
        }
        if (requested < 0) {
            throw S3Errors.invalidArgument("Argument maxKeys must be an integer between 0 and 2147483647");
        }
        return Math.min(requested, MAX_KEYS);
    }

    private static String enc(String s, boolean url) {
        return url ? ObjectListing.urlEncode(s) : s;
    }
}
