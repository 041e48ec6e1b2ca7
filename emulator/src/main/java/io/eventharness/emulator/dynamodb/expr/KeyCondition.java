package io.eventharness.emulator.dynamodb.expr;

import io.eventharness.emulator.core.AwsException;
import io.eventharness.emulator.dynamodb.expr.Condition.Comparator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A Query's key condition taken apart: the partition key's value (equality is the only condition a partition key
 * takes) and the sort key's condition ({@code = < <= > >= BETWEEN begins_with}), or none.
 *
 * @param partition the partition key's value
 * @param sort      the condition on the sort key, its key attribute on the left; null for the whole partition
 * @param sortValues the values the sort key is compared with, for the caller's type checks against the schema
 */
public record KeyCondition(AttributeValue partition, Condition sort, List<AttributeValue> sortValues) {
    private static final String PREFIX = "Invalid condition in KeyConditionExpression: ";

    /** A key condition taken apart by attribute, checked in itself but not yet against a key schema. */
    public record Parts(Map<String, Condition> byKey, Map<String, List<AttributeValue>> values) {
    }

    /**
     * Takes a parsed condition apart: one condition per key attribute, each a comparison of a top-level attribute
     * with values, ANDed; anything else is refused as DynamoDB refuses it.
     */
    public static Parts parts(Condition c) {
        Map<String, Condition> byKey = new LinkedHashMap<>();
        Map<String, List<AttributeValue>> values = new LinkedHashMap<>();
        collect(c, byKey, values);
        if (byKey.size() > 2) {
            throw AwsException.validation("Conditions can be of length 1 or 2 only");
        }
        return new Parts(byKey, values);
    }

    /**
     * The key condition for a key schema (the table's or an index's; {@code range} and {@code rangeType} may be
     * null): the partition key compared for equality, the sort key at most once, the values of the keys' types.
     */
    public static KeyCondition of(Parts parts, String hash, String hashType, String range, String rangeType) {
        Map<String, Condition> byKey = parts.byKey();
        int n = byKey.size();
        if (range == null && n > 1) {
            throw AwsException.validation("Query key condition not supported");
        }
        Condition onHash = byKey.get(hash);
        if (onHash == null) {
            throw AwsException.validation("Query condition missed key schema element: " + hash);
        }
        checkTypes(parts.values().get(hash), hashType);
        if (!(onHash instanceof Condition.Compare cmp) || cmp.op() != Comparator.EQ) {
            throw AwsException.validation("Query key condition not supported");
        }
        if (range != null) {
            if (!byKey.containsKey(range) && n > 1) {
                throw AwsException.validation("Query condition missed key schema element: " + range);
            }
            if (byKey.containsKey(range)) {
                checkTypes(parts.values().get(range), rangeType);
            }
        }
        return new KeyCondition(((Operand.Literal) cmp.right()).literal(), range == null ? null : byKey.get(range),
                range == null ? List.of() : parts.values().getOrDefault(range, List.of()));
    }

    private static void checkTypes(List<AttributeValue> values, String type) {
        for (AttributeValue v : values) {
            if (!AttributeValues.typeOf(v).name().equals(type)) {
                throw AwsException.validation("One or more parameter values were invalid: Condition parameter type does not match schema type");
            }
        }
    }

    /** Whether the item's sort key meets the condition. */
    public boolean sortMatches(Map<String, AttributeValue> item) {
        return sort == null || sort.test(item);
    }

    private static void collect(Condition c, Map<String, Condition> byKey, Map<String, List<AttributeValue>> byKeyValues) {
        List<AttributeValue> values = new ArrayList<>();
        if (c instanceof Condition.And and) {
            collect(and.left(), byKey, byKeyValues);
            collect(and.right(), byKey, byKeyValues);
            return;
        }
        List<Operand> args;
        if (c instanceof Condition.Compare cmp) {
            if (cmp.op() == Comparator.NE) {
                throw invalidOperator("<>");
            }
            args = List.of(cmp.left(), cmp.right());
        } else if (c instanceof Condition.Between b) {
            if (!(b.operand() instanceof Operand.PathOperand)) {
                throw AwsException.validation(PREFIX + "BETWEEN operator must have the key attribute as its first operand");
            }
            args = List.of(b.operand(), b.low(), b.high());
        } else if (c instanceof Condition.BeginsWith bw) {
            if (!(bw.operand() instanceof Operand.PathOperand)) {
                throw AwsException.validation(PREFIX + "begins_with operator must have the key attribute as its first operand");
            }
            args = List.of(bw.operand(), bw.prefix());
        } else {
            throw invalidOperator(operatorOf(c));
        }
        String name = null;
        int at = -1;
        for (int i = 0; i < args.size(); i++) {
            Operand a = args.get(i);
            if (a instanceof Operand.PathOperand p) {
                if (name != null) {
                    throw AwsException.validation(PREFIX + "Multiple attribute names used in one condition");
                }
                if (!p.path().isTopLevel()) {
                    throw AwsException.validation("KeyConditionExpressions cannot have conditions on nested attributes");
                }
                name = p.path().head();
                at = i;
            } else if (a instanceof Operand.Size) {
                throw AwsException.validation("KeyConditionExpressions cannot contain nested operations");
            }
        }
        if (name == null) {
            throw AwsException.validation(PREFIX + "No key attribute specified");
        }
        for (int i = 0; i < args.size(); i++) {
            if (i != at) {
                values.add(((Operand.Literal) args.get(i)).literal());
            }
        }
        Condition normal = c;
        if (c instanceof Condition.Compare cmp && at == 1) {
            normal = new Condition.Compare(cmp.right(), flipped(cmp.op()), cmp.left());
        }
        byKeyValues.put(name, values);
        if (byKey.put(name, normal) != null) {
            throw AwsException.validation("KeyConditionExpressions must only contain one condition per key");
        }
    }

    private static Comparator flipped(Comparator op) {
        return switch (op) {
            case LT -> Comparator.GT;
            case LE -> Comparator.GE;
            case GT -> Comparator.LT;
            case GE -> Comparator.LE;
            default -> op;
        };
    }

    private static String operatorOf(Condition c) {
        if (c instanceof Condition.Or) {
            return "OR";
        } else if (c instanceof Condition.Not) {
            return "NOT";
        } else if (c instanceof Condition.In) {
            return "IN";
        } else if (c instanceof Condition.AttributeExists) {
            return "attribute_exists";
        } else if (c instanceof Condition.AttributeNotExists) {
            return "attribute_not_exists";
        } else if (c instanceof Condition.AttributeType) {
            return "attribute_type";
        }
        return "contains";
    }

    private static AwsException invalidOperator(String op) {
        return AwsException.validation("Invalid operator used in KeyConditionExpression: " + op);
    }
}
