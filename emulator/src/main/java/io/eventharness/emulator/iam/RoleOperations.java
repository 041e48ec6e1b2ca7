package io.eventharness.emulator.iam;

import java.util.List;
import software.amazon.awssdk.services.iam.model.*;

/** Role operations: create, read, list, update, delete, the trust policy and tags. */
public final class RoleOperations {
    /** IAM quota "Role trust policy length": 2,048 characters, white space not counted. */
    private static final int MAX_TRUST_POLICY = 2048;

    private final IamState state;

    RoleOperations(IamState state) {
        this.state = state;
    }

    public CreateRoleResponse createRole(CreateRoleRequest r) {
        String name = IamLimits.name(r.roleName(), "roleName", 64);
        String path = IamLimits.path(r.path());
        String trust = trustPolicy(r.assumeRolePolicyDocument());
        if (r.description() != null) {
            IamLimits.length(r.description(), "description", 0, 1000);
        }
        int maxSession = IamLimits.range(r.maxSessionDuration(), "maxSessionDuration", 3600, 43200, 3600);
        if (r.permissionsBoundary() != null) {
            state.checkAttachable(IamLimits.policyArn(r.permissionsBoundary()));
        }
        List<Tag> tags = IamLimits.tags(r.tags(), 0, "Role");
        IamRole role = new IamRole(name, path, IamIds.uniqueId("AROA"), state.now(),
                new IamRole.Settings(trust, r.description(), maxSession, r.permissionsBoundary(), tags));
        state.add(role);
        return CreateRoleResponse.builder().role(role.toModel(IamRole.View.CREATED)).build();
    }

    public GetRoleResponse getRole(GetRoleRequest r) {
        return GetRoleResponse.builder().role(state.role(r.roleName()).toModel(IamRole.View.FULL)).build();
    }

    /** ListRoles: by name, under PathPrefix; without tags, boundary and last use, as AWS lists them. */
    public ListRolesResponse listRoles(ListRolesRequest r) {
        String prefix = IamLimits.pathPrefix(r.pathPrefix());
        IamLimits.Page<IamRole> page = IamLimits.page(state.roles(prefix), x -> IamState.key(x.name()),
                r.marker(), r.maxItems());
        return ListRolesResponse.builder().roles(page.items().stream().map(x -> x.toModel(IamRole.View.LISTED)).toList())
                .isTruncated(page.truncated()).marker(page.marker()).build();
    }

    /** DeleteRole: refused while managed policies are attached or inline policies exist. */
    public DeleteRoleResponse deleteRole(DeleteRoleRequest r) {
        state.delete(state.role(r.roleName()));
        return DeleteRoleResponse.builder().build();
    }

    public UpdateRoleResponse updateRole(UpdateRoleRequest r) {
        IamRole role = state.role(r.roleName());
        if (r.description() != null) {
            IamLimits.length(r.description(), "description", 0, 1000);
        }
        Integer maxSession = r.maxSessionDuration() == null ? null
                : IamLimits.range(r.maxSessionDuration(), "maxSessionDuration", 3600, 43200, 3600);
        role.update(r.description(), maxSession);
        return UpdateRoleResponse.builder().build();
    }

    public UpdateAssumeRolePolicyResponse updateAssumeRolePolicy(UpdateAssumeRolePolicyRequest r) {
        IamRole role = state.role(r.roleName());
        role.trustPolicy(trustPolicy(r.policyDocument()));
        return UpdateAssumeRolePolicyResponse.builder().build();
    }

    private static String trustPolicy(String document) {
        IamLimits.length(document, "assumeRolePolicyDocument", 1, 131072);
        PolicyDocuments.check(document, PolicyDocuments.Kind.TRUST);
        if (PolicyDocuments.size(document) > MAX_TRUST_POLICY) {
            throw IamErrors.limitExceeded("Cannot exceed quota for ACLSizePerRole: " + MAX_TRUST_POLICY);
        }
        return document;
    }

    public TagRoleResponse tagRole(TagRoleRequest r) {
        IamLimits.required(r.tags(), "tags"); // the model's constraints are checked before the role is looked up
        state.role(r.roleName()).tag(r.tags());
        return TagRoleResponse.builder().build();
    }

    public UntagRoleResponse untagRole(UntagRoleRequest r) {
        IamLimits.required(r.tagKeys(), "tagKeys");
        state.role(r.roleName()).untag(r.tagKeys());
        return UntagRoleResponse.builder().build();
    }

    public ListRoleTagsResponse listRoleTags(ListRoleTagsRequest r) {
        IamRole role = state.role(r.roleName());
        IamLimits.Page<Tag> page = IamLimits.page(role.tags(), Tag::key, r.marker(), r.maxItems());
        return ListRoleTagsResponse.builder().tags(page.items()).isTruncated(page.truncated()).marker(page.marker()).build();
    }
}
