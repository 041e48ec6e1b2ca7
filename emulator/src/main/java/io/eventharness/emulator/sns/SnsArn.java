package io.eventharness.emulator.sns;

import io.eventharness.emulator.core.Account;
import java.util.regex.Pattern;

/**
 * A parsed ARN ({@code arn:aws:<service>:<region>:<account>:<resource>}) and the checks SNS makes on
 * the ARNs it is given.
 */
record SnsArn(String service, String region, String account, String resource) {
    private static final Pattern SQS_NAME = Pattern.compile("[A-Za-z0-9_-]{1,80}(\\.fifo)?");

    /** The ARN, or null when it does not have the six parts of an ARN. */
    static SnsArn parse(String arn) {
        if (arn == null) {
            return null;
        }
        String[] p = arn.split(":", 6);
        if (p.length < 6 || !p[0].equals("arn") || p[1].isEmpty() || p[2].isEmpty() || p[5].isEmpty()) {
            return null;
        }
        return new SnsArn(p[2], p[3], p[4], p[5]);
    }

    /**
     * A topic ARN given as {@code member}; InvalidParameter when it is not one. A topic ARN of another
     * region is refused as AWS refuses it: the region of the request is the region of the topic.
     */
    static SnsArn topic(String arn, String member, String callRegion) {
        if (arn == null) {
            throw SnsErrors.missing(Character.toLowerCase(member.charAt(0)) + member.substring(1));
        }
        SnsArn a = parse(arn);
        if (a == null) {
            throw SnsErrors.invalidParameter("Invalid parameter: " + member + " Reason: An ARN must have at least 6 elements, not "
                    + arn.split(":", -1).length);
        }
        if (!a.service.equals("sns") || a.resource.contains(":") || (callRegion != null && !a.region.equals(callRegion))) {
            throw SnsErrors.invalidParameter("Invalid parameter: " + member);
        }
        return a;
    }

    /** Whether the ARN is in the emulated account (else AWS answers AuthorizationError). */
    boolean ownAccount() {
        return account.equals(Account.ID);
    }

    /** An SQS queue ARN ({@code arn:aws:sqs:<region>:<account>:<name>}). */
    boolean isQueue() {
        return service.equals("sqs") && !region.isEmpty() && !account.isEmpty() && SQS_NAME.matcher(resource).matches();
    }

    /** A Lambda function ARN, possibly qualified ({@code …:function:<name>[:<qualifier>]}). */
    boolean isFunction() {
        return service.equals("lambda") && resource.startsWith("function:") && resource.length() > "function:".length();
    }
}
