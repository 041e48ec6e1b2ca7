package io.eventharness.emulator.core;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads a resource-based policy (an SQS queue's or an SNS topic's {@code Policy}) the way IAM evaluates it for a
 * request of an AWS service ("Policy evaluation logic" in the IAM user guide): the request is allowed when some
 * {@code Allow} statement matches it and no {@code Deny} statement does. A statement matches when its principal
 * names the service ({@code {"Service": "s3.amazonaws.com"}}) or everyone ({@code "*"}, {@code {"AWS": "*"}}), its
 * action and resource match (wildcards {@code *} and {@code ?}), and each of its conditions holds.
 *
 * <p>Conditions: {@code StringEquals}, {@code StringLike}, {@code ArnEquals}, {@code ArnLike} (and their
 * {@code ...IfExists} forms) on {@code aws:SourceArn} and {@code aws:SourceAccount}, the keys a service sets
 * when it acts for one of your resources. A statement with any other condition, or with {@code NotPrincipal},
 * {@code NotAction} or {@code NotResource}, matches nothing here: it neither allows nor denies. A document that is
 * not JSON allows nothing.
 *
 * <pre>{@code
 * ResourcePolicy.allows(queuePolicy, new ServiceRequest("s3.amazonaws.com", "sqs:SendMessage", queueArn,
 *         "arn:aws:s3:::uploads", "000000000000"));
 * }</pre>
 */
public final class ResourcePolicy {

    /**
     * What a service asks to do: its principal ({@code s3.amazonaws.com}), the action ({@code sqs:SendMessage}),
     * the resource acted on, and the source it acts for ({@code aws:SourceArn}, {@code aws:SourceAccount}).
     */
    public record ServiceRequest(String principal, String action, String resource, String sourceArn, String sourceAccount) {
    }

    private ResourcePolicy() {
    }

    /** Whether the policy document allows the request; a null or empty document allows nothing. */
    public static boolean allows(String document, ServiceRequest request) {
        if (document == null || document.isBlank()) {
            return false;
        }
        JsonNode doc;
        try {
            doc = Json.STRICT.readTree(document);
        } catch (IOException e) {
            return false;
        }
        boolean allowed = false;
        for (JsonNode s : each(doc.path("Statement"))) {
            if (!matches(s, request)) {
                continue;
            }
            String effect = s.path("Effect").asText();
            if (effect.equals("Deny")) {
                return false;
            }
            allowed |= effect.equals("Allow");
        }
        return allowed;
    }

    private static boolean matches(JsonNode s, ServiceRequest r) {
        if (s.has("NotPrincipal") || s.has("NotAction") || s.has("NotResource")) {
            return false;
        }
        return principal(s.path("Principal"), r.principal())
                && any(s.path("Action"), a -> glob(a.toLowerCase(Locale.ROOT), r.action().toLowerCase(Locale.ROOT)))
                && (s.path("Resource").isMissingNode() || any(s.path("Resource"), res -> glob(res, r.resource())))
                && conditions(s.path("Condition"), r);
    }

    private static boolean principal(JsonNode p, String service) {
        if (p.isTextual()) {
            return p.asText().equals("*");
        }
        return any(p.path("AWS"), a -> a.equals("*")) || any(p.path("Service"), s -> s.equals(service));
    }

    private static boolean conditions(JsonNode condition, ServiceRequest r) {
        if (condition.isMissingNode()) {
            return true;
        }
        Iterator<Map.Entry<String, JsonNode>> operators = condition.fields();
        while (operators.hasNext()) {
            Map.Entry<String, JsonNode> op = operators.next();
            String operator = op.getKey();
            boolean ifExists = operator.endsWith("IfExists");
            String base = ifExists ? operator.substring(0, operator.length() - "IfExists".length()) : operator;
            boolean like = base.equals("StringLike") || base.equals("ArnLike");
            if (!like && !base.equals("StringEquals") && !base.equals("ArnEquals")) {
                return false;
            }
            Iterator<Map.Entry<String, JsonNode>> keys = op.getValue().fields();
            while (keys.hasNext()) {
                Map.Entry<String, JsonNode> k = keys.next();
                String key = k.getKey().toLowerCase(Locale.ROOT);
                String actual = key.equals("aws:sourcearn") ? r.sourceArn() : key.equals("aws:sourceaccount") ? r.sourceAccount()
                        : null;
                if (!key.equals("aws:sourcearn") && !key.equals("aws:sourceaccount")) {
                    return false;
                }
                if (actual == null) {
                    if (!ifExists) {
                        return false;
                    }
                    continue;
                }
                if (!any(k.getValue(), v -> like ? glob(v, actual) : v.equals(actual))) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean any(JsonNode values, java.util.function.Predicate<String> test) {
        for (JsonNode v : each(values)) {
            if (v.isTextual() && test.test(v.asText())) {
                return true;
            }
        }
        return false;
    }

    private static List<JsonNode> each(JsonNode n) {
        List<JsonNode> out = new ArrayList<>();
        if (n.isArray()) {
            n.forEach(out::add);
        } else if (!n.isMissingNode() && !n.isNull()) {
            out.add(n);
        }
        return out;
    }

    /** IAM's wildcards: {@code *} any run of characters, {@code ?} one character. */
    private static boolean glob(String pattern, String value) {
        StringBuilder re = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            switch (c) {
                case '*' -> re.append(".*");
                case '?' -> re.append('.');
                default -> re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(re.toString(), Pattern.DOTALL).matcher(value).matches();
    }
}
