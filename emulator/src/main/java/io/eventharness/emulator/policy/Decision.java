package io.eventharness.emulator.policy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.eventharness.emulator.core.Json;

/**
 * What IAM decided for a request, and why: the outcome, the kind of policy that decided it and, for an allow or an
 * explicit deny, the statement. A denial words itself as AWS does ({@link #message}) and says how to fix it
 * ({@link #fix}, {@link #allowingStatement}).
 *
 * @param source    the policy whose statement decided; null for an implicit deny
 * @param statement the statement that decided; null for an implicit deny
 */
public record Decision(Outcome outcome, PolicyType type, AppliedPolicies.Source source, Statement statement,
                       AccessRequest request) {

    public enum Outcome { ALLOW, IMPLICIT_DENY, EXPLICIT_DENY }

    /** The kinds of policy, as AWS names them in a denial. */
    public enum PolicyType {
        IDENTITY("an identity-based policy", "no identity-based policy"),
        RESOURCE("a resource-based policy", "no resource-based policy"),
        BOUNDARY("a permissions boundary", "no permissions boundary"),
        SESSION("a session policy", "no session policy"),
        /** The root user: no policy needed. */
        NONE("", "");

        private final String withArticle;
        private final String none;

        PolicyType(String withArticle, String none) {
            this.withArticle = withArticle;
            this.none = none;
        }
    }

    public boolean allowed() {
        return outcome == Outcome.ALLOW;
    }

    /**
     * AWS's reason: {@code because no identity-based policy allows the s3:PutObject action}, or {@code with an explicit
     * deny in a resource-based policy}; empty for an allow.
     */
    public String reason() {
        return switch (outcome) {
            case ALLOW -> "";
            case IMPLICIT_DENY -> "because " + type.none + " allows the " + request.action() + " action";
            case EXPLICIT_DENY -> "with an explicit deny in " + type.withArticle;
        };
    }

    /**
     * AWS's message: {@code User: arn:aws:iam::000000000000:user/dev is not authorized to perform: s3:PutObject on
     * resource: arn:aws:s3:::b/k because no identity-based policy allows the s3:PutObject action}.
     *
     * @param resourceShown the resource as the service writes it (S3 quotes it; others do not)
     */
    public String message(String resourceShown) {
        return "User: " + request.principal().display() + " is not authorized to perform: " + request.action()
                + " on resource: " + resourceShown + " " + reason();
    }

    /** {@link #message(String)} with the resource as it is. */
    public String message() {
        return message(request.resource());
    }

    /**
     * The smallest statement that would allow the request: for an IAM principal an identity-based one
     * ({@code {"Effect":"Allow","Action":"s3:PutObject","Resource":"arn:aws:s3:::b/k"}}); for a service a
     * resource-based one naming it, with {@code aws:SourceArn} when the request has one. Null for an allow, and for an
     * explicit deny (no statement overrides it).
     */
    public String allowingStatement() {
        if (outcome != Outcome.IMPLICIT_DENY) {
            return null;
        }
        ObjectNode s = Json.MAPPER.createObjectNode().put("Effect", "Allow");
        Principal p = request.principal();
        if (p.kind() == Principal.Kind.SERVICE || p.kind() == Principal.Kind.ANONYMOUS) {
            s.putObject("Principal").put(p.kind() == Principal.Kind.SERVICE ? "Service" : "AWS",
                    p.kind() == Principal.Kind.SERVICE ? p.serviceName() : "*");
        }
        s.put("Action", request.action()).put("Resource", request.resource());
        if (p.kind() == Principal.Kind.SERVICE && request.values("aws:SourceArn") != null) {
            s.putObject("Condition").putObject("ArnEquals").put("aws:SourceArn", request.values("aws:SourceArn").get(0));
        }
        return s.toString();
    }

    /**
     * What to do: add {@link #allowingStatement()} to the role's or user's policies (or to the resource's policy, for
     * a service), or take out the explicit deny that decided. Empty for an allow.
     */
    public String fix() {
        Principal p = request.principal();
        return switch (outcome) {
            case ALLOW -> "";
            case EXPLICIT_DENY -> "the Deny statement " + (statement.sid() == null ? "" : "'" + statement.sid() + "' ")
                    + "of " + source.name() + " decides; no Allow overrides it: narrow or remove it";
            case IMPLICIT_DENY -> switch (type) {
                case BOUNDARY -> "the permissions boundary " + source().name() + " must allow it too: add " + allowingStatement();
                case SESSION -> "the session's policies must allow it too: add " + allowingStatement() + " to them";
                default -> switch (p.kind()) {
                    case SERVICE, ANONYMOUS -> "add to the resource-based policy of " + request.resource() + ": "
                            + allowingStatement();
                    case ASSUMED_ROLE -> "add to the policies of role " + p.roleArn().resourceName() + ": " + allowingStatement();
                    case USER -> "add to the policies of user " + p.userName() + ": " + allowingStatement();
                    case ROOT -> "";
                };
            };
        };
    }

    @Override
    public String toString() {
        return outcome + (outcome == Outcome.ALLOW ? "" : " " + message());
    }
}
