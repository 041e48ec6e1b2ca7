package io.eventharness.emulator.sts;

import io.eventharness.emulator.core.Arn;
import java.util.regex.Pattern;

/** The model constraints of STS requests (API reference, each action's "Request Parameters"). */
final class StsLimits {
    private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");
    /** A role's path and name, as the resource of {@code arn:aws:iam::<account>:role/<path><name>} holds them. */
    private static final Pattern ROLE_PATH_AND_NAME = Pattern.compile("(?:[\\u0021-\\u007E]+/)?[\\w+=,.@-]{1,64}");
    private static final Pattern SESSION_NAME = Pattern.compile("[\\w+=,.@-]*");

    private StsLimits() {
    }

    /** A role ARN, {@code arn:aws:iam::<12 digits>:role/[<path>/]<name>}; ValidationError "Request ARN is invalid" else. */
    static Arn roleArn(String value) {
        return Arn.tryParse(value)
                .filter(a -> a.partition().equals("aws") && a.service().equals("iam") && a.region().isEmpty()
                        && ACCOUNT.matcher(a.account()).matches()
                        && a.resource().startsWith("role/") && ROLE_PATH_AND_NAME.matcher(a.resourceId()).matches())
                .orElseThrow(StsErrors::invalidRoleArn);
    }

    /** A role session name: 2 to 64 of {@code [\w+=,.@-]}. */
    static String sessionName(String value) {
        length(value, "roleSessionName", 2, 64);
        if (!SESSION_NAME.matcher(value).matches()) {
            throw StsErrors.constraint(value, "roleSessionName", "Member must satisfy regular expression pattern: [\\w+=,.@-]*");
        }
        return value;
    }

    static String length(String value, String member, int min, int max) {
        if (value == null) {
            throw StsErrors.constraint(null, member, "Member must not be null");
        }
        if (value.length() < min) {
            throw StsErrors.constraint(value, member, "Member must have length greater than or equal to " + min);
        }
        if (value.length() > max) {
            throw StsErrors.constraint(value, member, "Member must have length less than or equal to " + max);
        }
        return value;
    }

    /** {@code value} or {@code dflt}, checked against [min, max]. */
    static int range(Integer value, String member, int min, int max, int dflt) {
        if (value == null) {
            return dflt;
        }
        if (value < min) {
            throw StsErrors.constraint(value, member, "Member must have value greater than or equal to " + min);
        }
        if (value > max) {
            throw StsErrors.constraint(value, member, "Member must have value less than or equal to " + max);
        }
        return value;
    }
}
