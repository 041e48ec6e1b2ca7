package io.eventharness.emulator.dynamodb;

import io.eventharness.emulator.dynamodb.expr.AttributeValues;
import io.eventharness.emulator.dynamodb.expr.Condition;
import io.eventharness.emulator.dynamodb.expr.Condition.Comparator;
import io.eventharness.emulator.dynamodb.expr.KeyCondition;
import io.eventharness.emulator.dynamodb.expr.Operand;
import io.eventharness.emulator.dynamodb.expr.Path;
import io.eventharness.emulator.dynamodb.expr.UpdateExpression;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeAction;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.AttributeValueUpdate;
import software.amazon.awssdk.services.dynamodb.model.ComparisonOperator;
import software.amazon.awssdk.services.dynamodb.model.ConditionalOperator;
import software.amazon.awssdk.services.dynamodb.model.ExpectedAttributeValue;

/**
 * The legacy conditional parameters (Expected, KeyConditions, QueryFilter, ScanFilter, AttributesToGet,
 * AttributeUpdates, ConditionalOperator), which the DynamoDBMapper of SDK v1 and older code still send, turned into
 * the expressions they are equivalent to, with DynamoDB's checks and messages.
 */
final class Legacy {
    private static final String INVALID = "One or more parameter values were invalid: ";

    private Legacy() {
    }

    /** Expected (PutItem, UpdateItem, DeleteItem); null when absent. */
    static Condition expected(Map<String, ExpectedAttributeValue> expected, ConditionalOperator op) {
        if (expected == null || expected.isEmpty()) {
            return null;
        }
        new Constraints().noNulls(expected, "expected").check();
        List<Condition> all = new ArrayList<>();
        expected.forEach((name, e) -> all.add(expectation(name, e)));
        return combine(all, op);
    }

    private static Condition expectation(String name, ExpectedAttributeValue e) {
        boolean hasList = e.hasAttributeValueList();
        if (hasList && e.value() != null) {
            throw DynamoDbErrors.validation(INVALID + "Value and AttributeValueList cannot be used together for Attribute: " + name);
        }
        if (e.comparisonOperator() != null) {
            if (hasList && e.value() != null) {
                throw DynamoDbErrors.validation(INVALID + "Value and AttributeValueList cannot be used together for Attribute: " + name);
            }
            if (e.exists() != null) {
                throw DynamoDbErrors.validation(INVALID + "Exists and ComparisonOperator cannot be used together for Attribute: " + name);
            }
            List<AttributeValue> values = hasList ? e.attributeValueList() : e.value() == null ? List.of() : List.of(e.value());
            if (!Set.of(ComparisonOperator.NULL, ComparisonOperator.NOT_NULL).contains(e.comparisonOperator()) && !hasList && e.value() == null) {
                throw DynamoDbErrors.validation(INVALID + "Value or AttributeValueList must be used with ComparisonOperator: "
                        + e.comparisonOperatorAsString() + " for Attribute: " + name);
            }
            return comparison(name, e.comparisonOperator(), e.comparisonOperatorAsString(), values);
        }
        if (hasList) {
            throw DynamoDbErrors.validation(INVALID + "AttributeValueList can only be used with a ComparisonOperator for Attribute: " + name);
        }
        boolean exists = e.exists() == null || e.exists();
        if (exists && e.value() == null) {
            throw DynamoDbErrors.validation(INVALID + "Value must be provided when Exists is " + (e.exists() == null ? "null" : "true")
                    + " for Attribute: " + name);
        }
        if (!exists && e.value() != null) {
            throw DynamoDbErrors.validation(INVALID + "Value cannot be used when Exists is false for Attribute: " + name);
        }
        if (!exists) {
            return new Condition.AttributeNotExists(Path.of(name));
        }
        return new Condition.Compare(path(name), Comparator.EQ, literal(e.value()));
    }

    /** QueryFilter or ScanFilter; null when absent. */
    static Condition filter(Map<String, software.amazon.awssdk.services.dynamodb.model.Condition> filter, ConditionalOperator op) {
        if (filter == null || filter.isEmpty()) {
            return null;
        }
        new Constraints().noNulls(filter, "filter").check();
        List<Condition> all = new ArrayList<>();
        filter.forEach((name, c) -> all.add(comparison(name, c.comparisonOperator(), c.comparisonOperatorAsString(),
                c.hasAttributeValueList() ? c.attributeValueList() : List.of())));
        return combine(all, op);
    }

    /**
     * KeyConditions of a Query, by attribute (checked against the key schema queried later; so are the operators, once
     * the table is found).
     */
    static KeyCondition.Parts keyConditions(Map<String, software.amazon.awssdk.services.dynamodb.model.Condition> conditions) {
        new Constraints().noNulls(conditions, "keyConditions").check();
        Map<String, Condition> byKey = new java.util.LinkedHashMap<>();
        Map<String, List<AttributeValue>> values = new java.util.LinkedHashMap<>();
        for (var e : conditions.entrySet()) {
            List<AttributeValue> given = e.getValue().hasAttributeValueList() ? e.getValue().attributeValueList() : List.of();
            byKey.put(e.getKey(), comparison(e.getKey(), e.getValue().comparisonOperator(), e.getValue().comparisonOperatorAsString(), given));
            values.put(e.getKey(), given.stream().map(AttributeValues::valid).toList());
        }
        if (conditions.isEmpty() || conditions.size() > 2) {
            throw DynamoDbErrors.validation("Conditions can be of length 1 or 2 only");
        }
        return new KeyCondition.Parts(byKey, values);
    }

    /** The attributes whose KeyConditions use an operator a key cannot be searched by (refused once the table is found). */
    static Set<String> notIndexable(Map<String, software.amazon.awssdk.services.dynamodb.model.Condition> conditions) {
        Set<String> out = new HashSet<>();
        conditions.forEach((name, c) -> {
            if (!Set.of(ComparisonOperator.EQ, ComparisonOperator.LE, ComparisonOperator.LT, ComparisonOperator.GE,
                    ComparisonOperator.GT, ComparisonOperator.BEGINS_WITH, ComparisonOperator.BETWEEN).contains(c.comparisonOperator())) {
                out.add(name);
            }
        });
        return out;
    }

    /** AttributesToGet as a projection; null when absent. */
    static List<Path> attributesToGet(List<String> names) {
        if (names == null) {
            return null;
        }
        new Constraints().noNulls(names, "attributesToGet").check();
        Set<String> seen = new HashSet<>();
        for (String n : names) {
            if (!seen.add(n)) {
                throw DynamoDbErrors.validation(INVALID + "Duplicate value in attribute name: " + n);
            }
        }
        return names.stream().map(Path::of).toList();
    }

    /** AttributeUpdates (UpdateItem): PUT, ADD and DELETE actions on top-level attributes. */
    static UpdateExpression attributeUpdates(Map<String, AttributeValueUpdate> updates) {
        new Constraints().noNulls(updates, "attributeUpdates").check();
        List<UpdateExpression.Action> actions = new ArrayList<>();
        updates.forEach((name, u) -> {
            AttributeAction action = u.action() == null ? AttributeAction.PUT : u.action();
            AttributeValue v = u.value() == null ? null : AttributeValues.valid(u.value());
            Path p = Path.of(name);
            switch (action) {
                case PUT -> {
                    if (v == null) {
                        throw DynamoDbErrors.validation(INVALID + "Only DELETE action is allowed when no attribute value is specified");
                    }
                    actions.add(new UpdateExpression.Set(p, new Operand.Literal(v)));
                }
                case DELETE -> {
                    if (v == null) {
                        actions.add(new UpdateExpression.Remove(p));
                    } else if (!AttributeValues.typeOf(v).isSet()) {
                        throw DynamoDbErrors.validation(INVALID + "DELETE action with value is not supported for the type " + AttributeValues.typeOf(v));
                    } else {
                        actions.add(new UpdateExpression.Delete(p, v));
                    }
                }
                case ADD -> {
                    if (v == null) {
                        throw DynamoDbErrors.validation(INVALID + "Only DELETE action is allowed when no attribute value is specified");
                    }
                    AttributeValues.Type t = AttributeValues.typeOf(v);
                    if (t == AttributeValues.Type.L) {
                        actions.add(new UpdateExpression.Set(p, new Operand.ListAppend(
                                new Operand.IfNotExists(p, new Operand.Literal(AttributeValue.fromL(List.of()))), new Operand.Literal(v))));
                    } else if (t == AttributeValues.Type.N || t.isSet()) {
                        actions.add(new UpdateExpression.Add(p, v));
                    } else {
                        throw DynamoDbErrors.validation(INVALID + "ADD action is not supported for the type " + t);
                    }
                }
                default -> throw DynamoDbErrors.constraint(u.actionAsString(), "attributeUpdates." + name + ".member.action",
                        "Member must satisfy enum value set: [ADD, PUT, DELETE]");
            }
        });
        return UpdateExpression.ofAttributeUpdates(actions);
    }

    private static Condition comparison(String name, ComparisonOperator op, String text, List<AttributeValue> given) {
        if (op == null || op == ComparisonOperator.UNKNOWN_TO_SDK_VERSION) {
            throw DynamoDbErrors.constraint(text, "comparisonOperator", text == null ? "Member must not be null"
                    : "Member must satisfy enum value set: [IN, NULL, BETWEEN, LT, NOT_CONTAINS, EQ, GT, NOT_NULL, NE, LE, BEGINS_WITH, GE, CONTAINS]");
        }
        List<AttributeValue> values = given.stream().map(AttributeValues::valid).toList();
        int n = values.size();
        boolean countOk = switch (op) {
            case NULL, NOT_NULL -> n == 0;
            case IN -> n > 0;
            case BETWEEN -> n == 2;
            default -> n == 1;
        };
        if (!countOk) {
            throw DynamoDbErrors.validation(INVALID + "Invalid number of argument(s) for the " + op + " ComparisonOperator");
        }
        if (n > 0 && values.stream().anyMatch(v -> AttributeValues.typeOf(v) != AttributeValues.typeOf(values.get(0)))) {
            throw DynamoDbErrors.validation(INVALID + "AttributeValues inside AttributeValueList must be of same type");
        }
        Set<String> types = switch (op) {
            case EQ, NE -> Set.of("S", "N", "B", "SS", "NS", "BS", "L", "M", "BOOL", "NULL");
            case BEGINS_WITH -> Set.of("S", "B");
            default -> Set.of("S", "N", "B");
        };
        for (AttributeValue v : values) {
            if (!types.contains(AttributeValues.typeOf(v).name())) {
                throw DynamoDbErrors.validation(INVALID + "ComparisonOperator " + op + " is not valid for " + AttributeValues.typeOf(v)
                        + " AttributeValue type");
            }
        }
        if (op == ComparisonOperator.BETWEEN && AttributeValues.compare(values.get(0), values.get(1)) > 0) {
            throw DynamoDbErrors.validation("The BETWEEN condition was provided a range where the lower bound is greater than the upper bound");
        }
        Operand p = path(name);
        return switch (op) {
            case EQ -> new Condition.Compare(p, Comparator.EQ, literal(values.get(0)));
            case NE -> new Condition.Compare(p, Comparator.NE, literal(values.get(0)));
            case LE -> new Condition.Compare(p, Comparator.LE, literal(values.get(0)));
            case LT -> new Condition.Compare(p, Comparator.LT, literal(values.get(0)));
            case GE -> new Condition.Compare(p, Comparator.GE, literal(values.get(0)));
            case GT -> new Condition.Compare(p, Comparator.GT, literal(values.get(0)));
            case NOT_NULL -> new Condition.AttributeExists(Path.of(name));
            case NULL -> new Condition.AttributeNotExists(Path.of(name));
            case CONTAINS -> new Condition.Contains(p, literal(values.get(0)));
            case NOT_CONTAINS -> new Condition.Not(new Condition.Contains(p, literal(values.get(0))));
            case BEGINS_WITH -> new Condition.BeginsWith(p, literal(values.get(0)));
            case IN -> new Condition.In(p, values.stream().map(Legacy::literal).map(Operand.class::cast).toList());
            default -> new Condition.Between(p, literal(values.get(0)), literal(values.get(1)));
        };
    }

    private static Condition combine(List<Condition> all, ConditionalOperator op) {
        Condition c = all.get(0);
        for (int i = 1; i < all.size(); i++) {
            c = op == ConditionalOperator.OR ? new Condition.Or(c, all.get(i)) : new Condition.And(c, all.get(i));
        }
        return c;
    }

    private static Operand path(String name) {
        return new Operand.PathOperand(Path.of(name));
    }

    private static Operand.Literal literal(AttributeValue v) {
        return new Operand.Literal(v);
    }
}
