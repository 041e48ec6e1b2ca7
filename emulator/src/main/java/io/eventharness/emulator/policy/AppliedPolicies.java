package io.eventharness.emulator.policy;

import java.util.ArrayList;
import java.util.List;

/**
 * The policies that apply to one request: the principal's identity-based policies (inline and managed), the
 * resource's resource-based policy, the principal's permissions boundary and the session's policies.
 *
 * @param identity the identity-based policies; empty for a principal without any (it is then allowed only by a
 *                 resource-based policy)
 * @param resource the resource-based policy, or null
 * @param boundary the permissions boundary, or null
 * @param session  the session policies ({@code AssumeRole}'s {@code Policy} and {@code PolicyArns}); empty for none
 */
public record AppliedPolicies(List<Source> identity, Source resource, Source boundary, List<Source> session) {

    /** A policy and where it comes from, as a denial names it ({@code arn:aws:iam::aws:policy/…}, {@code role x, inline policy y}). */
    public record Source(String name, PolicyDocument document) {
        public static Source of(String name, String document) {
            return new Source(name, PolicyDocument.parse(document));
        }
    }

    public static final AppliedPolicies NONE = new AppliedPolicies(List.of(), null, null, List.of());

    public AppliedPolicies {
        identity = List.copyOf(identity);
        session = List.copyOf(session);
    }

    /** Identity-based policies only. */
    public static AppliedPolicies identity(List<Source> policies) {
        return new AppliedPolicies(policies, null, null, List.of());
    }

    /** The same with this resource-based policy (null: none). */
    public AppliedPolicies withResource(Source policy) {
        return new AppliedPolicies(identity, policy, boundary, session);
    }

    /** The same with this permissions boundary (null: none). */
    public AppliedPolicies withBoundary(Source policy) {
        return new AppliedPolicies(identity, resource, policy, session);
    }

    /** The same with these session policies. */
    public AppliedPolicies withSession(List<Source> policies) {
        return new AppliedPolicies(identity, resource, boundary, policies);
    }

    /** The same with one more identity-based policy. */
    public AppliedPolicies plusIdentity(Source policy) {
        List<Source> all = new ArrayList<>(identity);
        all.add(policy);
        return new AppliedPolicies(all, resource, boundary, session);
    }
}
