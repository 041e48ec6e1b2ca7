package io.eventharness.emulator.policy;

import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * One condition of a statement: an operator, a context key and the values the policy gives it ("IAM JSON policy
 * elements: Condition operators"). A statement's conditions all hold, or it does not apply.
 *
 * <ul>
 *   <li>A key the request context lacks: the condition is false, but true for a negated operator
 *       ({@code StringNotEquals}, {@code ArnNotLike}, {@code NotIpAddress} ...) and for {@code ...IfExists};
 *       {@code Null} tests exactly that.</li>
 *   <li>Several policy values: any of them may match (OR); for a negated operator none may (NOR).</li>
 *   <li>{@code ForAnyValue:} some value of a multivalued key matches (false for a missing or empty key);
 *       {@code ForAllValues:} every value does (true for a missing or empty key).</li>
 * </ul>
 *
 * @param operator the operator as written ({@code ForAnyValue:StringLikeIfExists})
 * @param key      the context key
 * @param values   the policy's values, as text
 */
record Condition(String operator, String key, List<String> values, Op op, Set set, boolean ifExists, boolean variables) {

    /** The set qualifier. */
    enum Set { NONE, FOR_ANY_VALUE, FOR_ALL_VALUES }

    /** The base operators; {@code negated} ones hold when no policy value matches. */
    enum Op {
        STRING_EQUALS(false), STRING_NOT_EQUALS(true), STRING_EQUALS_IGNORE_CASE(false), STRING_NOT_EQUALS_IGNORE_CASE(true),
        STRING_LIKE(false), STRING_NOT_LIKE(true),
        NUMERIC_EQUALS(false), NUMERIC_NOT_EQUALS(true), NUMERIC_LESS_THAN(false), NUMERIC_LESS_THAN_EQUALS(false),
        NUMERIC_GREATER_THAN(false), NUMERIC_GREATER_THAN_EQUALS(false),
        DATE_EQUALS(false), DATE_NOT_EQUALS(true), DATE_LESS_THAN(false), DATE_LESS_THAN_EQUALS(false),
        DATE_GREATER_THAN(false), DATE_GREATER_THAN_EQUALS(false),
        BOOL(false), BINARY_EQUALS(false), IP_ADDRESS(false), NOT_IP_ADDRESS(true),
        ARN_EQUALS(false), ARN_LIKE(false), ARN_NOT_EQUALS(true), ARN_NOT_LIKE(true), NULL(false);

        final boolean negated;

        Op(boolean negated) {
            this.negated = negated;
        }

        /** {@code StringNotEqualsIgnoreCase} → {@link #STRING_NOT_EQUALS_IGNORE_CASE}; null for an unknown name. */
        static Op named(String name) {
            String constant = name.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
            try {
                return valueOf(constant);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
    }

    /**
     * The condition of this operator, key and values; null for an operator IAM does not know (its statement then
     * applies to nothing).
     */
    static Condition of(String operator, String key, List<String> values, boolean variables) {
        String name = operator;
        Set set = Set.NONE;
        if (name.startsWith("ForAnyValue:")) {
            set = Set.FOR_ANY_VALUE;
            name = name.substring("ForAnyValue:".length());
        } else if (name.startsWith("ForAllValues:")) {
            set = Set.FOR_ALL_VALUES;
            name = name.substring("ForAllValues:".length());
        }
        boolean ifExists = name.endsWith("IfExists") && !name.equals("NullIfExists");
        if (ifExists) {
            name = name.substring(0, name.length() - "IfExists".length());
        }
        Op op = Op.named(name);
        return op == null ? null : new Condition(operator, key, List.copyOf(values), op, set, ifExists, variables);
    }

    /** Whether the condition holds for the request. */
    boolean holds(AccessRequest request) {
        List<String> actual = request.values(key);
        boolean present = actual != null && !actual.isEmpty();
        if (op == Op.NULL) {
            boolean wantMissing = values.stream().anyMatch(v -> v.equalsIgnoreCase("true"));
            return wantMissing != present;
        }
        switch (set) {
            case FOR_ANY_VALUE -> {
                if (!present) {
                    return false;
                }
                for (String a : actual) {
                    if (single(a, request)) {
                        return true;
                    }
                }
                return false;
            }
            case FOR_ALL_VALUES -> {
                if (!present) {
                    return true;
                }
                for (String a : actual) {
                    if (!single(a, request)) {
                        return false;
                    }
                }
                return true;
            }
            default -> {
                if (!present) {
                    return ifExists || op.negated;
                }
                if (op.negated) {
                    for (String a : actual) {
                        if (!single(a, request)) {
                            return false;
                        }
                    }
                    return true;
                }
                for (String a : actual) {
                    if (single(a, request)) {
                        return true;
                    }
                }
                return false;
            }
        }
    }

    /** One context value against the policy's values: any matches (OR), or for a negated operator none does (NOR). */
    private boolean single(String actual, AccessRequest request) {
        for (String v : values) {
            String expected = variables && substitutes() ? PolicyVariables.resolve(v, request, wildcards()) : v;
            if (expected != null && positive(expected, actual)) {
                return !op.negated;
            }
        }
        return op.negated;
    }

    private boolean wildcards() {
        return op == Op.STRING_LIKE || op == Op.STRING_NOT_LIKE || op == Op.ARN_EQUALS || op == Op.ARN_LIKE
                || op == Op.ARN_NOT_EQUALS || op == Op.ARN_NOT_LIKE;
    }

    private boolean substitutes() {
        return switch (op) {
            case STRING_EQUALS, STRING_NOT_EQUALS, STRING_EQUALS_IGNORE_CASE, STRING_NOT_EQUALS_IGNORE_CASE, STRING_LIKE,
                 STRING_NOT_LIKE, ARN_EQUALS, ARN_LIKE, ARN_NOT_EQUALS, ARN_NOT_LIKE -> true;
            default -> false;
        };
    }

    /** The operator's match, ignoring negation. */
    private boolean positive(String expected, String actual) {
        return switch (op) {
            case STRING_EQUALS, STRING_NOT_EQUALS -> expected.equals(actual);
            case STRING_EQUALS_IGNORE_CASE, STRING_NOT_EQUALS_IGNORE_CASE -> expected.equalsIgnoreCase(actual);
            case STRING_LIKE, STRING_NOT_LIKE -> Wildcards.matches(expected, actual);
            case NUMERIC_EQUALS, NUMERIC_NOT_EQUALS -> compare(number(actual), number(expected)) == 0;
            case NUMERIC_LESS_THAN -> compare(number(actual), number(expected)) < 0;
            case NUMERIC_LESS_THAN_EQUALS -> le(compare(number(actual), number(expected)));
            case NUMERIC_GREATER_THAN -> gt(compare(number(actual), number(expected)));
            case NUMERIC_GREATER_THAN_EQUALS -> ge(compare(number(actual), number(expected)));
            case DATE_EQUALS, DATE_NOT_EQUALS -> compare(date(actual), date(expected)) == 0;
            case DATE_LESS_THAN -> compare(date(actual), date(expected)) < 0;
            case DATE_LESS_THAN_EQUALS -> le(compare(date(actual), date(expected)));
            case DATE_GREATER_THAN -> gt(compare(date(actual), date(expected)));
            case DATE_GREATER_THAN_EQUALS -> ge(compare(date(actual), date(expected)));
            case BOOL -> expected.equalsIgnoreCase(actual);
            case BINARY_EQUALS -> binary(expected, actual);
            case IP_ADDRESS, NOT_IP_ADDRESS -> Cidr.contains(expected, actual);
            case ARN_EQUALS, ARN_LIKE, ARN_NOT_EQUALS, ARN_NOT_LIKE -> Wildcards.arnMatches(expected, actual);
            case NULL -> false;
        };
    }

    /** Not comparable (a value that is not a number or date) compares as "no match": {@link Integer#MIN_VALUE}. */
    private static final int INCOMPARABLE = Integer.MIN_VALUE;

    private static boolean le(int c) {
        return c != INCOMPARABLE && c <= 0;
    }

    private static boolean gt(int c) {
        return c != INCOMPARABLE && c > 0;
    }

    private static boolean ge(int c) {
        return c != INCOMPARABLE && c >= 0;
    }

    private static <T extends Comparable<T>> int compare(T a, T b) {
        return a == null || b == null ? INCOMPARABLE : Integer.signum(a.compareTo(b));
    }

    private static BigDecimal number(String s) {
        try {
            return new BigDecimal(s.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** ISO 8601 (a date, a date-time with or without an offset) or epoch seconds. */
    static Instant date(String s) {
        String t = s.trim();
        try {
            if (t.matches("-?\\d+")) {
                return Instant.ofEpochSecond(Long.parseLong(t));
            }
            if (t.length() == 10) {
                return LocalDate.parse(t).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            if (t.endsWith("Z") || t.matches(".*[+-]\\d\\d:?\\d\\d$")) {
                return OffsetDateTime.parse(t.replaceAll("([+-]\\d\\d)(\\d\\d)$", "$1:$2")).toInstant();
            }
            return java.time.LocalDateTime.parse(t).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException | NumberFormatException e) {
            return null;
        }
    }

    private static boolean binary(String expected, String actual) {
        try {
            return java.util.Arrays.equals(Base64.getDecoder().decode(expected), Base64.getDecoder().decode(actual));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** CIDR blocks of IPv4 and IPv6 ({@code 203.0.113.0/24}, {@code 2001:DB8:1234:5678::/64}; no prefix: one address). */
    static final class Cidr {
        private Cidr() {
        }

        static boolean contains(String block, String address) {
            try {
                int slash = block.indexOf('/');
                byte[] net = literal(slash < 0 ? block : block.substring(0, slash));
                byte[] ip = literal(address);
                if (net == null || ip == null || net.length != ip.length) {
                    return false;
                }
                int bits = slash < 0 ? net.length * 8 : Integer.parseInt(block.substring(slash + 1).trim());
                if (bits < 0 || bits > net.length * 8) {
                    return false;
                }
                for (int i = 0; i < bits; i++) {
                    int mask = 0x80 >>> (i % 8);
                    if ((net[i / 8] & mask) != (ip[i / 8] & mask)) {
                        return false;
                    }
                }
                return true;
            } catch (NumberFormatException e) {
                return false;
            }
        }

        /** The address's bytes, only for literal addresses (never a name look-up). */
        private static byte[] literal(String s) {
            String t = s.trim();
            if (!t.matches("[0-9.]+") && !t.matches("[0-9a-fA-F:.]*:[0-9a-fA-F:.]*")) {
                return null;
            }
            try {
                return InetAddress.getByName(t).getAddress();
            } catch (UnknownHostException e) {
                return null;
            }
        }
    }
}
