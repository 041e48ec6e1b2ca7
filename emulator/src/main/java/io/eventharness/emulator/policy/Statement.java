package io.eventharness.emulator.policy;

import java.util.List;

/**
 * One statement of a policy, parsed ({@link PolicyDocument}). Identity-based policies have no principal; in a
 * resource-based policy {@link #principals} says whom the statement is about.
 *
 * @param sid        its {@code Sid}, or null
 * @param allow      {@code Effect: Allow} (else Deny)
 * @param actions    the patterns of {@code Action}, or of {@code NotAction} when {@code notAction}
 * @param resources  the patterns of {@code Resource}, or of {@code NotResource} when {@code notResource}; null when
 *                   the statement has neither (some resource-based policies omit it: the resource the policy is on)
 * @param principals whom {@code Principal} (or {@code NotPrincipal}) names; null when it has neither
 * @param conditions all must hold; null when a condition's operator is unknown (the statement then applies to nothing)
 * @param variables  whether policy variables are replaced (version {@code 2012-10-17})
 */
public record Statement(String sid, boolean allow, List<String> actions, boolean notAction, List<String> resources,
                        boolean notResource, Principals principals, List<Condition> conditions, boolean variables) {

    /**
     * A {@code Principal} or {@code NotPrincipal} element.
     *
     * @param anyone   {@code "*"} or {@code {"AWS": "*"}}
     * @param aws      account ids and ARNs of {@code AWS}
     * @param services service principals of {@code Service}
     * @param not      it was {@code NotPrincipal}
     */
    public record Principals(boolean anyone, List<String> aws, List<String> services, boolean not) {
    }

    /** How a resource-based statement's principal covers the caller. */
    enum Coverage {
        /** It does not name the caller. */
        NONE,
        /** It names the caller's account: the account's identity-based policies decide (delegation). */
        ACCOUNT,
        /** It names the caller's role; permissions boundaries and session policies still limit it. */
        ROLE,
        /** It names the caller itself (user, role session, service, everyone). */
        DIRECT
    }

    /** Whether the action, the resource and the conditions match (the principal is {@link #covers}' business). */
    boolean applies(AccessRequest r) {
        return conditions != null && actionMatches(r.action()) && resourceMatches(r) && conditionsHold(r);
    }

    private boolean actionMatches(String action) {
        boolean any = false;
        for (String a : actions) {
            if (a.equals("*") || Wildcards.matchesIgnoreCase(a, action)) {
                any = true;
                break;
            }
        }
        return any != notAction;
    }

    private boolean resourceMatches(AccessRequest r) {
        if (resources == null) {
            return true;
        }
        boolean any = false;
        for (String pattern : resources) {
            String p = variables ? PolicyVariables.resolve(pattern, r, true) : pattern;
            if (p != null && Wildcards.arnMatches(p, r.resource())) {
                any = true;
                break;
            }
        }
        return any != notResource;
    }

    private boolean conditionsHold(AccessRequest r) {
        for (Condition c : conditions) {
            if (!c.holds(r)) {
                return false;
            }
        }
        return true;
    }

    /** How this statement's principal covers the caller; NONE without a principal element. */
    Coverage covers(Principal caller) {
        if (principals == null) {
            return Coverage.NONE;
        }
        Coverage named = named(caller);
        if (principals.not()) {
            // naming the account in NotPrincipal spares the root user only, not the account's users and roles
            return named == Coverage.NONE || named == Coverage.ACCOUNT ? Coverage.DIRECT : Coverage.NONE;
        }
        return named;
    }

    private Coverage named(Principal caller) {
        if (principals.anyone()) {
            return Coverage.DIRECT;
        }
        if (caller.kind() == Principal.Kind.SERVICE) {
            return principals.services().contains(caller.serviceName()) ? Coverage.DIRECT : Coverage.NONE;
        }
        Coverage best = Coverage.NONE;
        for (String p : principals.aws()) {
            Coverage c = awsCovers(p, caller);
            if (c.ordinal() > best.ordinal()) {
                best = c;
            }
        }
        return best;
    }

    private static Coverage awsCovers(String p, Principal caller) {
        if (caller.arn() == null) {
            return Coverage.NONE;
        }
        String account = caller.account();
        if (p.equals(account) || p.equals("arn:" + caller.arn().partition() + ":iam::" + account + ":root")) {
            return caller.kind() == Principal.Kind.ROOT ? Coverage.DIRECT : Coverage.ACCOUNT;
        }
        if (p.equals(caller.arn().toString())) {
            return Coverage.DIRECT;
        }
        if (caller.roleArn() != null && p.equals(caller.roleArn().toString())) {
            return Coverage.ROLE;
        }
        return Coverage.NONE;
    }
}
