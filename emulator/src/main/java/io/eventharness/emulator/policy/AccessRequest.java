package io.eventharness.emulator.policy;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * One request as IAM evaluates it: who, which action on which resource, and the request context's keys. The keys
 * that follow from the principal and the time ({@code aws:username}, {@code aws:userid}, {@code aws:PrincipalArn},
 * {@code aws:PrincipalAccount}, {@code aws:PrincipalType}, {@code aws:PrincipalServiceName},
 * {@code aws:PrincipalIsAWSService}, {@code aws:CurrentTime}, {@code aws:EpochTime}) are filled in here; the caller
 * adds what the request itself carries ({@code aws:SourceArn}, {@code aws:SourceIp}, {@code s3:prefix},
 * {@code iam:PassedToService} ...). Keys are case-insensitive, values are not.
 *
 * <pre>{@code
 * AccessRequest r = AccessRequest.of(principal, "sqs:SendMessage", queueArn.toString(), clock.now())
 *         .with("aws:SourceArn", topicArn.toString()).with("aws:SourceAccount", "000000000000");
 * }</pre>
 *
 * @param resource the resource's ARN, or {@code *} for an action that names no resource ({@code sqs:ListQueues})
 * @param context  the context keys, lower-cased, each with its values (several for a multivalued key)
 */
public record AccessRequest(Principal principal, String action, String resource, Map<String, List<String>> context) {

    public AccessRequest {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(resource, "resource");
        context = Map.copyOf(context);
    }

    /** A request with the context keys that follow from the principal and the time. */
    public static AccessRequest of(Principal principal, String action, String resource, Instant now) {
        Map<String, List<String>> c = new LinkedHashMap<>();
        put(c, "aws:userid", principal.userId());
        put(c, "aws:PrincipalType", principal.kind().contextValue());
        if (principal.kind() == Principal.Kind.SERVICE) {
            put(c, "aws:PrincipalServiceName", principal.serviceName());
            put(c, "aws:PrincipalIsAWSService", "true");
        } else {
            put(c, "aws:PrincipalIsAWSService", "false");
            put(c, "aws:PrincipalAccount", principal.account());
            if (principal.principalArn() != null) {
                put(c, "aws:PrincipalArn", principal.principalArn().toString());
            }
        }
        put(c, "aws:username", principal.userName());
        put(c, "aws:CurrentTime", now.toString());
        put(c, "aws:EpochTime", Long.toString(now.getEpochSecond()));
        return new AccessRequest(principal, action, resource, c);
    }

    /** The same request with one more context key (a null value adds nothing). */
    public AccessRequest with(String key, String value) {
        if (value == null) {
            return this;
        }
        return withAll(key, List.of(value));
    }

    /** The same request with a multivalued context key. */
    public AccessRequest withAll(String key, List<String> values) {
        Map<String, List<String>> c = new LinkedHashMap<>(context);
        c.put(key.toLowerCase(Locale.ROOT), List.copyOf(values));
        return new AccessRequest(principal, action, resource, c);
    }

    /** The same request for another action and resource, with the same context. */
    public AccessRequest on(String otherAction, String otherResource) {
        return new AccessRequest(principal, otherAction, otherResource, context);
    }

    /** The values of a context key, or null when the request context does not have it. */
    public List<String> values(String key) {
        return context.get(key.toLowerCase(Locale.ROOT));
    }

    private static void put(Map<String, List<String>> c, String key, String value) {
        if (value != null) {
            c.put(key.toLowerCase(Locale.ROOT), List.of(value));
        }
    }
}
