package io.eventharness.emulator.iam;

import java.util.Comparator;
import java.util.List;
import software.amazon.awssdk.services.iam.model.*;

/** Managed policy operations (CreatePolicy, GetPolicy, GetPolicyVersion, ListPolicies, DeletePolicy). */
public final class PolicyOperations {
    /** IAM quota "Managed policy length": 6,144 characters, white space not counted. */
    private static final int MAX_POLICY_SIZE = 6144;

    private final IamState state;

    PolicyOperations(IamState state) {
        this.state = state;
    }

    public CreatePolicyResponse createPolicy(CreatePolicyRequest r) {
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
        IamPolicy p = IamPolicy.customer(name, path, r.policyDocument(), r.description(), state.now(),
                IamLimits.tags(r.tags(), 0, "Policy"));
        state.add(p);
        return CreatePolicyResponse.builder().policy(p.toModel(0, false)).build();
    }

    public GetPolicyResponse getPolicy(GetPolicyRequest r) {
        IamPolicy p = state.policy(IamLimits.policyArn(r.policyArn()));
        return GetPolicyResponse.builder().policy(p.toModel(state.attachments(p.arn()), true)).build();
    }

    /** Policies have one version, {@code v1}, until CreatePolicyVersion exists. */
    public GetPolicyVersionResponse getPolicyVersion(GetPolicyVersionRequest r) {
        IamPolicy p = state.policy(IamLimits.policyArn(r.policyArn()));
        IamLimits.length(r.versionId(), "versionId", 1, 128);
        if (!r.versionId().equals("v1")) {
            throw IamErrors.noSuchEntity("Policy " + p.arn() + " version " + r.versionId() + " does not exist or is not attachable.");
        }
        return GetPolicyVersionResponse.builder().policyVersion(PolicyVersion.builder()
                .document(PolicyDocuments.encode(p.document())).versionId("v1").isDefaultVersion(true)
                .createDate(p.created()).build()).build();
    }

    /** ListPolicies: Scope All (default), AWS or Local; OnlyAttached; PathPrefix; in name order. */
    public ListPoliciesResponse listPolicies(ListPoliciesRequest r) {
        String prefix = IamLimits.pathPrefix(r.pathPrefix());
        PolicyScopeType scope = r.scope() == null ? PolicyScopeType.ALL : r.scope();
        if (scope == PolicyScopeType.UNKNOWN_TO_SDK_VERSION) {
            throw IamErrors.constraint(r.scopeAsString(), "scope", "Member must satisfy enum value set: [All, AWS, Local]");
        }
        List<IamPolicy> chosen = state.policies(scope != PolicyScopeType.LOCAL, scope != PolicyScopeType.AWS).stream()
                .filter(p -> p.path().startsWith(prefix))
                .filter(p -> !Boolean.TRUE.equals(r.onlyAttached()) || state.attachments(p.arn()) > 0)
                .sorted(Comparator.comparing(IamPolicy::name).thenComparing(p -> p.arn().toString()))
                .toList();
        IamLimits.Page<IamPolicy> page = IamLimits.page(chosen, p -> p.name() + "\n" + p.arn(), r.marker(), r.maxItems());
        return ListPoliciesResponse.builder()
                .policies(page.items().stream().map(p -> p.toModel(state.attachments(p.arn()), false)).toList())
                .isTruncated(page.truncated()).marker(page.marker()).build();
    }

    public DeletePolicyResponse deletePolicy(DeletePolicyRequest r) {
        IamPolicy p = state.policy(IamLimits.policyArn(r.policyArn()));
        if (p.awsManaged()) {
            throw IamErrors.accessDenied("iam:DeletePolicy", "policy " + p.arn());
        }
        state.delete(p);
        return DeletePolicyResponse.builder().build();
    }
}
