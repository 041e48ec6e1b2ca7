package io.eventharness.emulator.s3;

import io.eventharness.emulator.core.AwsException;

/**
 * S3's errors, with the codes and messages of the "List of error codes" in the Amazon S3 API
 * reference. The SDK maps NoSuchBucket, NoSuchKey, NoSuchUpload, BucketAlreadyOwnedByYou and
 * BucketAlreadyExists to typed exceptions; the rest arrive as {@code S3Exception} with the code.
 */
final class S3Errors {
    private S3Errors() {
    }

    static AwsException noSuchBucket(String bucket) {
        return AwsException.of(404, "NoSuchBucket", "The specified bucket does not exist");
    }

    static AwsException noSuchBucketPolicy() {
        return AwsException.of(404, "NoSuchBucketPolicy", "The bucket policy does not exist");
    }

    static AwsException malformedPolicy(String message) {
        return AwsException.of(400, "MalformedPolicy", message);
    }

    static AwsException noSuchKey() {
        return AwsException.of(404, "NoSuchKey", "The specified key does not exist.");
    }

    static AwsException noSuchUpload() {
        return AwsException.of(404, "NoSuchUpload", "The specified upload does not exist. The upload ID may be invalid, "
                + "or the upload may have been aborted or completed.");
    }

    static AwsException bucketAlreadyOwnedByYou() {
        return AwsException.of(409, "BucketAlreadyOwnedByYou",
                "Your previous request to create the named bucket succeeded and you already own it.");
    }

    static AwsException bucketNotEmpty() {
        return AwsException.of(409, "BucketNotEmpty", "The bucket you tried to delete is not empty");
    }

    /** A bucket's region that disagrees with the endpoint's ({@code message} names which). */
    static AwsException illegalLocationConstraint(String message) {
        return AwsException.of(400, "IllegalLocationConstraintException", message);
    }

    static AwsException invalidLocationConstraint() {
        return AwsException.of(400, "InvalidLocationConstraint", "The specified location-constraint is not valid");
    }

    static AwsException invalidBucketName() {
        return AwsException.of(400, "InvalidBucketName", "The specified bucket is not valid.");
    }

    static AwsException invalidArgument(String message) {
        return AwsException.of(400, "InvalidArgument", message);
    }

    static AwsException invalidRequest(String message) {
        return AwsException.of(400, "InvalidRequest", message);
    }

    static AwsException malformedXml() {
        return AwsException.of(400, "MalformedXML",
                "The XML you provided was not well-formed or did not validate against our published schema");
    }

    static AwsException invalidDigest() {
        return AwsException.of(400, "InvalidDigest", "The Content-MD5 you specified was invalid.");
    }

    static AwsException contentMd5Mismatch() {
        return AwsException.of(400, "BadDigest", "The Content-MD5 you specified did not match what we received.");
    }

    static AwsException badDigest(String what) {
        return AwsException.of(400, "BadDigest", "The " + what + " you specified did not match the calculated checksum.");
    }

    static AwsException invalidRange() {
        return AwsException.of(416, "InvalidRange", "The requested range is not satisfiable");
    }

    static AwsException preconditionFailed() {
        return AwsException.of(412, "PreconditionFailed", "At least one of the pre-conditions you specified did not hold");
    }

    /**
     * 304 travels as an error so the operation stops; the codec sends it without a body, with the object's
     * {@code ETag} and {@code Last-Modified} as a 304 carries them (RFC 9110 §15.4.5).
     */
    static AwsException notModified(String etag, java.time.Instant lastModified) {
        return AwsException.of(304, "NotModified", "Not Modified").withHeader("ETag", etag).withHeader("Last-Modified",
                io.eventharness.emulator.protocol.Shapes.formatInstant(lastModified,
                        software.amazon.awssdk.core.traits.TimestampFormatTrait.Format.RFC_822));
    }

    static AwsException accessDenied(String message) {
        return AwsException.of(403, "AccessDenied", message);
    }

    static AwsException accessControlListNotSupported() {
        return AwsException.of(400, "AccessControlListNotSupported", "The bucket does not allow ACLs");
    }

    static AwsException invalidBucketAclWithObjectOwnership() {
        return AwsException.of(400, "InvalidBucketAclWithObjectOwnership",
                "Bucket cannot have ACLs set with ObjectOwnership's BucketOwnerEnforced setting");
    }

    /** A configuration a bucket does not have (NoSuchBucketPolicy, NoSuchTagSet, NoSuchCORSConfiguration ...). */
    static AwsException notFound(String code, String message) {
        return AwsException.of(404, code, message);
    }

    static AwsException invalidRetentionPeriod() {
        return AwsException.of(400, "InvalidRetentionPeriod", "Default retention period must be a positive integer value.");
    }

    static AwsException invalidBucketState(String message) {
        return AwsException.of(409, "InvalidBucketState", message);
    }

    static AwsException missingContentLength() {
        return AwsException.of(411, "MissingContentLength", "You must provide the Content-Length HTTP header.");
    }

    static AwsException invalidPartNumber() {
        return AwsException.of(416, "InvalidPartNumber", "The requested partnumber is not satisfiable");
    }

    static AwsException invalidPart() {
        return AwsException.of(400, "InvalidPart", "One or more of the specified parts could not be found.  The part may "
                + "not have been uploaded, or the specified entity tag may not match the part's entity tag.");
    }

    static AwsException invalidPartOrder() {
        return AwsException.of(400, "InvalidPartOrder",
                "The list of parts was not in ascending order. Parts must be ordered by part number.");
    }

    static AwsException entityTooSmall() {
        return AwsException.of(400, "EntityTooSmall", "Your proposed upload is smaller than the minimum allowed object size.");
    }

    static AwsException keyTooLong() {
        return AwsException.of(400, "KeyTooLongError", "Your key is too long");
    }

    static AwsException metadataTooLarge() {
        return AwsException.of(400, "MetadataTooLarge", "Your metadata headers exceed the maximum allowed metadata size");
    }

    static AwsException noSuchVersion() {
        return AwsException.of(404, "NoSuchVersion", "The specified version does not exist.");
    }

    /** A version id that is neither {@code null} nor one S3 could have given ("Invalid version id specified"). */
    static AwsException invalidVersionId() {
        return AwsException.of(400, "InvalidArgument", "Invalid version id specified");
    }

    /** GET or HEAD of a delete marker by its version id. */
    static AwsException deleteMarkerMethodNotAllowed() {
        return AwsException.of(405, "MethodNotAllowed", "The specified method is not allowed against this resource.");
    }

    static AwsException invalidTag(String message) {
        return AwsException.of(400, "InvalidTag", message);
    }

    static AwsException badRequest(String message) {
        return AwsException.of(400, "BadRequest", message);
    }

    /**
     * InvalidArgument naming the argument, as S3 reports a bad notification configuration: {@code ArgumentName} and
     * {@code ArgumentValue} in the error.
     */
    static AwsException invalidArgument(String message, String argumentName, String argumentValue) {
        return AwsException.of(400, "InvalidArgument", message).withMember("ArgumentName", argumentName)
                .withMember("ArgumentValue", argumentValue);
    }

    static AwsException notImplemented(String message) {
        return AwsException.of(501, "NotImplemented", message);
    }
}
