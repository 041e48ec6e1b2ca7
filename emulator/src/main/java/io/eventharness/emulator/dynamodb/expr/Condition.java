package io.eventharness.emulator.dynamodb.expr;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A condition of a {@code ConditionExpression}, {@code FilterExpression} or {@code KeyConditionExpression} (or of the
 * legacy {@code Expected}, {@code QueryFilter}, {@code ScanFilter}), evaluated against an item as
 * <a href="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Expressions.OperatorsAndFunctions.html">the
 * developer guide</a> defines it. An operand the item lacks makes a comparison false ({@code <>}: true).
 */
public sealed interface Condition {

    boolean test(Map<String, AttributeValue> item);

    /** The document paths a condition reads. */
    static java.util.List<Path> paths(Condition c) {
        java.util.List<Path> out = new java.util.ArrayList<>();
        collect(c, out);
        return out;
    }

    private static void collect(Condition c, java.util.List<Path> out) {
        if (c instanceof Compare x) {
            Operand.paths(x.left(), out);
            Operand.paths(x.right(), out);
        } else if (c instanceof Between x) {
            Operand.paths(x.operand(), out);
            Operand.paths(x.low(), out);
            Operand.paths(x.high(), out);
        } else if (c instanceof In x) {
            Operand.paths(x.operand(), out);
            x.candidates().forEach(o -> Operand.paths(o, out));
        } else if (c instanceof And x) {
            collect(x.left(), out);
            collect(x.right(), out);
        } else if (c instanceof Or x) {
            collect(x.left(), out);
            collect(x.right(), out);
        } else if (c instanceof Not x) {
            collect(x.inner(), out);
        } else if (c instanceof AttributeExists x) {
            out.add(x.path());
        } else if (c instanceof AttributeNotExists x) {
            out.add(x.path());
        } else if (c instanceof AttributeType x) {
            Operand.paths(x.operand(), out);
        } else if (c instanceof BeginsWith x) {
            Operand.paths(x.operand(), out);
            Operand.paths(x.prefix(), out);
        } else if (c instanceof Contains x) {
            Operand.paths(x.operand(), out);
            Operand.paths(x.element(), out);
        }
    }

    /** The comparators. */
    enum Comparator {
        EQ("="), NE("<>"), LT("<"), LE("<="), GT(">"), GE(">=");

        final String symbol;

        Comparator(String symbol) {
            this.symbol = symbol;
        }

        boolean holds(AttributeValue a, AttributeValue b) {
            if (this == EQ || this == NE) {
                boolean eq = a != null && b != null && AttributeValues.equal(a, b);
                return this == EQ ? eq : !eq;
            }
            if (a == null || b == null || !AttributeValues.ordered(a) || AttributeValues.typeOf(a) != AttributeValues.typeOf(b)) {
                return false;
            }
            int c = AttributeValues.compare(a, b);
            return switch (this) {
                case LT -> c < 0;
                case LE -> c <= 0;
                case GT -> c > 0;
                default -> c >= 0;
            };
        }
    }

    record Compare(Operand left, Comparator op, Operand right) implements Condition {
        @Override
        public boolean test(Map<String, AttributeValue> item) {
            return op.holds(left.value(item), right.value(item));
        }
    }

    record Between(Operand operand, Operand low, Operand high) implements Condition {
        @Override
        public boolean test(Map<String, AttributeValue> item) {
            AttributeValue v = operand.value(item);
            return Comparator.GE.holds(v, low.value(item)) && Comparator.LE.holds(v, high.value(item));
        }
    }

    record In(Operand operand, List<Operand> candidates) implements Condition {
        @Override
        public boolean test(Map<String, AttributeValue> item) {
            AttributeValue v = operand.value(item);
            return v != null && candidates.stream().anyMatch(c -> AttributeValues.equal(v, c.value(item)));
        }
    }

    record And(Condition left, Condition right) implements Condition {
        @Override
        public boolean test(Map<String, AttributeValue> item) {
            return left.test(item) && right.test(item);
        }
    }

    record Or(Condition left, Condition right) implements Condition {
        @Override
        public boolean test(Map<String, AttributeValue> item) {
            return left.test(item) || right.test(item);
        }
    }

    record Not(Condition inner) implements Condition {
        @Override
        public boolean test(Map<String, AttributeValue> item) {
            return !inner.test(item);
        }
    }

    record AttributeExists(Path path) implements Condition {
        @Override
        public boolean test(Map<String, AttributeValue> item) {
            return path.get(item) != null;
        }
    }

    record AttributeNotExists(Path path) implements Condition {
        @Override
        public boolean test(Map<String, AttributeValue> item) {
            return path.get(item) == null;
        }
    }

    record AttributeType(Operand operand, Operand type) implements Condition {
        @Override
        public boolean test(Map<String, AttributeValue> item) {
            AttributeValue v = operand.value(item);
            AttributeValue t = type.value(item);
            return v != null && t != null && t.s() != null && AttributeValues.typeOf(v).name().equals(t.s());
        }
    }

    record BeginsWith(Operand operand, Operand prefix) implements Condition {
        @Override
        public boolean test(Map<String, AttributeValue> item) {
            AttributeValue v = operand.value(item);
            AttributeValue p = prefix.value(item);
            if (v == null || p == null) {
                return false;
            }
            if (v.s() != null && p.s() != null) {
                return v.s().startsWith(p.s());
            }
            if (v.b() != null && p.b() != null) {
                byte[] a = v.b().asByteArrayUnsafe();
                byte[] b = p.b().asByteArrayUnsafe();
                return a.length >= b.length && Arrays.equals(a, 0, b.length, b, 0, b.length);
            }
            return false;
        }
    }

    /** {@code contains}: a substring of a string, a subsequence of a binary, a member of a set or a list. */
    record Contains(Operand operand, Operand element) implements Condition {
        @Override
        public boolean test(Map<String, AttributeValue> item) {
            AttributeValue v = operand.value(item);
            AttributeValue e = element.value(item);
            if (v == null || e == null) {
                return false;
            }
            return switch (AttributeValues.typeOf(v)) {
                case S -> e.s() != null && v.s().contains(e.s());
                case B -> e.b() != null && indexOf(v.b(), e.b());
                case SS -> e.s() != null && v.ss().contains(e.s());
                case BS -> e.b() != null && new HashSet<>(v.bs()).contains(e.b());
                case NS -> e.n() != null && v.ns().stream().anyMatch(n -> AttributeValues.number(n).compareTo(AttributeValues.number(e.n())) == 0);
                case L -> v.l().stream().anyMatch(x -> AttributeValues.equal(x, e));
                default -> false;
            };
        }

        private static boolean indexOf(SdkBytes hay, SdkBytes needle) {
            byte[] h = hay.asByteArrayUnsafe();
            byte[] n = needle.asByteArrayUnsafe();
            outer:
            for (int i = 0; i + n.length <= h.length; i++) {
                for (int j = 0; j < n.length; j++) {
                    if (h[i + j] != n[j]) {
                        continue outer;
                    }
                }
                return true;
            }
            return false;
        }
    }
}
