package io.eventharness.emulator.dynamodb.expr;

import io.eventharness.emulator.core.AwsException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * DynamoDB's attribute values as the SDK models them ({@link AttributeValue}), with DynamoDB's rules: exactly one
 * data type per value, numbers of at most 38 significant digits between 1E-130 and 9.99E+125 (stored normalised:
 * {@code 1.50} comes back as {@code 1.5}), sets non-empty and without duplicates, {@code NULL} only {@code true};
 * equality where sets have no order and numbers compare by value; and the sizes of
 * <a href="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/CapacityUnitCalculations.html">Item
 * sizes and formats</a>.
 */
public final class AttributeValues {
    /** The data types, with the names DynamoDB's messages use. */
    public enum Type {
        S, N, B, SS, NS, BS, M, L, BOOL, NULL;

        public boolean isSet() {
            return this == SS || this == NS || this == BS;
        }

        public boolean isScalarKeyType() {
            return this == S || this == N || this == B;
        }
    }

    static final MathContext PRECISION = new MathContext(38);

    private AttributeValues() {
    }

    /** The type of a valid value; null when none is set. */
    public static Type typeOf(AttributeValue v) {
        if (v == null) {
            return null;
        }
        if (v.s() != null) {
            return Type.S;
        } else if (v.n() != null) {
            return Type.N;
        } else if (v.b() != null) {
            return Type.B;
        } else if (v.hasSs()) {
            return Type.SS;
        } else if (v.hasNs()) {
            return Type.NS;
        } else if (v.hasBs()) {
            return Type.BS;
        } else if (v.hasM()) {
            return Type.M;
        } else if (v.hasL()) {
            return Type.L;
        } else if (v.bool() != null) {
            return Type.BOOL;
        } else if (v.nul() != null) {
            return Type.NULL;
        }
        return null;
    }

    static int typesSet(AttributeValue v) {
        int n = 0;
        for (Object o : new Object[]{v.s(), v.n(), v.b(), v.bool(), v.nul()}) {
            n += o == null ? 0 : 1;
        }
        n += (v.hasSs() ? 1 : 0) + (v.hasNs() ? 1 : 0) + (v.hasBs() ? 1 : 0) + (v.hasM() ? 1 : 0) + (v.hasL() ? 1 : 0);
        return n;
    }

    /** Validates an item sent by a client, returning it with its numbers normalised. */
    public static Map<String, AttributeValue> validItem(Map<String, AttributeValue> item) {
        Map<String, AttributeValue> out = new LinkedHashMap<>();
        item.forEach((k, v) -> out.put(k, valid(v)));
        return out;
    }

    /**
     * Validates a value sent by a client (ValidationException worded as DynamoDB words it), returning it with its
     * numbers normalised.
     */
    public static AttributeValue valid(AttributeValue v) {
        String problem = problem(v);
        if (problem != null) {
            throw AwsException.validation(problem);
        }
        return normalised(v);
    }

    /** What is wrong with a value, in DynamoDB's words; null when it is valid (see {@link ValueRules}). */
    public static String problem(AttributeValue v) {
        return ValueRules.problem(v);
    }

    /** What is wrong with a number's text, in DynamoDB's words; null when it is a number DynamoDB stores. */
    public static String numberProblem(String text) {
        return ValueRules.numberProblem(text);
    }

    /** A number's text as a BigDecimal (valid numbers only). */
    public static BigDecimal number(String text) {
        return new BigDecimal(text);
    }

    /** A number as DynamoDB gives it back: no exponent, no trailing zeros ({@code 1.50} → {@code 1.5}). */
    public static String normalise(BigDecimal d) {
        return d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString();
    }

    private static AttributeValue normalised(AttributeValue v) {
        return switch (typeOf(v)) {
            case N -> AttributeValue.fromN(normalise(number(v.n())));
            case NS -> AttributeValue.fromNs(v.ns().stream().map(n -> normalise(number(n))).toList());
            case M -> {
                Map<String, AttributeValue> m = new LinkedHashMap<>();
                v.m().forEach((k, e) -> m.put(k, normalised(e)));
                yield AttributeValue.fromM(m);
            }
            case L -> AttributeValue.fromL(v.l().stream().map(AttributeValues::normalised).toList());
            default -> v;
        };
    }

    // ---- equality and order -----------------------------------------------------------------------

    /** DynamoDB's equality: same type and value; sets regardless of order, numbers by value, maps and lists deeply. */
    public static boolean equal(AttributeValue a, AttributeValue b) {
        if (a == null || b == null) {
            return a == b;
        }
        Type t = typeOf(a);
        if (t != typeOf(b)) {
            return false;
        }
        return switch (t) {
            case N -> number(a.n()).compareTo(number(b.n())) == 0;
            case SS -> new HashSet<>(a.ss()).equals(new HashSet<>(b.ss()));
            case BS -> new HashSet<>(a.bs()).equals(new HashSet<>(b.bs()));
            case NS -> numberSet(a.ns()).equals(numberSet(b.ns()));
            case M -> {
                if (a.m().size() != b.m().size()) {
                    yield false;
                }
                for (var e : a.m().entrySet()) {
                    if (!equal(e.getValue(), b.m().get(e.getKey()))) {
                        yield false;
                    }
                }
                yield true;
            }
            case L -> {
                if (a.l().size() != b.l().size()) {
                    yield false;
                }
                for (int i = 0; i < a.l().size(); i++) {
                    if (!equal(a.l().get(i), b.l().get(i))) {
                        yield false;
                    }
                }
                yield true;
            }
            default -> a.equals(b);
        };
    }

    /** Whether two items hold the same attributes with equal values. */
    public static boolean equalItems(Map<String, AttributeValue> a, Map<String, AttributeValue> b) {
        return equal(AttributeValue.fromM(a), AttributeValue.fromM(b));
    }

    private static Set<BigDecimal> numberSet(List<String> ns) {
        Set<BigDecimal> s = new HashSet<>();
        ns.forEach(n -> s.add(number(n).stripTrailingZeros()));
        return s;
    }

    /** Whether the value can be ordered against others of its type: S, N or B. */
    public static boolean ordered(AttributeValue v) {
        Type t = typeOf(v);
        return t != null && t.isScalarKeyType();
    }

    /**
     * The order of two values of the same scalar type (S, N, B): strings and binaries by their bytes (UTF-8,
     * unsigned), numbers by value — the order of sort keys.
     */
    public static int compare(AttributeValue a, AttributeValue b) {
        return switch (typeOf(a)) {
            case N -> number(a.n()).compareTo(number(b.n()));
            case S -> Arrays.compareUnsigned(a.s().getBytes(StandardCharsets.UTF_8), b.s().getBytes(StandardCharsets.UTF_8));
            case B -> Arrays.compareUnsigned(a.b().asByteArrayUnsafe(), b.b().asByteArrayUnsafe());
            default -> throw new IllegalArgumentException("not an ordered type: " + typeOf(a));
        };
    }

    // ---- sizes ------------------------------------------------------------------------------------

    /** The size of an item: the UTF-8 length of each name plus the size of its value. */
    public static long itemSize(Map<String, AttributeValue> item) {
        long n = 0;
        for (var e : item.entrySet()) {
            n += utf8(e.getKey()) + size(e.getValue());
        }
        return n;
    }

    /** The size of a value as DynamoDB counts it. */
    public static long size(AttributeValue v) {
        return switch (typeOf(v)) {
            case S -> utf8(v.s());
            case N -> numberSize(v.n());
            case B -> v.b().asByteArrayUnsafe().length;
            case SS -> v.ss().stream().mapToLong(AttributeValues::utf8).sum();
            case NS -> v.ns().stream().mapToLong(AttributeValues::numberSize).sum();
            case BS -> v.bs().stream().mapToLong(b -> b.asByteArrayUnsafe().length).sum();
            case BOOL, NULL -> 1;
            case L -> 3 + v.l().stream().mapToLong(e -> size(e) + 1).sum();
            case M -> 3 + v.m().entrySet().stream().mapToLong(e -> utf8(e.getKey()) + size(e.getValue()) + 1).sum();
        };
    }

    /**
     * A number's size: one byte, plus a byte per pair of significant digits as they fall on the decimal exponent
     * (digits are stored in base 100), plus one for a negative number; zero takes one byte.
     */
    private static long numberSize(String n) {
        BigDecimal d = number(n).stripTrailingZeros();
        if (d.signum() == 0) {
            return 1;
        }
        int digits = d.precision();
        int exponent = d.precision() - d.scale() - 1;
        return 1 + (digits + 1) / 2 + (digits % 2 == 0 && exponent % 2 == 0 ? 1 : 0) + (d.signum() < 0 ? 1 : 0);
    }

    static long utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    // ---- text for messages -------------------------------------------------------------------------

    /** A value as DynamoDB shows it in messages: {@code {S:abc}}, {@code {N:1}}. */
    public static String describe(AttributeValue v) {
        Type t = typeOf(v);
        Object inner = switch (t) {
            case S -> v.s();
            case N -> v.n();
            case B -> v.b();
            case SS -> v.ss();
            case NS -> v.ns();
            case BS -> v.bs();
            case M -> v.m();
            case L -> v.l();
            case BOOL -> v.bool();
            case NULL -> v.nul();
        };
        return "{" + t + ":" + inner + "}";
    }

    /** The operand type names of update-expression messages: STRING, NUMBER, BINARY, ... */
    public static String operandTypeName(AttributeValue v) {
        return switch (typeOf(v)) {
            case S -> "STRING";
            case N -> "NUMBER";
            case B -> "BINARY";
            case SS -> "STRING SET";
            case NS -> "NUMBER SET";
            case BS -> "BINARY SET";
            case M -> "MAP";
            case L -> "LIST";
            case BOOL -> "BOOLEAN";
            case NULL -> "NULL";
        };
    }

    /** A list copy that can be changed. */
    static <T> List<T> mutable(List<T> l) {
        return new ArrayList<>(l);
    }
}
