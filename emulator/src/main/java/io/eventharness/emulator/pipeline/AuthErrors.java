package io.eventharness.emulator.pipeline;

import io.eventharness.emulator.auth.AuthFailure;
import io.eventharness.emulator.core.AwsException;
import io.eventharness.emulator.protocol.Protocol;
import io.eventharness.emulator.protocol.ServiceSpec;

/**
 * An authentication failure in the words of the service that refused it: S3's {@code InvalidAccessKeyId} and
 * {@code SignatureDoesNotMatch}; the query services' (IAM, STS, SNS) and SQS's {@code InvalidClientTokenId} and
 * {@code SignatureDoesNotMatch}; the JSON services' (Lambda, DynamoDB, Kinesis, CloudWatch Logs, EventBridge,
 * Scheduler) {@code UnrecognizedClientException} and {@code InvalidSignatureException}; and each one's expired-token
 * and missing-signature errors, with AWS's messages.
 */
final class AuthErrors {
    private static final String INVALID_TOKEN = "The security token included in the request is invalid.";
    private static final String BAD_SIGNATURE = "The request signature we calculated does not match the signature you "
            + "provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.";

    private AuthErrors() {
    }

    static AwsException of(AuthFailure f, ServiceSpec spec) {
        if (spec.protocol() == Protocol.REST_XML) {
            return s3(f);
        }
        boolean json = spec.protocol() != Protocol.QUERY && !spec.signingName().equals("sqs");
        return switch (f.kind()) {
            case UNKNOWN_KEY -> AwsException.of(403, json ? "UnrecognizedClientException" : "InvalidClientTokenId", INVALID_TOKEN);
            case BAD_SIGNATURE -> AwsException.of(403, json ? "InvalidSignatureException" : "SignatureDoesNotMatch", BAD_SIGNATURE);
            case EXPIRED_TOKEN -> AwsException.of(403, json ? "ExpiredTokenException" : "ExpiredToken",
                    "The security token included in the request is expired");
            case EXPIRED_URL -> AwsException.of(403, json ? "AccessDeniedException" : "AccessDenied", "Request has expired");
            case MISSING -> AwsException.of(403, json ? "MissingAuthenticationTokenException" : "MissingAuthenticationToken",
                    json ? "Missing Authentication Token" : "Request is missing Authentication Token");
            case MALFORMED -> AwsException.of(400, json ? "IncompleteSignatureException" : "IncompleteSignature", f.getMessage());
        };
    }

    private static AwsException s3(AuthFailure f) {
        return switch (f.kind()) {
            case UNKNOWN_KEY -> AwsException.of(403, "InvalidAccessKeyId", "The AWS Access Key Id you provided does not exist in our records.");
            case BAD_SIGNATURE -> AwsException.of(403, "SignatureDoesNotMatch",
                    "The request signature we calculated does not match the signature you provided. Check your key and signing method.");
            case EXPIRED_TOKEN -> AwsException.of(400, "ExpiredToken", "The provided token has expired.");
            case EXPIRED_URL -> AwsException.of(403, "AccessDenied", "Request has expired");
            case MISSING -> AwsException.of(403, "AccessDenied", "Access Denied");
            case MALFORMED -> AwsException.of(400, "AuthorizationHeaderMalformed", f.getMessage());
        };
    }
}
