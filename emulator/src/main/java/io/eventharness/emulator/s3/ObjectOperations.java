package io.eventharness.emulator.s3;

import io.eventharness.emulator.core.AwsException;
import io.eventharness.emulator.protocol.Call;
import io.eventharness.emulator.protocol.FormUpload;
import io.eventharness.emulator.protocol.WithBody;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.s3.model.CopyObjectRequest;
import software.amazon.awssdk.services.s3.model.CopyObjectResponse;
import software.amazon.awssdk.services.s3.model.CopyObjectResult;
import software.amazon.awssdk.services.s3.model.Delete;
import software.amazon.awssdk.services.s3.model.DeleteObjectRequest;
import software.amazon.awssdk.services.s3.model.DeleteObjectResponse;
import software.amazon.awssdk.services.s3.model.DeleteObjectsRequest;
import software.amazon.awssdk.services.s3.model.DeleteObjectsResponse;
import software.amazon.awssdk.services.s3.model.DeletedObject;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Error;

/**
 * Objects one at a time: PutObject, GetObject and HeadObject (versions, ranges, parts, conditional requests,
 * flexible checksums, tag counts), DeleteObject, DeleteObjects and CopyObject (versions, tags). Each object stored
 * or removed raises its event through {@link ObjectEvents}.
 */
public final class ObjectOperations {
    private final S3Buckets buckets;
    private final ObjectEvents events;

    ObjectOperations(S3Buckets buckets, ObjectEvents events) {
        this.buckets = buckets;
        this.events = events;
    }

    /**
     * PutObject, and its other wire form, a browser's form upload (POST Object: {@link FormUpload}, its policy
     * checked by {@link PostPolicy}, raising {@code ObjectCreated:Post}, answered as {@link FormUploads} says).
     */
    public WithBody<PutObjectResponse> putObject(PutObjectRequest r, Call call) {
        S3Bucket b = buckets.bucket(r.bucket());
        ObjectKeys.check(r.key());
        FormUpload form = call.form().orElse(null);
        if (form == null && r.contentLength() == null) {
            throw S3Errors.missingContentLength();
        }
        byte[] data = form == null ? call.body() : form.file();
        if (form != null) {
            PostPolicy.check(form, b.name(), buckets.now(), data.length);
        }
        Checksums.verifyContentMd5(r.contentMD5(), data);
        StoredChecksum checksum = Checksums.verifyStated(r, data);
        if (checksum == null && Checksums.supported(r.checksumAlgorithmAsString())) {
            String alg = r.checksumAlgorithmAsString().toUpperCase(Locale.ROOT);
            checksum = new StoredChecksum(alg, Checksums.base64(alg, data), StoredChecksum.FULL_OBJECT);
        }
        ObjectEncryption encryption = ObjectEncryption.requested(r, b.settings().defaultEncryption(), b.region());
        StoredObject o = StoredObject.whole(r.key(), data, buckets.now(),
                ObjectHeaders.of(r).withAcl(Acls.forWrite(r, b.settings())).withLock(ObjectLock.requested(r, b.settings(), buckets.exactNow())),
                checksum, ObjectTags.ofHeader(r.tagging()), encryption);
        S3Bucket.Write stored = b.put(o, r.ifMatch(), r.ifNoneMatch());
        events.created(b, form == null ? "ObjectCreated:Put" : "ObjectCreated:Post", stored, call);
        PutObjectResponse.Builder out = PutObjectResponse.builder().eTag(o.etag()).versionId(stored.object().reportedId())
                .expiration(LifecycleRules.expirationHeader(b.settings().lifecycle(), stored.object()));
        encryption.report(out);
        Checksums.apply((SdkPojo) out, checksum);
        return form == null ? WithBody.status(out.build(), 200) : FormUploads.answer(out.build(), form, b.name(), r.key(), call);
    }

    public WithBody<GetObjectResponse> getObject(GetObjectRequest r) {
        S3Bucket b = buckets.bucket(r.bucket());
        StoredObject o = b.object(r.key(), r.versionId());
        o.encryption().checkKey(ObjectEncryption.customerKey(r, "SSECustomerAlgorithm", "SSECustomerKey", "SSECustomerKeyMD5"));
        Preconditions.checkRead(o, r.ifMatch(), r.ifNoneMatch(), r.ifModifiedSince(), r.ifUnmodifiedSince());
        ByteRange slice = ObjectReads.slice(o, r.range(), r.partNumber());
        GetObjectResponse.Builder out = GetObjectResponse.builder();
        ObjectReads.describe((SdkPojo) out, o, slice, r.partNumber(), "ENABLED".equals(r.checksumModeAsString()), r);
        out.expiration(LifecycleRules.expirationHeader(b.settings().lifecycle(), o));
        byte[] body = slice == null ? o.data() : Arrays.copyOfRange(o.data(), (int) slice.first(), (int) slice.last() + 1);
        return new WithBody<>(out.build(), body, slice == null ? 200 : 206);
    }

    public HeadObjectResponse headObject(HeadObjectRequest r) {
        S3Bucket b = buckets.bucket(r.bucket());
        StoredObject o = b.object(r.key(), r.versionId());
        o.encryption().checkKey(ObjectEncryption.customerKey(r, "SSECustomerAlgorithm", "SSECustomerKey", "SSECustomerKeyMD5"));
        Preconditions.checkRead(o, r.ifMatch(), r.ifNoneMatch(), r.ifModifiedSince(), r.ifUnmodifiedSince());
        ByteRange slice = ObjectReads.slice(o, r.range(), r.partNumber());
        HeadObjectResponse.Builder out = HeadObjectResponse.builder();
        ObjectReads.describe((SdkPojo) out, o, slice, r.partNumber(), "ENABLED".equals(r.checksumModeAsString()), r);
        out.expiration(LifecycleRules.expirationHeader(b.settings().lifecycle(), o));
        return out.build();
    }

    /**
     * DeleteObject: 204 whether or not the key existed. In a versioned bucket, without a version id, it leaves a
     * delete marker ({@code x-amz-delete-marker}, and the marker's id); with one, that version goes for good.
     * {@code If-Match} is checked against what is there.
     */
    public WithBody<DeleteObjectResponse> deleteObject(DeleteObjectRequest r, Call call) {
        S3Bucket b = buckets.bucket(r.bucket());
        S3Bucket.Removal removal = b.delete(r.key(), r.versionId(), r.ifMatch(), buckets.exactNow(),
                Boolean.TRUE.equals(r.bypassGovernanceRetention()));
        events.removed(b, removal, call);
        DeleteObjectResponse.Builder out = DeleteObjectResponse.builder();
        if (removal.marker() != null) {
            out.deleteMarker(true).versionId(removal.marker().versionId());
        } else if (r.versionId() != null) {
            out.versionId(r.versionId()).deleteMarker(removal.removed() instanceof DeleteMarker ? true : null);
        }
        return new WithBody<>(out.build(), new byte[0], 204);
    }

    public DeleteObjectsResponse deleteObjects(DeleteObjectsRequest r, Call call) {
        S3Bucket b = buckets.bucket(r.bucket());
        // "The Content-MD5 or x-amz-checksum-algorithm header is required for all Multi-Object Delete requests."
        if (!Checksums.verifyHeaders(call::payloadChecksum, call.body())) {
            throw S3Errors.invalidRequest("Missing required header for this request: Content-MD5 OR x-amz-checksum-*");
        }
        Delete d = r.delete();
        if (d == null || d.objects().isEmpty() || d.objects().size() > 1000) {
            throw S3Errors.malformedXml();
        }
        boolean quiet = Boolean.TRUE.equals(d.quiet());
        List<DeletedObject> deleted = new ArrayList<>();
        List<S3Error> errors = new ArrayList<>();
        for (ObjectIdentifier id : d.objects()) {
            String key = id.key();
            if (key == null || key.isEmpty() || ObjectKeys.tooLong(key)) {
                errors.add(S3Error.builder().key(key).code("KeyTooLongError").message("Your key is too long").build());
                continue;
            }
            S3Bucket.Removal removal;
            try {
                removal = b.delete(key, id.versionId(), null, buckets.exactNow(), Boolean.TRUE.equals(r.bypassGovernanceRetention()));
            } catch (AwsException e) {
                errors.add(S3Error.builder().key(key).versionId(id.versionId()).code(e.code()).message(e.getMessage()).build());
                continue;
            }
            events.removed(b, removal, call);
            if (!quiet) {
                DeletedObject.Builder one = DeletedObject.builder().key(key).versionId(id.versionId());
                if (removal.marker() != null) {
                    one.deleteMarker(true).deleteMarkerVersionId(removal.marker().versionId());
                } else if (removal.removed() instanceof DeleteMarker m) {
                    one.deleteMarker(true).deleteMarkerVersionId(m.versionId());
                }
                deleted.add(one.build());
            }
        }
        return DeleteObjectsResponse.builder().deleted(deleted).errors(errors).build();
    }

    public CopyObjectResponse copyObject(CopyObjectRequest r, Call call) {
        S3Bucket target = buckets.bucket(r.destinationBucket());
        ObjectKeys.check(r.destinationKey());
        CopySource src = CopySource.parse(r.copySource());
        StoredObject source = src.resolve(buckets);
        source.encryption().checkKey(ObjectEncryption.customerKey(r, "CopySourceSSECustomerAlgorithm",
                "CopySourceSSECustomerKey", "CopySourceSSECustomerKeyMD5"));
        Preconditions.checkCopySource(source, r.copySourceIfMatch(), r.copySourceIfNoneMatch(),
                r.copySourceIfModifiedSince(), r.copySourceIfUnmodifiedSince());
        ObjectEncryption encryption = ObjectEncryption.requested(r, target.settings().defaultEncryption(), target.region());
        String directive = r.metadataDirectiveAsString() == null ? "COPY" : r.metadataDirectiveAsString();
        if (!directive.equals("COPY") && !directive.equals("REPLACE")) {
            throw S3Errors.invalidArgument("Unknown metadata directive.");
        }
        boolean replace = directive.equals("REPLACE");
        ObjectTags tags = copiedTags(r, source);
        if (target.name().equals(src.bucket()) && r.destinationKey().equals(src.key()) && !replace
                && r.storageClass() == null && r.checksumAlgorithm() == null && r.websiteRedirectLocation() == null
                && r.serverSideEncryption() == null && r.sseCustomerAlgorithm() == null) {
            throw S3Errors.invalidRequest("This copy request is illegal because it is trying to copy an object to itself "
                    + "without changing the object's metadata, storage class, website redirect location or encryption attributes.");
        }
        ObjectHeaders headers = (replace ? ObjectHeaders.of(r) : source.headers()).withAcl(Acls.forWrite(r, target.settings()))
                .withLock(ObjectLock.requested(r, target.settings(), buckets.exactNow()));
        if (!replace && r.storageClassAsString() != null) {
            headers = headers.withStorageClass(r.storageClassAsString());
        }
        // the copy is stored in one piece: its checksum is a full-object one, in the algorithm asked for
        // or the source's
        String alg = r.checksumAlgorithmAsString() != null ? r.checksumAlgorithmAsString()
                : source.checksum() == null ? null : source.checksum().algorithm();
        StoredChecksum checksum = alg == null || !Checksums.supported(alg) ? null
                : new StoredChecksum(alg, Checksums.base64(alg, source.data()), StoredChecksum.FULL_OBJECT);
        StoredObject copy = StoredObject.whole(r.destinationKey(), source.data(), buckets.now(), headers, checksum, tags,
                encryption);
        S3Bucket.Write stored = target.put(copy, r.ifMatch(), r.ifNoneMatch());
        events.created(target, "ObjectCreated:Copy", stored, call);
        CopyObjectResult.Builder result = CopyObjectResult.builder().eTag(copy.etag()).lastModified(copy.lastModified());
        Checksums.apply((SdkPojo) result, checksum);
        CopyObjectResponse.Builder out = CopyObjectResponse.builder().copyObjectResult(result.build())
                .versionId(stored.object().reportedId()).copySourceVersionId(source.reportedId())
                .expiration(LifecycleRules.expirationHeader(target.settings().lifecycle(), stored.object()));
        encryption.report(out);
        return out.build();
    }

    /**
     * The copy's tags ({@code x-amz-tagging-directive}): the source's ({@code COPY}, the default) or those of
     * {@code x-amz-tagging} ({@code REPLACE}). A tagging header with {@code COPY} would be ignored, so it is refused.
     */
    private static ObjectTags copiedTags(CopyObjectRequest r, StoredObject source) {
        String directive = r.taggingDirectiveAsString() == null ? "COPY" : r.taggingDirectiveAsString();
        if (directive.equals("REPLACE")) {
            return ObjectTags.ofHeader(r.tagging());
        }
        if (!directive.equals("COPY")) {
            throw S3Errors.invalidArgument("Unknown tagging directive.", "x-amz-tagging-directive", directive);
        }
        if (r.tagging() != null && !r.tagging().isEmpty()) {
            throw S3Errors.invalidArgument("x-amz-tagging is only used with x-amz-tagging-directive: REPLACE; with COPY "
                    + "the copy has the source's tags", "x-amz-tagging", r.tagging());
        }
        return source.tags();
    }
}
