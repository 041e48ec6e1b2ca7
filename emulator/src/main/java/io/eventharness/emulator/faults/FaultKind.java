package io.eventharness.emulator.faults;

import io.eventharness.emulator.core.AwsException;
import java.util.Locale;

/**
 * What an armed fault answers, as the service's own API would: the codes the SDK classifies as throttling or as a
 * server error, so that its retry policy retries them.
 */
public enum FaultKind {
    /**
     * The service's throttling error: S3's {@code 503 SlowDown}, Lambda's {@code 429 TooManyRequestsException},
     * DynamoDB's and Kinesis's {@code ProvisionedThroughputExceededException}, SNS's {@code Throttling}, elsewhere
     * {@code ThrottlingException} ("Rate exceeded").
     */
    THROTTLING,
    /** The service's internal error: S3's {@code 500 InternalError}, elsewhere {@code 500 InternalFailure}. */
    SERVER_ERROR;

    /** The error the service answers with. */
    AwsException error(String service) {
        if (this == SERVER_ERROR) {
            return service.equals("s3")
                    ? new AwsException(500, "InternalError", "We encountered an internal error. Please try again.", false)
                    : new AwsException(500, "InternalFailure", "The request processing has failed because of an unknown error, "
                    + "exception or failure.", false);
        }
        return switch (service) {
            case "s3" -> new AwsException(503, "SlowDown", "Please reduce your request rate.", false);
            case "lambda" -> AwsException.of(429, "TooManyRequestsException", "Rate exceeded")
                    .withMember("Reason", "CallerRateLimitExceeded");
            case "dynamodb", "kinesis" -> AwsException.of(400, "ProvisionedThroughputExceededException",
                    "The level of configured provisioned throughput for the table was exceeded. Consider increasing your "
                            + "provisioning level with the UpdateTable API.");
            case "sns" -> AwsException.of(400, "Throttling", "Rate exceeded");
            default -> AwsException.of(400, "ThrottlingException", "Rate exceeded");
        };
    }

    /** {@code throttling} or {@code server-error}; IllegalArgumentException naming both otherwise. */
    public static FaultKind parse(String text) {
        String t = text == null ? "" : text.toLowerCase(Locale.ROOT).replace('_', '-');
        return switch (t) {
            case "throttling" -> THROTTLING;
            case "server-error" -> SERVER_ERROR;
            default -> throw new IllegalArgumentException("error must be \"throttling\" or \"server-error\", got \""
                    + text + "\"");
        };
    }

    /** The name {@link #parse} reads. */
    public String wireName() {
        return this == THROTTLING ? "throttling" : "server-error";
    }
}
