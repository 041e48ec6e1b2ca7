package io.eventharness.emulator.iam;

import java.util.List;
import software.amazon.awssdk.services.iam.model.*;

/** The policies of a user: managed policies attached to it, and its inline policies. */
public final class UserPolicyOperations {
    /** IAM quota "User policy size": all inline policies of a user together, 2,048 characters. */
    private static final int MAX_INLINE_POLICIES = 2048;
    /** IAM quota "Managed policies attached to an IAM user": 10 by default. */
    private static final int MAX_ATTACHED = 10;

    private final IamState state;

    UserPolicyOperations(IamState state) {
        this.state = state;
    }

    // ---- managed policies attached to users -------------------------------------------------------

    public AttachUserPolicyResponse attachUserPolicy(AttachUserPolicyRequest r) {
        IamUser user = state.user(r.userName());
        state.attach(user, IamLimits.policyArn(r.policyArn()), MAX_ATTACHED);
        return AttachUserPolicyResponse.builder().build();
    }

    public DetachUserPolicyResponse detachUserPolicy(DetachUserPolicyRequest r) {
        IamUser user = state.user(r.userName());
        IamLimits.length(r.policyArn(), "policyArn", 20, 2048);
        if (!user.detach(r.policyArn())) {
            throw IamErrors.noSuchEntity("Policy " + r.policyArn() + " was not found.");
        }
        return DetachUserPolicyResponse.builder().build();
    }

    /** ListAttachedUserPolicies: in ARN order, under PathPrefix (the path of the policy, not of the user). */
    public ListAttachedUserPoliciesResponse listAttachedUserPolicies(ListAttachedUserPoliciesRequest r) {
        IamUser user = state.user(r.userName());
        List<AttachedPolicy> attached = state.attachedPolicies(user.attached(), IamLimits.pathPrefix(r.pathPrefix()));
        IamLimits.Page<AttachedPolicy> page = IamLimits.page(attached, AttachedPolicy::policyArn, r.marker(), r.maxItems());
        return ListAttachedUserPoliciesResponse.builder().attachedPolicies(page.items())
                .isTruncated(page.truncated()).marker(page.marker()).build();
    }

    // ---- inline user policies ---------------------------------------------------------------------

    public PutUserPolicyResponse putUserPolicy(PutUserPolicyRequest r) {
        IamUser user = state.user(r.userName());
        String name = IamLimits.name(r.policyName(), "policyName", 128);
        IamLimits.length(r.policyDocument(), "policyDocument", 1, 131072);
        PolicyDocuments.check(r.policyDocument(), PolicyDocuments.Kind.IDENTITY);
        user.putInline(name, r.policyDocument(), MAX_INLINE_POLICIES);
        return PutUserPolicyResponse.builder().build();
    }

    public GetUserPolicyResponse getUserPolicy(GetUserPolicyRequest r) {
        IamUser user = state.user(r.userName());
        String doc = user.inline(IamLimits.name(r.policyName(), "policyName", 128));
        if (doc == null) {
            throw IamErrors.noSuchEntity("The user policy with name " + r.policyName() + " cannot be found.");
        }
        return GetUserPolicyResponse.builder().userName(user.name()).policyName(r.policyName())
                .policyDocument(PolicyDocuments.encode(doc)).build();
    }

    public ListUserPoliciesResponse listUserPolicies(ListUserPoliciesRequest r) {
        IamUser user = state.user(r.userName());
        IamLimits.Page<String> page = IamLimits.page(user.inlineNames(), n -> n, r.marker(), r.maxItems());
        return ListUserPoliciesResponse.builder().policyNames(page.items()).isTruncated(page.truncated()).marker(page.marker()).build();
    }

    public DeleteUserPolicyResponse deleteUserPolicy(DeleteUserPolicyRequest r) {
        IamUser user = state.user(r.userName());
        if (!user.deleteInline(IamLimits.name(r.policyName(), "policyName", 128))) {
            throw IamErrors.noSuchEntity("The user policy with name " + r.policyName() + " cannot be found.");
        }
        return DeleteUserPolicyResponse.builder().build();
    }
}
