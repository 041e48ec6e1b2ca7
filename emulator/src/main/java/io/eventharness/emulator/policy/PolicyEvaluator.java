package io.eventharness.emulator.policy;

import io.eventharness.emulator.policy.AppliedPolicies.Source;
import io.eventharness.emulator.policy.Decision.Outcome;
import io.eventharness.emulator.policy.Decision.PolicyType;
import java.util.List;

/**
 * IAM's policy evaluation logic for a request within one account (IAM user guide, "Policy evaluation logic"):
 * <ol>
 *   <li>an explicit {@code Deny} in any policy that applies denies;</li>
 *   <li>a service principal, or an anonymous caller, is allowed only by the resource-based policy;</li>
 *   <li>the root user is allowed;</li>
 *   <li>an {@code Allow} in the resource-based policy naming the user or role session itself allows, whatever the
 *       boundary and session policies say;</li>
 *   <li>otherwise an {@code Allow} in an identity-based policy, or in the resource-based policy naming the caller's
 *       role, is needed (one naming the account only delegates to its identity-based policies), and then the
 *       permissions boundary and the session policies, where there are any, must each allow it too.</li>
 * </ol>
 *
 * <pre>{@code
 * Decision d = PolicyEvaluator.evaluate(request, AppliedPolicies.identity(List.of(Source.of("inline", doc))));
 * if (!d.allowed()) throw accessDenied(d.message());
 * }</pre>
 */
public final class PolicyEvaluator {
    private PolicyEvaluator() {
    }

    public static Decision evaluate(AccessRequest r, AppliedPolicies p) {
        Principal who = r.principal();
        Decision deny = explicitDeny(r, p);
        if (deny != null) {
            return deny;
        }
        Match resource = p.resource() == null ? null : resourceAllow(r, p.resource());
        switch (who.kind()) {
            case SERVICE, ANONYMOUS -> {
                return resource != null && resource.coverage != Statement.Coverage.ACCOUNT
                        ? new Decision(Outcome.ALLOW, PolicyType.RESOURCE, p.resource(), resource.statement, r)
                        : new Decision(Outcome.IMPLICIT_DENY, PolicyType.RESOURCE, null, null, r);
            }
            case ROOT -> {
                return new Decision(Outcome.ALLOW, PolicyType.NONE, null, null, r);
            }
            default -> {
                // users and role sessions below
            }
        }
        if (resource != null && resource.coverage == Statement.Coverage.DIRECT) {
            return new Decision(Outcome.ALLOW, PolicyType.RESOURCE, p.resource(), resource.statement, r);
        }
        Decision allow = null;
        for (Source s : p.identity()) {
            Statement st = firstAllow(r, s.document(), false);
            if (st != null) {
                allow = new Decision(Outcome.ALLOW, PolicyType.IDENTITY, s, st, r);
                break;
            }
        }
        if (allow == null && resource != null && resource.coverage == Statement.Coverage.ROLE) {
            allow = new Decision(Outcome.ALLOW, PolicyType.RESOURCE, p.resource(), resource.statement, r);
        }
        if (allow == null) {
            return new Decision(Outcome.IMPLICIT_DENY, PolicyType.IDENTITY, null, null, r);
        }
        if (p.boundary() != null && firstAllow(r, p.boundary().document(), false) == null) {
            return new Decision(Outcome.IMPLICIT_DENY, PolicyType.BOUNDARY, p.boundary(), null, r);
        }
        if (!p.session().isEmpty() && !anyAllows(r, p.session())) {
            return new Decision(Outcome.IMPLICIT_DENY, PolicyType.SESSION, null, null, r);
        }
        return allow;
    }

    /**
     * Whether a resource-based policy has an {@code Allow} for the request whose principal names the caller at all
     * (itself, its role or its account): what a role's trust policy must have for {@code sts:AssumeRole}, whatever
     * the caller's identity-based policies allow.
     */
    public static boolean namesCaller(AccessRequest r, Source resource) {
        return resourceAllow(r, resource) != null;
    }

    private static Decision explicitDeny(AccessRequest r, AppliedPolicies p) {
        for (Source s : p.identity()) {
            Statement st = firstDeny(r, s.document(), false);
            if (st != null) {
                return new Decision(Outcome.EXPLICIT_DENY, PolicyType.IDENTITY, s, st, r);
            }
        }
        if (p.resource() != null) {
            Statement st = firstDeny(r, p.resource().document(), true);
            if (st != null) {
                return new Decision(Outcome.EXPLICIT_DENY, PolicyType.RESOURCE, p.resource(), st, r);
            }
        }
        if (p.boundary() != null) {
            Statement st = firstDeny(r, p.boundary().document(), false);
            if (st != null) {
                return new Decision(Outcome.EXPLICIT_DENY, PolicyType.BOUNDARY, p.boundary(), st, r);
            }
        }
        for (Source s : p.session()) {
            Statement st = firstDeny(r, s.document(), false);
            if (st != null) {
                return new Decision(Outcome.EXPLICIT_DENY, PolicyType.SESSION, s, st, r);
            }
        }
        return null;
    }

    private static boolean anyAllows(AccessRequest r, List<Source> policies) {
        for (Source s : policies) {
            if (firstAllow(r, s.document(), false) != null) {
                return true;
            }
        }
        return false;
    }

    private static Statement firstDeny(AccessRequest r, PolicyDocument d, boolean resourceBased) {
        for (Statement s : d.statements()) {
            if (!s.allow() && (!resourceBased || s.covers(r.principal()) != Statement.Coverage.NONE) && s.applies(r)) {
                return s;
            }
        }
        return null;
    }

    private static Statement firstAllow(AccessRequest r, PolicyDocument d, boolean resourceBased) {
        for (Statement s : d.statements()) {
            if (s.allow() && (!resourceBased || s.covers(r.principal()) != Statement.Coverage.NONE) && s.applies(r)) {
                return s;
            }
        }
        return null;
    }

    /** A resource-based statement that allows, and how it names the caller (the best coverage wins). */
    private record Match(Statement statement, Statement.Coverage coverage) {
    }

    private static Match resourceAllow(AccessRequest r, Source policy) {
        Match best = null;
        for (Statement s : policy.document().statements()) {
            if (!s.allow()) {
                continue;
            }
            Statement.Coverage c = s.covers(r.principal());
            if (c != Statement.Coverage.NONE && (best == null || c.ordinal() > best.coverage.ordinal()) && s.applies(r)) {
                best = new Match(s, c);
            }
        }
        return best;
    }
}
