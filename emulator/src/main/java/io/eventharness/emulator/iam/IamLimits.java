package io.eventharness.emulator.iam;

import io.eventharness.emulator.core.Arn;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.iam.model.Tag;

/** IAM's model constraints (API reference, each action's "Request Parameters") and Marker/MaxItems paging. */
final class IamLimits {
    private static final Pattern NAME = Pattern.compile("[\\w+=,.@-]+");
    private static final Pattern PATH = Pattern.compile("(/)|(/[\\u0021-\\u007E]+/)");
    private static final Pattern PATH_PREFIX = Pattern.compile("/[\\u0021-\\u007F]*");

    private IamLimits() {
    }

    /** A role, user or policy name: {@code [\w+=,.@-]+} of 1 to {@code max} characters. */
    static String name(String value, String member, int max) {
        length(value, member, 1, max);
        if (!NAME.matcher(value).matches()) {
            throw IamErrors.constraint(value, member, "Member must satisfy regular expression pattern: [\\w+=,.@-]+");
        }
        return value;
    }

    /** A path such as {@code /service-role/}; {@code /} when absent. */
    static String path(String value) {
        if (value == null) {
            return "/";
        }
        length(value, "path", 1, 512);
        if (!PATH.matcher(value).matches()) {
            throw IamErrors.constraint(value, "path", "Member must satisfy regular expression pattern: (\\u002F)|(\\u002F[\\u0021-\\u007E]+\\u002F)");
        }
        return value;
    }

    static String pathPrefix(String value) {
        if (value == null) {
            return "/";
        }
        length(value, "pathPrefix", 1, 512);
        if (!PATH_PREFIX.matcher(value).matches()) {
            throw IamErrors.constraint(value, "pathPrefix", "Member must satisfy regular expression pattern: \\u002F[\\u0021-\\u007F]*");
        }
        return value;
    }

    /**
     * A policy ARN as IAM takes it: 20 to 2,048 characters, {@code arn:aws:iam::<account>:policy/…} (the account is
     * {@code aws} for AWS managed policies); InvalidInput otherwise.
     */
    static Arn policyArn(String value) {
        length(value, "policyArn", 20, 2048);
        return Arn.tryParse(value)
                .filter(a -> a.partition().equals("aws") && a.service().equals("iam") && a.region().isEmpty()
                        && a.resource().startsWith("policy/"))
                .orElseThrow(() -> IamErrors.invalidInput("ARN " + value + " is not valid."));
    }

    static void length(String value, String member, int min, int max) {
        if (value == null) {
            throw IamErrors.constraint(null, member, "Member must not be null");
        }
        if (value.length() < min) {
            throw IamErrors.constraint(value, member, "Member must have length greater than or equal to " + min);
        }
        if (value.length() > max) {
            throw IamErrors.constraint(value, member, "Member must have length less than or equal to " + max);
        }
    }

    /** A required list member: one the request did not carry at all (the SDK's auto-constructed list) is null to AWS. */
    static <T> List<T> required(List<T> value, String member) {
        if (value == null || value instanceof software.amazon.awssdk.core.util.SdkAutoConstructList) {
            throw IamErrors.constraint(null, member, "Member must not be null");
        }
        return value;
    }

    static int range(Integer value, String member, int min, int max, int dflt) {
        if (value == null) {
            return dflt;
        }
        if (value < min) {
            throw IamErrors.constraint(value, member, "Member must have value greater than or equal to " + min);
        }
        if (value > max) {
            throw IamErrors.constraint(value, member, "Member must have value less than or equal to " + max);
        }
        return value;
    }

    /** At most 50 tags, keys of 1–128 and values of 0–256 characters. */
    static List<Tag> tags(List<Tag> tags, int existing, String entity) {
        for (Tag t : tags) {
            length(t.key(), "tags.member.key", 1, 128);
            length(t.value(), "tags.member.value", 0, 256);
        }
        if (existing + tags.size() > 50) {
            throw IamErrors.limitExceeded("Cannot exceed quota for TagsPer" + entity + ": 50");
        }
        return tags;
    }

    /** One page of a listing sorted by {@code key}: after the Marker, at most MaxItems (default 100). */
    record Page<T>(List<T> items, String marker) {
        boolean truncated() {
            return marker != null;
        }
    }

    static <T> Page<T> page(List<T> sorted, Function<T, String> key, String marker, Integer maxItems) {
        int max = range(maxItems, "maxItems", 1, 1000, 100);
        String after = null;
        if (marker != null) {
            try {
                after = new String(Base64.getUrlDecoder().decode(marker), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw IamErrors.constraint(marker, "marker", "Invalid Marker");
            }
        }
        List<T> out = new ArrayList<>();
        for (T item : sorted) {
            String k = key.apply(item);
            if (after != null && k.compareTo(after) <= 0) {
                continue;
            }
            if (out.size() == max) {
                String last = key.apply(out.get(out.size() - 1));
                return new Page<>(out, Base64.getUrlEncoder().withoutPadding().encodeToString(last.getBytes(StandardCharsets.UTF_8)));
            }
            out.add(item);
        }
        return new Page<>(out, null);
    }
}
