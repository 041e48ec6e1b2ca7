package io.eventharness.emulator.sns;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;

/**
 * One entry of a filter policy's value array, and the test of one message value against it. Values
 * are JSON nodes: strings, numbers (Number attributes become numbers), booleans and null. See
 * "Amazon SNS message filtering" → "Filter policy matching" in the SNS developer guide.
 */
sealed interface FilterCondition {

    /** Whether {@code value} (never absent: {@code exists} is decided per key) satisfies this condition. */
    boolean test(JsonNode value);

    /** A plain string, number, boolean or null: equal value and type; numbers compare numerically. */
    record Exact(JsonNode expected) implements FilterCondition {
        @Override
        public boolean test(JsonNode v) {
            if (expected.isNumber()) {
                return v.isNumber() && expected.decimalValue().compareTo(v.decimalValue()) == 0;
            }
            if (expected.isTextual()) {
                return v.isTextual() && expected.textValue().equals(v.textValue());
            }
            if (expected.isBoolean()) {
                return v.isBoolean() && expected.booleanValue() == v.booleanValue();
            }
            return v.isNull() && expected.isNull();
        }
    }

    /** {@code {"prefix": "…"}}. */
    record Prefix(String prefix) implements FilterCondition {
        @Override
        public boolean test(JsonNode v) {
            return v.isTextual() && v.textValue().startsWith(prefix);
        }
    }

    /** {@code {"suffix": "…"}}. */
    record Suffix(String suffix) implements FilterCondition {
        @Override
        public boolean test(JsonNode v) {
            return v.isTextual() && v.textValue().endsWith(suffix);
        }
    }

    /** {@code {"equals-ignore-case": "…"}}. */
    record EqualsIgnoreCase(String expected) implements FilterCondition {
        @Override
        public boolean test(JsonNode v) {
            return v.isTextual() && v.textValue().toLowerCase(Locale.ROOT).equals(expected.toLowerCase(Locale.ROOT));
        }
    }

    /** {@code {"anything-but": …}}: a present value that matches none of the excluded conditions. */
    record AnythingBut(List<FilterCondition> excluded) implements FilterCondition {
        @Override
        public boolean test(JsonNode v) {
            for (FilterCondition c : excluded) {
                if (c.test(v)) {
                    return false;
                }
            }
            return true;
        }
    }

    /** {@code {"numeric": [">", 0, "<=", 5]}}: a number within every bound. */
    record Numeric(List<String> operators, List<BigDecimal> operands) implements FilterCondition {
        @Override
        public boolean test(JsonNode v) {
            if (!v.isNumber()) {
                return false;
            }
            BigDecimal x = v.decimalValue();
            for (int i = 0; i < operators.size(); i++) {
                int c = x.compareTo(operands.get(i));
                boolean ok = switch (operators.get(i)) {
                    case "=" -> c == 0;
                    case "<" -> c < 0;
                    case "<=" -> c <= 0;
                    case ">" -> c > 0;
                    default -> c >= 0;
                };
                if (!ok) {
                    return false;
                }
            }
            return true;
        }
    }

    /** {@code {"cidr": "10.0.0.0/24"}}: a string holding an IP address inside the network. */
    record Cidr(byte[] network, int bits) implements FilterCondition {
        @Override
        public boolean test(JsonNode v) {
            if (!v.isTextual()) {
                return false;
            }
            byte[] ip = ipLiteral(v.textValue());
            if (ip == null || ip.length != network.length) {
                return false;
            }
            for (int i = 0; i < bits; i++) {
                int mask = 0x80 >> (i % 8);
                if ((ip[i / 8] & mask) != (network[i / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }

        /** The address bytes of an IPv4 or IPv6 literal, or null; never a name lookup. */
        static byte[] ipLiteral(String s) {
            boolean v4 = s.matches("\\d{1,3}(\\.\\d{1,3}){3}");
            boolean v6 = s.contains(":") && s.matches("[0-9A-Fa-f:.]+");
            if (!v4 && !v6) {
                return null;
            }
            try {
                return InetAddress.getByName(s).getAddress();
            } catch (UnknownHostException e) {
                return null;
            }
        }
    }

    /** {@code {"exists": true|false}}: whether the key is present at all. */
    record Exists(boolean exists) implements FilterCondition {
        @Override
        public boolean test(JsonNode v) {
            return exists;
        }
    }
}
