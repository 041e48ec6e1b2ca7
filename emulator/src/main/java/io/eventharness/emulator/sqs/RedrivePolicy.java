package io.eventharness.emulator.sqs;

import com.fasterxml.jackson.databind.JsonNode;
import io.eventharness.emulator.core.Arn;
import io.eventharness.emulator.core.Json;
import java.util.Optional;

/**
 * A queue's {@code RedrivePolicy}
 * (<a href="https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-configure-dead-letter-queue.html">dead-letter queues</a>):
 * after {@code maxReceiveCount} receives, a message moves to the dead-letter queue.
 */
record RedrivePolicy(Arn deadLetterTarget, int maxReceiveCount) {

    /**
     * The attribute as SQS stores it, {@code {"deadLetterTargetArn":…,"maxReceiveCount":N}} with the count as a
     * number; InvalidParameterValue when it is not such a map or the count is not 1 to 1,000. Whether the target
     * exists is the caller's check.
     */
    static String normalise(String v) {
        JsonNode n;
        try {
            n = Json.MAPPER.readTree(v);
        } catch (Exception e) {
            n = null;
        }
        if (n == null || !n.isObject()) {
            throw SqsErrors.invalidParameterValue("Invalid value for the parameter RedrivePolicy.");
        }
        JsonNode arn = n.get("deadLetterTargetArn");
        JsonNode count = n.get("maxReceiveCount");
        if (arn == null || !arn.isTextual() || count == null) {
            throw SqsErrors.invalidParameterValue("Value " + v + " for parameter RedrivePolicy is invalid. Reason: Redrive policy is not a valid JSON map with deadLetterTargetArn and maxReceiveCount.");
        }
        int c;
        try {
            c = count.isNumber() ? count.intValue() : Integer.parseInt(count.asText());
        } catch (NumberFormatException e) {
            c = -1;
        }
        if (c < 1 || c > 1000) {
            throw SqsErrors.invalidParameterValue("Value " + v + " for parameter RedrivePolicy is invalid. Reason: Invalid value for maxReceiveCount: " + count.asText() + ", valid values are from 1 to 1000 both inclusive.");
        }
        return "{\"deadLetterTargetArn\":\"" + arn.asText() + "\",\"maxReceiveCount\":" + c + "}";
    }

    /** The policy of a normalised attribute value; empty for none, or when its target is not an ARN. */
    static Optional<RedrivePolicy> parse(String normalised) {
        if (normalised == null || normalised.isEmpty()) {
            return Optional.empty();
        }
        try {
            JsonNode n = Json.MAPPER.readTree(normalised);
            return Arn.tryParse(n.path("deadLetterTargetArn").asText(""))
                    .map(target -> new RedrivePolicy(target, n.path("maxReceiveCount").asInt(0)));
        } catch (Exception e) {
            return Optional.empty();
        }
    }
}
