package io.eventharness.emulator.dynamodb.expr;

import io.eventharness.emulator.core.AwsException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * An operand of an expression: a document path, a {@code :value}, {@code size(path)}, and in update expressions
 * {@code if_not_exists}, {@code list_append} and {@code +}/{@code -}. {@link #value} is null when the item has
 * nothing there.
 */
public sealed interface Operand {
    String UNDEFINED = "The provided expression refers to an attribute that does not exist in the item";
    String WRONG_TYPE = "An operand in the update expression has an incorrect data type";

    AttributeValue value(Map<String, AttributeValue> item);

    /** Adds the document paths an operand reads to {@code out}. */
    static void paths(Operand o, java.util.List<Path> out) {
        if (o instanceof PathOperand p) {
            out.add(p.path());
        } else if (o instanceof Size s) {
            paths(s.of(), out);
        } else if (o instanceof IfNotExists i) {
            out.add(i.path());
            paths(i.fallback(), out);
        } else if (o instanceof ListAppend l) {
            paths(l.first(), out);
            paths(l.second(), out);
        } else if (o instanceof Arithmetic a) {
            paths(a.left(), out);
            paths(a.right(), out);
        }
    }

    /** A document path. */
    record PathOperand(Path path) implements Operand {
        @Override
        public AttributeValue value(Map<String, AttributeValue> item) {
            return path.get(item);
        }
    }

    /** An expression attribute value ({@code :v}), or a value of a legacy parameter. */
    record Literal(AttributeValue literal) implements Operand {
        @Override
        public AttributeValue value(Map<String, AttributeValue> item) {
            return literal;
        }
    }

    /** {@code size(path)}: a string's characters, a binary's bytes, a set's, list's or map's elements. */
    record Size(Operand of) implements Operand {
        @Override
        public AttributeValue value(Map<String, AttributeValue> item) {
            AttributeValue v = of.value(item);
            if (v == null) {
                return null;
            }
            long n = switch (AttributeValues.typeOf(v)) {
                case S -> v.s().codePointCount(0, v.s().length());
                case B -> v.b().asByteArrayUnsafe().length;
                case SS -> v.ss().size();
                case NS -> v.ns().size();
                case BS -> v.bs().size();
                case L -> v.l().size();
                case M -> v.m().size();
                default -> -1;
            };
            return n < 0 ? null : AttributeValue.fromN(Long.toString(n));
        }
    }

    /** {@code if_not_exists(path, operand)}. */
    record IfNotExists(Path path, Operand fallback) implements Operand {
        @Override
        public AttributeValue value(Map<String, AttributeValue> item) {
            AttributeValue v = path.get(item);
            return v != null ? v : defined(fallback.value(item));
        }
    }

    /** {@code list_append(list1, list2)}. */
    record ListAppend(Operand first, Operand second) implements Operand {
        @Override
        public AttributeValue value(Map<String, AttributeValue> item) {
            AttributeValue a = defined(first.value(item));
            AttributeValue b = defined(second.value(item));
            if (!a.hasL() || !b.hasL()) {
                throw AwsException.validation(WRONG_TYPE);
            }
            List<AttributeValue> l = new ArrayList<>(a.l());
            l.addAll(b.l());
            return AttributeValue.fromL(l);
        }
    }

    /** {@code a + b} or {@code a - b} of two numbers. */
    record Arithmetic(Operand left, boolean plus, Operand right) implements Operand {
        @Override
        public AttributeValue value(Map<String, AttributeValue> item) {
            AttributeValue a = defined(left.value(item));
            AttributeValue b = defined(right.value(item));
            if (a.n() == null || b.n() == null) {
                throw AwsException.validation(WRONG_TYPE);
            }
            BigDecimal x = AttributeValues.number(a.n());
            BigDecimal y = AttributeValues.number(b.n());
            return number(plus ? x.add(y) : x.subtract(y));
        }
    }

    /** A computed number, checked against DynamoDB's range and precision. */
    static AttributeValue number(BigDecimal d) {
        BigDecimal r = d.round(AttributeValues.PRECISION);
        if (r.compareTo(d) != 0) {
            throw AwsException.validation("Number overflow. Attempting to store a number with magnitude larger than supported range");
        }
        String problem = ValueRules.magnitudeProblem(r);
        if (problem != null) {
            throw AwsException.validation(problem);
        }
        return AttributeValue.fromN(AttributeValues.normalise(r));
    }

    private static AttributeValue defined(AttributeValue v) {
        if (v == null) {
            throw AwsException.validation(UNDEFINED);
        }
        return v;
    }
}
