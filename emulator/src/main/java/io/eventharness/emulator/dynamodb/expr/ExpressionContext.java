package io.eventharness.emulator.dynamodb.expr;

import io.eventharness.emulator.core.AwsException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The {@code ExpressionAttributeNames} and {@code ExpressionAttributeValues} of one request, shared by all its
 * expressions: validated as DynamoDB validates them, and checked after parsing for placeholders no expression used
 * (DynamoDB refuses those).
 */
public final class ExpressionContext {
    private static final Pattern NAME_KEY = Pattern.compile("#[0-9a-zA-Z_]+");
    private static final Pattern VALUE_KEY = Pattern.compile(":[0-9a-zA-Z_]+");

    private final Map<String, String> names;
    private final Map<String, AttributeValue> values;
    private final Set<String> unusedNames;
    private final Set<String> unusedValues;

    private ExpressionContext(Map<String, String> names, Map<String, AttributeValue> values) {
        this.names = names;
        this.values = values;
        this.unusedNames = new LinkedHashSet<>(names.keySet());
        this.unusedValues = new LinkedHashSet<>(values.keySet());
    }

    /**
     * The placeholders of a request; {@code null} maps mean none were sent (an empty map sent is refused, as
     * DynamoDB does).
     */
    public static ExpressionContext of(Map<String, String> names, Map<String, AttributeValue> values) {
        if (names != null) {
            if (names.isEmpty()) {
                throw AwsException.validation("ExpressionAttributeNames must not be empty");
            }
            for (String k : names.keySet()) {
                if (!NAME_KEY.matcher(k).matches()) {
                    throw AwsException.validation("ExpressionAttributeNames contains invalid key: Syntax error; key: \"" + k + "\"");
                }
            }
        }
        Map<String, AttributeValue> vals = new LinkedHashMap<>();
        if (values != null) {
            if (values.isEmpty()) {
                throw AwsException.validation("ExpressionAttributeValues must not be empty");
            }
            for (String k : values.keySet()) {
                if (!VALUE_KEY.matcher(k).matches()) {
                    throw AwsException.validation("ExpressionAttributeValues contains invalid key: Syntax error; key: \"" + k + "\"");
                }
            }
            for (var e : values.entrySet()) {
                String problem = AttributeValues.problem(e.getValue());
                if (problem != null) {
                    throw AwsException.validation("ExpressionAttributeValues contains invalid value: " + problem + " for key " + e.getKey());
                }
                vals.put(e.getKey(), AttributeValues.valid(e.getValue()));
            }
        }
        return new ExpressionContext(names == null ? Map.of() : names, vals);
    }

    /** No placeholders (for expressions built from the legacy parameters). */
    public static ExpressionContext empty() {
        return new ExpressionContext(Map.of(), Map.of());
    }

    /** The attribute name a {@code #name} stands for; null when undefined. */
    String name(String placeholder) {
        String n = names.get(placeholder);
        if (n != null) {
            unusedNames.remove(placeholder);
        }
        return n;
    }

    /** The value a {@code :value} stands for; null when undefined. */
    AttributeValue value(String placeholder) {
        AttributeValue v = values.get(placeholder);
        if (v != null) {
            unusedValues.remove(placeholder);
        }
        return v;
    }

    /** After all expressions of the request are parsed: refuses placeholders none of them used. */
    public void checkAllUsed() {
        if (!unusedNames.isEmpty()) {
            throw AwsException.validation("Value provided in ExpressionAttributeNames unused in expressions: keys: {"
                    + String.join(", ", unusedNames) + "}");
        }
        if (!unusedValues.isEmpty()) {
            throw AwsException.validation("Value provided in ExpressionAttributeValues unused in expressions: keys: {"
                    + String.join(", ", unusedValues) + "}");
        }
    }
}
