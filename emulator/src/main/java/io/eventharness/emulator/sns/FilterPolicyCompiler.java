package io.eventharness.emulator.sns;

import com.fasterxml.jackson.databind.JsonNode;
import io.eventharness.emulator.sns.FilterCondition.AnythingBut;
import io.eventharness.emulator.sns.FilterCondition.Cidr;
import io.eventharness.emulator.sns.FilterCondition.EqualsIgnoreCase;
import io.eventharness.emulator.sns.FilterCondition.Exact;
import io.eventharness.emulator.sns.FilterCondition.Exists;
import io.eventharness.emulator.sns.FilterCondition.Numeric;
import io.eventharness.emulator.sns.FilterCondition.Prefix;
import io.eventharness.emulator.sns.FilterCondition.Suffix;
import io.eventharness.emulator.sns.FilterPolicy.Clause;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a filter policy's JSON into alternatives of clauses, failing as SNS fails: the rule checks of
 * AWS's rule compiler (messages as SNS returns them) and the limits of "Filter policy constraints" in
 * the SNS developer guide — at most 5 keys, at most 150 combinations, no nesting for attributes.
 */
final class FilterPolicyCompiler {
    private static final int MAX_KEYS = 5;
    private static final int MAX_COMBINATIONS = 150;

    private final String scope;
    private final String prefix;

    FilterPolicyCompiler(String scope, String prefix) {
        this.scope = scope;
        this.prefix = prefix;
    }

    /** The alternatives of the policy {@code root}, checked against the limits. */
    List<List<Clause>> compile(JsonNode root) {
        if (root == null || !root.isObject()) {
            throw error("Filter policy must be a JSON object");
        }
        List<List<Clause>> alts = object(root, null, new ArrayList<>(List.of(new ArrayList<>())));
        Set<String> keys = new LinkedHashSet<>();
        long combinations = 0;
        for (List<Clause> alt : alts) {
            long product = 1;
            for (Clause cl : alt) {
                keys.add(cl.path());
                product *= cl.conditions().size();
            }
            combinations += alt.isEmpty() ? 0 : product;
        }
        if (keys.size() > MAX_KEYS) {
            throw error("Filter policy can not have more than " + MAX_KEYS + " keys");
        }
        if (combinations > MAX_COMBINATIONS) {
            throw error("Filter policy is too complex");
        }
        return alts;
    }

    private RuntimeException error(String reason) {
        return SnsErrors.invalidParameter(prefix + "FilterPolicy: " + reason);
    }

    private List<List<Clause>> object(JsonNode obj, String parent, List<List<Clause>> branches) {
        for (Iterator<Map.Entry<String, JsonNode>> it = obj.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            String key = f.getKey();
            JsonNode v = f.getValue();
            if (key.equals("$or") && v.isArray()) {
                if (v.size() < 2) {
                    throw error("Or relationship must have at least 2 alternatives");
                }
                List<List<Clause>> next = new ArrayList<>();
                for (JsonNode alt : v) {
                    if (!alt.isObject()) {
                        throw error("\"$or\" must be an array of objects");
                    }
                    List<List<Clause>> copies = new ArrayList<>();
                    branches.forEach(b -> copies.add(new ArrayList<>(b)));
                    next.addAll(object(alt, parent, copies));
                }
                branches = next;
                continue;
            }
            String path = parent == null ? key : parent + "." + key;
            if (v.isObject()) {
                if (!FilterPolicy.BODY.equals(scope)) {
                    throw SnsErrors.invalidParameter(prefix + "Filter policy scope MessageAttributes does not support nested filter policy");
                }
                branches = object(v, path, branches);
            } else if (v.isArray()) {
                if (v.isEmpty()) {
                    throw error("Empty arrays are not allowed");
                }
                List<FilterCondition> conditions = new ArrayList<>();
                v.forEach(rule -> conditions.add(rule(rule)));
                branches.forEach(b -> b.add(new Clause(path, conditions)));
            } else {
                throw error("\"" + key + "\" must be an object or an array");
            }
        }
        return branches;
    }

    private FilterCondition rule(JsonNode rule) {
        if (rule.isValueNode()) {
            return new Exact(rule);
        }
        if (!rule.isObject()) {
            throw error("Match value must be String, number, true, false, or null");
        }
        if (rule.size() != 1) {
            throw error("Only one key allowed in match expression");
        }
        Map.Entry<String, JsonNode> op = rule.fields().next();
        JsonNode v = op.getValue();
        switch (op.getKey()) {
            case "prefix", "suffix", "equals-ignore-case":
                return text(op.getKey(), v);
            case "anything-but":
                return anythingBut(v);
            case "exists":
                if (!v.isBoolean()) {
                    throw error("exists match pattern must be either true or false.");
                }
                return new Exists(v.booleanValue());
            case "numeric":
                return numeric(v);
            case "cidr":
                return cidr(v);
            default:
                throw error("Unrecognized match type " + op.getKey());
        }
    }

    private FilterCondition text(String op, JsonNode v) {
        if (!v.isTextual()) {
            throw error(op + " match pattern must be a string");
        }
        return switch (op) {
            case "prefix" -> new Prefix(v.textValue());
            case "suffix" -> new Suffix(v.textValue());
            default -> new EqualsIgnoreCase(v.textValue());
        };
    }

    private FilterCondition anythingBut(JsonNode v) {
        List<FilterCondition> excluded = new ArrayList<>();
        if (v.isTextual() || v.isNumber()) {
            excluded.add(new Exact(v));
        } else if (v.isArray() && !v.isEmpty()) {
            for (JsonNode e : v) {
                if (!e.isTextual() && !e.isNumber()) {
                    throw error("Inside anything but list, start|null|boolean is not supported.");
                }
                excluded.add(new Exact(e));
            }
        } else if (v.isObject() && v.size() == 1) {
            Map.Entry<String, JsonNode> inner = v.fields().next();
            String op = inner.getKey();
            if (!op.equals("prefix") && !op.equals("suffix") && !op.equals("equals-ignore-case")) {
                throw error("Unsupported anything-but pattern: " + op);
            }
            if (op.equals("equals-ignore-case") && inner.getValue().isArray()) {
                inner.getValue().forEach(e -> excluded.add(text(op, e)));
            } else {
                excluded.add(text(op, inner.getValue()));
            }
        } else {
            throw error("Value of anything-but must be an array or single string/number value.");
        }
        return new AnythingBut(excluded);
    }

    /** {@code ["=", 5]}, {@code [">", 0]}, {@code [">", 0, "<=", 5]}, as AWS's rule compiler accepts them. */
    private FilterCondition numeric(JsonNode v) {
        if (!v.isArray() || v.isEmpty()) {
            throw error("Invalid member in numeric match: ]");
        }
        List<String> ops = new ArrayList<>();
        List<BigDecimal> operands = new ArrayList<>();
        String first = operator(v.get(0), "Invalid member in numeric match: ", "Unrecognized numeric range operator: ",
                List.of("=", "<", "<=", ">", ">="));
        ops.add(first);
        operands.add(number(v.get(1), first));
        if (v.size() == 2) {
            return new Numeric(ops, operands);
        }
        if (!first.equals(">") && !first.equals(">=")) {
            throw error("Too many elements in numeric expression");
        }
        String second = operator(v.get(2), "Bad value in numeric range: ", "Bad numeric range operator: ", List.of("<", "<="));
        ops.add(second);
        operands.add(number(v.get(3), second));
        if (operands.get(1).compareTo(operands.get(0)) <= 0) {
            throw error("Bottom must be less than top");
        }
        if (v.size() > 4) {
            throw error("Too many terms in numeric range expression");
        }
        return new Numeric(ops, operands);
    }

    private String operator(JsonNode n, String notString, String unknown, List<String> allowed) {
        if (n == null || !n.isTextual()) {
            throw error(notString + n);
        }
        if (!allowed.contains(n.textValue())) {
            throw error(unknown + n.textValue());
        }
        return n.textValue();
    }

    private BigDecimal number(JsonNode n, String op) {
        if (n == null || !n.isNumber()) {
            throw error("Value of " + (op.equals("=") ? "equals" : op) + " must be numeric");
        }
        return n.decimalValue();
    }

    private FilterCondition cidr(JsonNode v) {
        if (!v.isTextual()) {
            throw error("prefix match pattern must be a string");
        }
        String[] parts = v.textValue().split("/", -1);
        if (parts.length != 2) {
            throw error("Malformed CIDR, one '/' required");
        }
        int bits;
        try {
            bits = Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            throw error("Malformed CIDR, mask bits must be an integer");
        }
        byte[] network = Cidr.ipLiteral(parts[0]);
        if (network == null || bits < 0 || bits > network.length * 8) {
            throw error("Nonstandard IP address: " + parts[0]);
        }
        return new Cidr(network, bits);
    }
}
