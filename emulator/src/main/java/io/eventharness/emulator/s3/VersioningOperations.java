package io.eventharness.emulator.s3;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.DeleteMarkerEntry;
import software.amazon.awssdk.services.s3.model.GetBucketVersioningRequest;
import software.amazon.awssdk.services.s3.model.GetBucketVersioningResponse;
import software.amazon.awssdk.services.s3.model.ListObjectVersionsRequest;
import software.amazon.awssdk.services.s3.model.ListObjectVersionsResponse;
import software.amazon.awssdk.services.s3.model.MFADelete;
import software.amazon.awssdk.services.s3.model.PutBucketVersioningRequest;
import software.amazon.awssdk.services.s3.model.PutBucketVersioningResponse;
import software.amazon.awssdk.services.s3.model.VersioningConfiguration;

/**
 * Versioning ("Retaining multiple versions of objects with S3 Versioning"): PutBucketVersioning ({@code Enabled} or
 * {@code Suspended}; MFA delete is refused, as nothing here could check the MFA), GetBucketVersioning, and
 * ListObjectVersions, which lists every object of an unversioned bucket as its {@code null} version.
 */
public final class VersioningOperations {
    private static final int MAX_KEYS = 1000;

    private final S3Buckets buckets;

    VersioningOperations(S3Buckets buckets) {
        this.buckets = buckets;
    }

    public PutBucketVersioningResponse putBucketVersioning(PutBucketVersioningRequest r) {
        S3Bucket b = buckets.bucket(r.bucket());
        VersioningConfiguration c = r.versioningConfiguration();
        if (c == null) {
            throw S3Errors.malformedXml();
        }
        if (r.mfa() != null || c.mfaDelete() == MFADelete.ENABLED) {
            throw S3Errors.notImplemented("MFA delete (x-amz-mfa, MfaDelete Enabled) is not implemented: "
                    + "this emulator cannot check an MFA device");
        }
        if (c.mfaDeleteAsString() != null && c.mfaDelete() != MFADelete.DISABLED) {
            throw S3Errors.malformedXml();
        }
        BucketVersioning state = BucketVersioning.of(c.statusAsString());
        if (state != BucketVersioning.ENABLED && b.settings().objectLockEnabled()) {
            throw S3Errors.invalidBucketState("An Object Lock configuration is present on this bucket, so the versioning state cannot be changed.");
        }
        b.versioning(state);
        return PutBucketVersioningResponse.builder().build();
    }

    public GetBucketVersioningResponse getBucketVersioning(GetBucketVersioningRequest r) {
        return GetBucketVersioningResponse.builder().status(buckets.bucket(r.bucket()).versioning().status()).build();
    }

    public ListObjectVersionsResponse listObjectVersions(ListObjectVersionsRequest r) {
        S3Bucket b = buckets.bucket(r.bucket());
        boolean url = ListingOperations.urlEncoding(r.encodingTypeAsString());
        int max = r.maxKeys() == null ? MAX_KEYS : r.maxKeys();
        if (max < 0) {
            throw S3Errors.invalidArgument("Argument maxKeys must be an integer between 0 and 2147483647");
        }
        max = Math.min(max, MAX_KEYS);
        String keyMarker = r.keyMarker() == null || r.keyMarker().isEmpty() ? null : r.keyMarker();
        String versionMarker = r.versionIdMarker() == null || r.versionIdMarker().isEmpty() ? null : r.versionIdMarker();
        if (versionMarker != null && keyMarker == null) {
            throw S3Errors.invalidArgument("A version-id marker cannot be specified without a key marker.",
                    "version-id-marker", versionMarker);
        }
        String prefix = r.prefix() == null ? "" : r.prefix();
        String from = keyMarker != null && KeyOrder.UTF8.compare(keyMarker, prefix) > 0 ? keyMarker : prefix;
        VersionListing.Page page = VersionListing.list(b.versionsFrom(from.isEmpty() ? null : from), prefix,
                r.delimiter(), keyMarker, versionMarker, max);
        List<software.amazon.awssdk.services.s3.model.ObjectVersion> versions = new ArrayList<>();
        List<DeleteMarkerEntry> markers = new ArrayList<>();
        for (VersionListing.Entry e : page.entries()) {
            if (e.version() instanceof StoredObject o) {
                versions.add(version(o, e.latest(), url));
            } else {
                markers.add(DeleteMarkerEntry.builder().key(enc(e.version().key(), url)).versionId(e.version().versionId())
                        .isLatest(e.latest()).lastModified(e.version().lastModified()).owner(BucketOwner.OWNER).build());
            }
        }
        return ListObjectVersionsResponse.builder().name(b.name()).prefix(enc(prefix, url))
                .delimiter(enc(ListingOperations.echoedDelimiter(r.delimiter()), url))
                .maxKeys(max).encodingType(r.encodingTypeAsString()).isTruncated(page.truncated())
                .keyMarker(enc(keyMarker == null ? "" : keyMarker, url)).versionIdMarker(versionMarker == null ? "" : versionMarker)
                .nextKeyMarker(enc(page.nextKey(), url)).nextVersionIdMarker(page.nextVersionId())
                .versions(versions).deleteMarkers(markers)
                .commonPrefixes(page.commonPrefixes().stream().map(p -> CommonPrefix.builder().prefix(enc(p, url)).build()).toList())
                .build();
    }

    private static software.amazon.awssdk.services.s3.model.ObjectVersion version(StoredObject o, boolean latest, boolean url) {
        var v = software.amazon.awssdk.services.s3.model.ObjectVersion.builder().key(enc(o.key(), url))
                .versionId(o.versionId()).isLatest(latest).lastModified(o.lastModified()).eTag(o.etag()).size(o.size())
                .storageClass(o.headers().storageClass()).owner(BucketOwner.OWNER);
        if (o.checksum() != null) {
            v.checksumAlgorithmWithStrings(o.checksum().algorithm()).checksumType(o.checksum().type());
        }
        return v.build();
    }

    private static String enc(String s, boolean url) {
        return url ? ObjectListing.urlEncode(s) : s;
    }
}
