package io.eventharness.emulator.iam;

import io.eventharness.emulator.core.Arn;
import java.util.List;
import software.amazon.awssdk.services.iam.model.*;

/** The policies of a role: managed policies attached to it, and its inline policies. */
public final class RolePolicyOperations {
    /** IAM quota "Role policy size": all inline policies of a role together, 10,240 characters. */
    private static final int MAX_INLINE_POLICIES = 10240;
    /** IAM quota "Managed policies attached to an IAM role": 10 by default. */
    private static final int MAX_ATTACHED = 10;

    private final IamState state;

    RolePolicyOperations(IamState state) {
        this.state = state;
    }

    // ---- managed policies attached to roles -------------------------------------------------------

    public AttachRolePolicyResponse attachRolePolicy(AttachRolePolicyRequest r) {
        IamRole role = state.role(r.roleName());
        state.attach(role, IamLimits.policyArn(r.policyArn()), MAX_ATTACHED);
        return AttachRolePolicyResponse.builder().build();
    }

    public DetachRolePolicyResponse detachRolePolicy(DetachRolePolicyRequest r) {
        IamRole role = state.role(r.roleName());
        IamLimits.length(r.policyArn(), "policyArn", 20, 2048);
        if (!role.detach(r.policyArn())) {
            throw IamErrors.noSuchEntity("Policy " + r.policyArn() + " was not found.");
        }
        return DetachRolePolicyResponse.builder().build();
    }

    /** ListAttachedRolePolicies: in ARN order, under PathPrefix (the path of the policy, not of the role). */
    public ListAttachedRolePoliciesResponse listAttachedRolePolicies(ListAttachedRolePoliciesRequest r) {
        IamRole role = state.role(r.roleName());
        List<AttachedPolicy> attached = state.attachedPolicies(role.attached(), IamLimits.pathPrefix(r.pathPrefix()));
        IamLimits.Page<AttachedPolicy> page = IamLimits.page(attached, AttachedPolicy::policyArn, r.marker(), r.maxItems());
        return ListAttachedRolePoliciesResponse.builder().attachedPolicies(page.items())
                .isTruncated(page.truncated()).marker(page.marker()).build();
    }

    // ---- inline role policies ---------------------------------------------------------------------

    public PutRolePolicyResponse putRolePolicy(PutRolePolicyRequest r) {
        IamRole role = state.role(r.roleName());
        String name = IamLimits.name(r.policyName(), "policyName", 128);
        IamLimits.length(r.policyDocument(), "policyDocument", 1, 131072);
        PolicyDocuments.check(r.policyDocument(), PolicyDocuments.Kind.IDENTITY);
        role.putInline(name, r.policyDocument(), MAX_INLINE_POLICIES);
        return PutRolePolicyResponse.builder().build();
    }

    public GetRolePolicyResponse getRolePolicy(GetRolePolicyRequest r) {
        IamRole role = state.role(r.roleName());
        String doc = role.inline(IamLimits.name(r.policyName(), "policyName", 128));
        if (doc == null) {
            throw IamErrors.noSuchEntity("The role policy with name " + r.policyName() + " cannot be found.");
        }
        return GetRolePolicyResponse.builder().roleName(role.name()).policyName(r.policyName())
                .policyDocument(PolicyDocuments.encode(doc)).build();
    }

    public ListRolePoliciesResponse listRolePolicies(ListRolePoliciesRequest r) {
        IamRole role = state.role(r.roleName());
        IamLimits.Page<String> page = IamLimits.page(role.inlineNames(), n -> n, r.marker(), r.maxItems());
        return ListRolePoliciesResponse.builder().policyNames(page.items()).isTruncated(page.truncated()).marker(page.marker()).build();
    }

    public DeleteRolePolicyResponse deleteRolePolicy(DeleteRolePolicyRequest r) {
        IamRole role = state.role(r.roleName());
        if (!role.deleteInline(IamLimits.name(r.policyName(), "policyName", 128))) {
            throw IamErrors.noSuchEntity("The role policy with name " + r.policyName() + " cannot be found.");
        }
        return DeleteRolePolicyResponse.builder().build();
    }
}
