package io.eventharness.emulator.sns;

import io.eventharness.emulator.core.Arn;
import java.util.regex.Pattern;

/**
 * The ARNs SNS builds and the checks it makes on those it is given, all through {@link Arn}; the error messages
 * are AWS's.
 */
final class SnsArns {
    private static final Pattern SQS_NAME = Pattern.compile("[A-Za-z0-9_-]{1,80}(\\.fifo)?");

    private SnsArns() {
    }

    /** {@code arn:aws:sns:<region>:000000000000:<name>}. */
    static Arn topic(String name, String region) {
        return Arn.of("sns", region, name);
    }

    /** {@code <topic arn>:<id>}. */
    static Arn subscription(Arn topic, String id) {
        return topic.withResource(topic.resource() + ":" + id);
    }

    /**
     * A topic ARN given as {@code member}; InvalidParameter when it is not one. A topic ARN of another region is
     * refused as AWS refuses it: the region of the request is the region of the topic ({@code callRegion} null:
     * any region, for a request that may come unsigned).
     */
    static Arn topic(String text, String member, String callRegion) {
        if (text == null) {
            throw SnsErrors.missing(Character.toLowerCase(member.charAt(0)) + member.substring(1));
        }
        Arn a = parsed(text, member);
        if (!a.service().equals("sns") || a.resource().contains(":") || (callRegion != null && !a.region().equals(callRegion))) {
            throw SnsErrors.invalidParameter("Invalid parameter: " + member);
        }
        return a;
    }

    /**
     * The ARN given as {@code member}; InvalidParameter "… Reason: An ARN must have at least 6 elements, not N" for
     * text that is not an ARN.
     */
    static Arn parsed(String text, String member) {
        return Arn.tryParse(text).orElseThrow(() -> SnsErrors.invalidParameter("Invalid parameter: " + member
                + " Reason: An ARN must have at least 6 elements, not " + elements(text)));
    }

    /** A subscription ARN names its topic and its id: {@code arn:aws:sns:…:<topic>:<id>}. */
    static boolean isSubscription(Arn a) {
        return a.service().equals("sns") && a.resource().contains(":");
    }

    /** An SQS queue ARN ({@code arn:aws:sqs:<region>:<account>:<name>}). */
    static boolean isQueue(Arn a) {
        return a.service().equals("sqs") && !a.region().isEmpty() && !a.account().isEmpty() && SQS_NAME.matcher(a.resource()).matches();
    }

    /** A Lambda function ARN, possibly qualified ({@code …:function:<name>[:<qualifier>]}). */
    static boolean isFunction(Arn a) {
        return a.service().equals("lambda") && a.resource().startsWith("function:") && a.resource().length() > "function:".length();
    }

    /** How many colon-separated elements AWS counts in text that should have been an ARN. */
    private static int elements(String text) {
        return (int) text.chars().filter(c -> c == ':').count() + 1;
    }
}
