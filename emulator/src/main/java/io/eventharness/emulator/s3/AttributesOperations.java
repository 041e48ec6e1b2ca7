package io.eventharness.emulator.s3;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.s3.model.Checksum;
import software.amazon.awssdk.services.s3.model.GetObjectAttributesParts;
import software.amazon.awssdk.services.s3.model.GetObjectAttributesRequest;
import software.amazon.awssdk.services.s3.model.GetObjectAttributesResponse;
import software.amazon.awssdk.services.s3.model.ObjectAttributes;
import software.amazon.awssdk.services.s3.model.ObjectPart;

/**
 * GetObjectAttributes ("GetObjectAttributes" in the S3 API reference): of the attributes asked for in
 * {@code x-amz-object-attributes}, an object's {@code ETag} (unquoted, unlike elsewhere), {@code Checksum},
 * {@code ObjectParts} (the parts of a multipart object, paged by {@code max-parts} and {@code part-number-marker}),
 * {@code StorageClass} and {@code ObjectSize}, with its {@code Last-Modified} and version id. An SSE-C object needs
 * its key.
 */
public final class AttributesOperations {
    private final S3Buckets buckets;

    AttributesOperations(S3Buckets buckets) {
        this.buckets = buckets;
    }

    public GetObjectAttributesResponse getObjectAttributes(GetObjectAttributesRequest r) {
        StoredObject o = buckets.bucket(r.bucket()).object(r.key(), r.versionId());
        o.encryption().checkKey(ObjectEncryption.customerKey(r, "SSECustomerAlgorithm", "SSECustomerKey", "SSECustomerKeyMD5"));
        Set<ObjectAttributes> asked = r.objectAttributes().stream().collect(Collectors.toSet());
        if (asked.isEmpty() || asked.contains(ObjectAttributes.UNKNOWN_TO_SDK_VERSION)) {
            throw S3Errors.invalidArgument("Invalid attribute name specified.", "x-amz-object-attributes",
                    String.join(",", r.objectAttributesAsStrings()));
        }
        GetObjectAttributesResponse.Builder out = GetObjectAttributesResponse.builder().lastModified(o.lastModified())
                .versionId(o.reportedId());
        if (asked.contains(ObjectAttributes.E_TAG)) {
            out.eTag(Preconditions.unquote(o.etag()));
        }
        if (asked.contains(ObjectAttributes.STORAGE_CLASS)) {
            out.storageClass(o.headers().storageClass());
        }
        if (asked.contains(ObjectAttributes.OBJECT_SIZE)) {
            out.objectSize(o.size());
        }
        if (asked.contains(ObjectAttributes.CHECKSUM) && o.checksum() != null) {
            Checksum.Builder c = Checksum.builder();
            Checksums.apply((SdkPojo) c, o.checksum());
            out.checksum(c.build());
        }
        if (asked.contains(ObjectAttributes.OBJECT_PARTS) && o.parts().isPresent()) {
            out.objectParts(parts(o.parts().get(), r.maxParts(), r.partNumberMarker()));
        }
        return out.build();
    }

    private static GetObjectAttributesParts parts(ObjectParts parts, Integer maxParts, Integer marker) {
        int max = maxParts == null ? 1000 : Math.min(Math.max(maxParts, 0), 1000);
        int after = marker == null ? 0 : marker;
        List<ObjectPart> page = new ArrayList<>();
        boolean truncated = false;
        for (int n = after + 1; n <= parts.count(); n++) {
            if (page.size() >= max) {
                truncated = true;
                break;
            }
            page.add(ObjectPart.builder().partNumber(n).size(parts.sizes().get(n - 1)).build());
        }
        GetObjectAttributesParts.Builder out = GetObjectAttributesParts.builder().totalPartsCount(parts.count())
                .partNumberMarker(after).maxParts(max).isTruncated(truncated).parts(page);
        if (!page.isEmpty()) {
            out.nextPartNumberMarker(page.get(page.size() - 1).partNumber());
        }
        return out.build();
    }
}
