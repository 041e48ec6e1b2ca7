package io.eventharness.emulator.iam;

import io.eventharness.emulator.core.Account;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.iam.model.*;

/** Managed policy operations (CreatePolicy, GetPolicy, GetPolicyVersion, ListPolicies, DeletePolicy). */
final class PolicyOperations {
    /** IAM quota "Managed policy length": 6,144 characters, white space not counted. */
    private static final int MAX_POLICY_SIZE = 6144;

    private final IamState state;

    PolicyOperations(IamState state) {
        this.state = state;
    }

    CreatePolicyResponse createPolicy(CreatePolicyRequest r) {
        String name = IamLimits.name(r.policyName(), "policyName", 128);
        String path = IamLimits.path(r.path());
        IamLimits.length(r.policyDocument(), "policyDocument", 1, 131072);
        PolicyDocuments.check(r.policyDocument(), PolicyDocuments.Kind.IDENTITY);
        if (PolicyDocuments.size(r.policyDocument()) > MAX_POLICY_SIZE) {
            throw IamErrors.limitExceeded("Cannot exceed quota for PolicySize: " + MAX_POLICY_SIZE);
        }
        if (r.description() != null) {
            IamLimits.length(r.description(), "description", 0, 1000);
        }
        for (IamPolicy p : state.policies.values()) {
            if (p.name.equals(name)) {
                throw IamErrors.alreadyExists("A policy called " + name + " already exists. Duplicate names are not allowed.");
            }
        }
        String arn = Account.globalArn("iam", "policy" + path + name);
        IamPolicy p = new IamPolicy(name, path, IamIds.uniqueId("ANPA"), arn, r.policyDocument(), r.description(),
                state.now(), false);
        p.tags.addAll(IamLimits.tags(r.tags(), 0, "Policy"));
        state.policies.put(arn, p);
        return CreatePolicyResponse.builder().policy(p.toModel(0, false)).build();
    }

    GetPolicyResponse getPolicy(GetPolicyRequest r) {
        IamPolicy p = state.policy(r.policyArn());
        return GetPolicyResponse.builder().policy(p.toModel(state.attachments(p.arn), true)).build();
    }

    /** Policies have one version, {@code v1}, until CreatePolicyVersion exists. */
    GetPolicyVersionResponse getPolicyVersion(GetPolicyVersionRequest r) {
        IamPolicy p = state.policy(r.policyArn());
        IamLimits.length(r.versionId(), "versionId", 1, 128);
        if (!r.versionId().equals("v1")) {
            throw IamErrors.noSuchEntity("Policy " + p.arn + " version " + r.versionId() + " does not exist or is not attachable.");
        }
        return GetPolicyVersionResponse.builder().policyVersion(PolicyVersion.builder()
                .document(PolicyDocuments.encode(p.document)).versionId("v1").isDefaultVersion(true)
                .createDate(p.created).build()).build();
    }

    /** ListPolicies: Scope All (default), AWS or Local; OnlyAttached; PathPrefix; in name order. */
    ListPoliciesResponse listPolicies(ListPoliciesRequest r) {
        String prefix = IamLimits.pathPrefix(r.pathPrefix());
        PolicyScopeType scope = r.scope() == null ? PolicyScopeType.ALL : r.scope();
        if (scope == PolicyScopeType.UNKNOWN_TO_SDK_VERSION) {
            throw IamErrors.constraint(r.scopeAsString(), "scope", "Member must satisfy enum value set: [All, AWS, Local]");
        }
        List<IamPolicy> all = new ArrayList<>();
        if (scope != PolicyScopeType.LOCAL) {
            all.addAll(state.awsPolicies.values());
        }
        if (scope != PolicyScopeType.AWS) {
            all.addAll(state.policies.values());
        }
        List<IamPolicy> chosen = all.stream()
                .filter(p -> p.path.startsWith(prefix))
                .filter(p -> !Boolean.TRUE.equals(r.onlyAttached()) || state.attachments(p.arn) > 0)
                .sorted(java.util.Comparator.comparing((IamPolicy p) -> p.name).thenComparing(p -> p.arn))
                .toList();
        IamLimits.Page<IamPolicy> page = IamLimits.page(chosen, p -> p.name + "\n" + p.arn, r.marker(), r.maxItems());
        return ListPoliciesResponse.builder()
                .policies(page.items().stream().map(p -> p.toModel(state.attachments(p.arn), false)).toList())
                .isTruncated(page.truncated()).marker(page.marker()).build();
    }

    DeletePolicyResponse deletePolicy(DeletePolicyRequest r) {
        IamPolicy p = state.policy(r.policyArn());
        if (p.awsManaged) {
            throw IamErrors.accessDenied("iam:DeletePolicy", "policy " + p.arn);
        }
        if (state.attachments(p.arn) > 0) {
            throw IamErrors.deleteConflict("Cannot delete a policy attached to entities.");
        }
        state.policies.remove(p.arn);
        return DeletePolicyResponse.builder().build();
    }
}
