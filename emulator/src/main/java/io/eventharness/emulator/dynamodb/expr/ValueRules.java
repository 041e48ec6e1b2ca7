package io.eventharness.emulator.dynamodb.expr;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.Set;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * DynamoDB's rules for the attribute values a client sends, and its words when one breaks them: exactly one data
 * type, numbers of at most 38 significant digits between 1E-130 and 9.99E+125, sets non-empty and without duplicates,
 * {@code NULL} only {@code true}.
 */
final class ValueRules {
    private ValueRules() {
    }

    /**
     * What is wrong with a value, in DynamoDB's words; null when it is valid. Each data type set is checked in turn
     * (a bad number is reported before a second data type), then that there is exactly one.
     */
    /** How deep maps and lists may nest (the developer guide: "up to 32 levels deep"). */
    static final int MAX_DEPTH = 32;

    static String problem(AttributeValue v) {
        return problem(v, 1);
    }

    private static String problem(AttributeValue v, int depth) {
        if (v == null || AttributeValues.typesSet(v) == 0) {
            return "Supplied AttributeValue is empty, must contain exactly one of the supported datatypes";
        }
        if (v.n() != null && numberProblem(v.n()) != null) {
            return numberProblem(v.n());
        }
        if (v.nul() != null && !v.nul()) {
            return "One or more parameter values were invalid: Null attribute value types must have the value of true";
        }
        if (v.hasSs()) {
            if (v.ss().isEmpty()) {
                return "One or more parameter values were invalid: An string set  may not be empty";
            }
            if (v.ss().contains(null)) {
                return "Supplied AttributeValue is empty, must contain exactly one of the supported datatypes";
            }
            if (new HashSet<>(v.ss()).size() < v.ss().size()) {
                return "One or more parameter values were invalid: Input collection " + v.ss() + " contains duplicates.";
            }
        }
        if (v.hasNs()) {
            if (v.ns().isEmpty()) {
                return "One or more parameter values were invalid: An number set  may not be empty";
            }
            Set<BigDecimal> seen = new HashSet<>();
            for (String n : v.ns()) {
                String p = numberProblem(n);
                if (p != null) {
                    return p;
                }
                if (!seen.add(AttributeValues.number(n).stripTrailingZeros())) {
                    return "Input collection contains duplicates";
                }
            }
        }
        if (v.hasBs()) {
            if (v.bs().isEmpty()) {
                return "One or more parameter values were invalid: Binary sets should not be empty";
            }
            Set<SdkBytes> seen = new HashSet<>();
            for (SdkBytes b : v.bs()) {
                if (b == null || !seen.add(b)) {
                    return "One or more parameter values were invalid: Input collection "
                            + v.bs().stream().map(x -> x == null ? "null" : java.util.Base64.getEncoder().encodeToString(x.asByteArrayUnsafe())).toList()
                            + "of type BS contains duplicates.";
                }
            }
        }
        if ((v.hasM() || v.hasL()) && depth > MAX_DEPTH) {
            return "Nesting Levels have exceeded supported limits";
        }
        if (v.hasM()) {
            for (AttributeValue e : v.m().values()) {
                String p = problem(e, depth + 1);
                if (p != null) {
                    return p;
                }
            }
        }
        if (v.hasL()) {
            for (AttributeValue e : v.l()) {
                String p = problem(e, depth + 1);
                if (p != null) {
                    return p;
                }
            }
        }
        if (AttributeValues.typesSet(v) > 1) {
            return "Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes";
        }
        return null;
    }

    /** What is wrong with a number's text, in DynamoDB's words; null when it is a number DynamoDB stores. */
    static String numberProblem(String text) {
        if (text == null || text.isEmpty()) {
            return "The parameter cannot be converted to a numeric value";
        }
        BigDecimal d;
        try {
            d = new BigDecimal(text);
        } catch (NumberFormatException e) {
            return "The parameter cannot be converted to a numeric value: " + text;
        }
        return magnitudeProblem(d);
    }

    static String magnitudeProblem(BigDecimal d) {
        if (d.signum() == 0) {
            return null;
        }
        BigDecimal s = d.stripTrailingZeros();
        long exponent = (long) s.precision() - s.scale() - 1;
        if (exponent > 125) {
            return "Number overflow. Attempting to store a number with magnitude larger than supported range";
        }
        if (exponent < -130) {
            return "Number underflow. Attempting to store a number with magnitude smaller than supported range";
        }
        if (s.precision() > 38) {
            return "Attempting to store more than 38 significant digits in a Number";
        }
        return null;
    }
}
