package io.eventharness.emulator.pipeline;

import io.eventharness.emulator.core.AwsException;
import io.eventharness.emulator.policy.Decision;
import io.eventharness.emulator.protocol.ServiceSpec;

/**
 * A denial in the words of the service that refused it, with IAM's message ("User: … is not authorized to perform:
 * … on resource: … because no identity-based policy allows the … action"): S3's {@code 403 AccessDenied} (the
 * resource quoted), IAM's and STS's {@code 403 AccessDenied}, SNS's {@code 403 AuthorizationError}, SQS's
 * {@code 403 AccessDenied} (its JSON protocol's {@code AccessDeniedException}, the action lower-cased as SQS writes
 * it), Lambda's and Scheduler's {@code 403 AccessDeniedException}, and the {@code 400 AccessDeniedException} of
 * DynamoDB, Kinesis, CloudWatch Logs and EventBridge.
 */
final class AccessDenied {
    private AccessDenied() {
    }

    static AwsException of(ServiceSpec spec, Decision d) {
        String resource = d.request().resource();
        return switch (spec.signingName()) {
            case "s3" -> AwsException.of(403, "AccessDenied", d.message("\"" + resource + "\""));
            case "iam", "sts" -> AwsException.of(403, "AccessDenied", d.message());
            case "sns" -> AwsException.of(403, "AuthorizationError", d.message());
            case "sqs" -> AwsException.of(403, "AccessDeniedException", d.message().replace(d.request().action(),
                    d.request().action().toLowerCase(java.util.Locale.ROOT))).withQueryCode("AccessDenied");
            case "lambda", "scheduler" -> AwsException.of(403, "AccessDeniedException", d.message());
            default -> AwsException.of(400, "AccessDeniedException", d.message());
        };
    }
}
