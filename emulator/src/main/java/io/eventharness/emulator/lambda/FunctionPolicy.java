package io.eventharness.emulator.lambda;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.eventharness.emulator.core.Arn;
import io.eventharness.emulator.core.Json;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A function's resource-based policy ({@code AddPermission}): who may invoke it. Real AWS refuses to
 * let S3 or SNS invoke a function without a statement for their service principal; so does the
 * emulator, through {@link #allows}. A {@code SourceArn} condition stays text: it is a pattern
 * ({@code ArnLike}, with {@code *} and {@code ?}), not an ARN. Only its {@link LambdaFunction} holds it.
 */
final class FunctionPolicy {
    private static final ObjectMapper JSON = Json.MAPPER;

    private final Map<String, ObjectNode> statements = new LinkedHashMap<>();

    synchronized ObjectNode add(String sid, String action, String principal, String sourceArn, String sourceAccount,
                                String resource) {
        if (statements.containsKey(sid)) {
            throw LambdaErrors.conflict("The statement id (" + sid + ") provided already exists. Please provide a new statement id, or remove the existing statement.");
        }
        ObjectNode s = JSON.createObjectNode();
        s.put("Sid", sid);
        s.put("Effect", "Allow");
        if (principal.endsWith(".amazonaws.com")) {
            s.putObject("Principal").put("Service", principal);
        } else if (principal.equals("*")) {
            s.put("Principal", "*");
        } else {
            // an account id stands for the account's root user, as IAM writes it
            s.putObject("Principal").put("AWS", principal.matches("\\d{12}") ? new Arn("aws", "iam", "", principal, "root").toString() : principal);
        }
        s.put("Action", action);
        s.put("Resource", resource);
        if (sourceArn != null || sourceAccount != null) {
            ObjectNode cond = s.putObject("Condition");
            if (sourceAccount != null) {
                cond.putObject("StringEquals").put("AWS:SourceAccount", sourceAccount);
            }
            if (sourceArn != null) {
                cond.putObject("ArnLike").put("AWS:SourceArn", sourceArn);
            }
        }
        statements.put(sid, s);
        return s;
    }

    synchronized void remove(String sid) {
        if (statements.remove(sid) == null) {
            throw LambdaErrors.notFound("Statement " + sid + " is not found in resource policy.");
        }
    }

    synchronized boolean isEmpty() {
        return statements.isEmpty();
    }

    synchronized String document() {
        ObjectNode doc = JSON.createObjectNode();
        doc.put("Version", "2012-10-17");
        doc.put("Id", "default");
        ArrayNode arr = doc.putArray("Statement");
        statements.values().forEach(arr::add);
        return doc.toString();
    }

    /** Whether a statement lets {@code principal} (a service) invoke the function for {@code sourceArn}. */
    synchronized boolean allows(String principal, String sourceArn) {
        for (ObjectNode s : statements.values()) {
            String p = s.path("Principal").isTextual() ? s.path("Principal").asText() : s.path("Principal").path("Service").asText();
            if (!p.equals("*") && !p.equals(principal)) {
                continue;
            }
            String action = s.path("Action").asText();
            if (!action.equals("lambda:InvokeFunction") && !action.equals("lambda:*")) {
                continue;
            }
            String arnCondition = s.path("Condition").path("ArnLike").path("AWS:SourceArn").asText(null);
            if (arnCondition == null || sourceArn == null || globMatches(arnCondition, sourceArn)) {
                return true;
            }
        }
        return false;
    }

    private static boolean globMatches(String pattern, String value) {
        StringBuilder re = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            switch (c) {
                case '*' -> re.append(".*");
                case '?' -> re.append('.');
                default -> re.append(java.util.regex.Pattern.quote(String.valueOf(c)));
            }
        }
        return value.matches(re.toString());
    }
}
