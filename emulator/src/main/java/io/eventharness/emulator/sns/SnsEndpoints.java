package io.eventharness.emulator.sns;

import io.eventharness.emulator.core.Arn;
import java.util.List;
import java.util.Locale;

/**
 * The endpoints a subscription may have, per protocol (API reference: Subscribe), and which of them
 * must confirm before they get messages ("Confirm your Amazon SNS subscription").
 */
final class SnsEndpoints {
    private static final List<String> PROTOCOLS = List.of("http", "https", "email", "email-json", "sms", "sqs", "application",
            "lambda", "firehose");
    private static final List<String> CONFIRMED_BY_ENDPOINT = List.of("http", "https", "email", "email-json");

    private SnsEndpoints() {
    }

    /** The endpoint rules of "Subscribe" per protocol; FIFO topics deliver to SQS queues only. */
    static void check(SnsTopic t, String protocol, String endpoint) {
        if (!PROTOCOLS.contains(protocol)) {
            throw SnsErrors.invalidParameter("Invalid parameter: Amazon SNS does not support this protocol string: " + protocol);
        }
        if (endpoint == null || endpoint.isEmpty()) {
            throw SnsErrors.invalidParameter("Invalid parameter: Endpoint");
        }
        Arn arn = Arn.tryParse(endpoint).orElse(null);
        switch (protocol) {
            case "http", "https" -> {
                if (!endpoint.toLowerCase(Locale.ROOT).startsWith(protocol + "://")) {
                    throw SnsErrors.invalidParameter("Invalid parameter: Endpoint must match the specified protocol");
                }
            }
            case "email", "email-json" -> {
                if (!endpoint.matches("[^@\\s]+@[^@\\s]+")) {
                    throw SnsErrors.invalidParameter("Invalid parameter: Email address");
                }
            }
            case "sms" -> {
                if (!endpoint.matches("\\+?[1-9]\\d{1,14}")) {
                    throw SnsErrors.invalidParameter("Invalid SMS endpoint: " + endpoint);
                }
            }
            case "sqs" -> {
                if (arn == null || !SnsArns.isQueue(arn)) {
                    throw SnsErrors.invalidParameter("Invalid parameter: SQS endpoint ARN");
                }
            }
            case "lambda" -> {
                if (arn == null || !SnsArns.isFunction(arn)) {
                    throw SnsErrors.invalidParameter("Invalid parameter: Lambda endpoint ARN");
                }
            }
            case "firehose" -> {
                if (arn == null || !arn.service().equals("firehose")) {
                    throw SnsErrors.invalidParameter("Invalid parameter: Firehose endpoint ARN");
                }
            }
            default -> {
                if (arn == null || !arn.service().equals("sns")) {
                    throw SnsErrors.invalidParameter("Invalid parameter: ApplicationEndpoint ARN");
                }
            }
        }
        if (t.fifo() && !protocol.equals("sqs")) {
            throw SnsErrors.invalidParameter("Invalid parameter: Invalid parameter: Endpoint Reason: FIFO topics support only Amazon SQS queues as endpoints");
        }
        if (!t.fifo() && protocol.equals("sqs") && endpoint.endsWith(".fifo")) {
            throw SnsErrors.invalidParameter("Invalid parameter: Invalid parameter: Endpoint Reason: FIFO SQS Queues can not be subscribed to standard SNS topics");
        }
    }

    /** HTTP/S and email endpoints confirm themselves; so does a queue or function of another account. */
    static boolean needsConfirmation(String protocol, String endpoint) {
        if (CONFIRMED_BY_ENDPOINT.contains(protocol)) {
            return true;
        }
        return (protocol.equals("sqs") || protocol.equals("lambda"))
                && Arn.tryParse(endpoint).map(a -> !a.inEmulatedAccount()).orElse(false);
    }
}
