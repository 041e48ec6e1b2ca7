package io.eventharness.emulator.iam;

import io.eventharness.emulator.core.Account;
import io.eventharness.emulator.core.EmulatorClock;
import io.eventharness.emulator.protocol.Call;
import io.eventharness.emulator.protocol.EmulatedService;
import io.eventharness.emulator.protocol.ServiceSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.*;

/**
 * AWS IAM (query protocol, global): roles with trust, inline and attached managed policies; managed
 * policies; users and access keys. Everything is stored and validated as IAM does, nothing is enforced.
 * Policy documents go out URL-encoded, as IAM sends them (boto3 decodes them; the Java SDK hands them
 * over as they came: {@code URLDecoder.decode(role.assumeRolePolicyDocument(), UTF_8)}).
 *
 * <p>Other emulator services look roles up with {@link #roleExists} and {@link #role}.
 *
 * <p>Differs from AWS: any {@code arn:aws:iam::aws:policy/…} ARN can be attached, but only the AWS
 * managed policies in {@code aws-managed-policies.json} can be read; policies have one version;
 * instance profiles, groups and user policies are not emulated.
 */
public final class IamService implements EmulatedService {
    public static final ServiceSpec SPEC = ServiceSpec.query("iam", IamClient.class, "https://iam.amazonaws.com/doc/2010-05-08/");

    @Override
    public ServiceSpec spec() {
        return SPEC;
    }

    @Override
    public List<?> operations() {
        return List.of(this);
    }

    /** IAM quota "Role trust policy length": 2,048 characters, white space not counted. */
    private static final int MAX_TRUST_POLICY = 2048;
    /** IAM quota "Role policy size": all inline policies of a role together, 10,240 characters. */
    private static final int MAX_INLINE_POLICIES = 10240;
    /** IAM quota "Managed policies attached to an IAM role": 10 by default. */
    private static final int MAX_ATTACHED = 10;

    private final IamState state;
    private final PolicyOperations policies;
    private final UserOperations users;

    public IamService(EmulatorClock clock) {
        this.state = new IamState(clock);
        this.policies = new PolicyOperations(state);
        this.users = new UserOperations(state);
    }

    // ---- in-JVM API -----------------------------------------------------------------------------

    /** Whether {@code arn:aws:iam::000000000000:role/<path><name>} names an existing role (Lambda's execution role check). */
    public synchronized boolean roleExists(String roleArn) {
        return role(roleArn).isPresent();
    }

    /**
     * The role with this ARN, its trust policy as plain JSON (not URL-encoded); empty for another
     * account, a malformed ARN or a role that does not exist or was re-created under another path.
     */
    public synchronized Optional<Role> role(String roleArn) {
        String prefix = "arn:aws:iam::" + Account.ID + ":role/";
        if (roleArn == null || !roleArn.startsWith(prefix)) {
            return Optional.empty();
        }
        String name = roleArn.substring(roleArn.lastIndexOf('/') + 1);
        IamRole r = state.roles.get(IamState.key(name));
        return r != null && r.arn.equals(roleArn) ? Optional.of(r.toModel(IamRole.View.IN_JVM)) : Optional.empty();
    }

    /** The IAM user owning a long-term access key ({@code AKIA…}), if IAM issued it. */
    public synchronized Optional<User> userByAccessKey(String accessKeyId) {
        IamUser u = state.keyOwners.get(accessKeyId);
        return u == null ? Optional.empty() : Optional.of(u.toModel(false));
    }

    // ---- roles ------------------------------------------------------------------------------------

    public synchronized CreateRoleResponse createRole(CreateRoleRequest r) {
        String name = IamLimits.name(r.roleName(), "roleName", 64);
        String path = IamLimits.path(r.path());
        String trust = trustPolicy(r.assumeRolePolicyDocument());
        if (r.description() != null) {
            IamLimits.length(r.description(), "description", 0, 1000);
        }
        int maxSession = IamLimits.range(r.maxSessionDuration(), "maxSessionDuration", 3600, 43200, 3600);
        if (r.permissionsBoundary() != null) {
            state.checkAttachable(r.permissionsBoundary());
        }
        List<Tag> tags = IamLimits.tags(r.tags(), 0, "Role");
        if (state.roles.containsKey(IamState.key(name))) {
            throw IamErrors.alreadyExists("Role with name " + name + " already exists.");
        }
        IamRole role = new IamRole(name, path, IamIds.uniqueId("AROA"), Account.globalArn("iam", "role" + path + name),
                state.now(), trust);
        role.description = r.description();
        role.maxSessionDuration = maxSession;
        role.permissionsBoundary = r.permissionsBoundary();
        role.tags.addAll(tags);
        state.roles.put(IamState.key(name), role);
        return CreateRoleResponse.builder().role(role.toModel(IamRole.View.CREATED)).build();
    }

    public synchronized GetRoleResponse getRole(GetRoleRequest r) {
        return GetRoleResponse.builder().role(state.role(r.roleName()).toModel(IamRole.View.FULL)).build();
    }

    /** ListRoles: by name, under PathPrefix; without tags, boundary and last use, as AWS lists them. */
    public synchronized ListRolesResponse listRoles(ListRolesRequest r) {
        String prefix = IamLimits.pathPrefix(r.pathPrefix());
        List<IamRole> chosen = state.roles.values().stream().filter(x -> x.path.startsWith(prefix)).toList();
        IamLimits.Page<IamRole> page = IamLimits.page(chosen, x -> IamState.key(x.name), r.marker(), r.maxItems());
        return ListRolesResponse.builder().roles(page.items().stream().map(x -> x.toModel(IamRole.View.LISTED)).toList())
                .isTruncated(page.truncated()).marker(page.marker()).build();
    }

    /** DeleteRole: refused while managed policies are attached or inline policies exist. */
    public synchronized DeleteRoleResponse deleteRole(DeleteRoleRequest r) {
        IamRole role = state.role(r.roleName());
        if (!role.attached.isEmpty()) {
            throw IamErrors.deleteConflict("Cannot delete entity, must detach all policies first.");
        }
        if (!role.inline.isEmpty()) {
            throw IamErrors.deleteConflict("Cannot delete entity, must delete policies first.");
        }
        state.roles.remove(IamState.key(role.name));
        return DeleteRoleResponse.builder().build();
    }

    public synchronized UpdateRoleResponse updateRole(UpdateRoleRequest r) {
        IamRole role = state.role(r.roleName());
        if (r.description() != null) {
            IamLimits.length(r.description(), "description", 0, 1000);
            role.description = r.description();
        }
        if (r.maxSessionDuration() != null) {
            role.maxSessionDuration = IamLimits.range(r.maxSessionDuration(), "maxSessionDuration", 3600, 43200, 3600);
        }
        return UpdateRoleResponse.builder().build();
    }

    public synchronized UpdateAssumeRolePolicyResponse updateAssumeRolePolicy(UpdateAssumeRolePolicyRequest r) {
        IamRole role = state.role(r.roleName());
        role.trustPolicy = trustPolicy(r.policyDocument());
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

    public synchronized TagRoleResponse tagRole(TagRoleRequest r) {
        IamLimits.required(r.tags(), "tags"); // the model's constraints are checked before the role is looked up
        IamRole role = state.role(r.roleName());
        List<String> keys = r.tags().stream().map(Tag::key).toList();
        long kept = role.tags.stream().filter(t -> !keys.contains(t.key())).count();
        IamLimits.tags(r.tags(), (int) kept, "Role");
        role.tags.removeIf(t -> keys.contains(t.key()));
        role.tags.addAll(r.tags());
        return TagRoleResponse.builder().build();
    }

    public synchronized UntagRoleResponse untagRole(UntagRoleRequest r) {
        IamLimits.required(r.tagKeys(), "tagKeys");
        state.role(r.roleName()).tags.removeIf(t -> r.tagKeys().contains(t.key()));
        return UntagRoleResponse.builder().build();
    }

    public synchronized ListRoleTagsResponse listRoleTags(ListRoleTagsRequest r) {
        IamRole role = state.role(r.roleName());
        IamLimits.Page<Tag> page = IamLimits.page(role.tags.stream().sorted(java.util.Comparator.comparing(Tag::key)).toList(),
                Tag::key, r.marker(), r.maxItems());
        return ListRoleTagsResponse.builder().tags(page.items()).isTruncated(page.truncated()).marker(page.marker()).build();
    }

    // ---- managed policies attached to roles -------------------------------------------------------

    public synchronized AttachRolePolicyResponse attachRolePolicy(AttachRolePolicyRequest r) {
        IamRole role = state.role(r.roleName());
        state.checkAttachable(r.policyArn());
        if (!role.attached.contains(r.policyArn()) && role.attached.size() >= MAX_ATTACHED) {
            throw IamErrors.limitExceeded("Cannot exceed quota for PoliciesPerRole: " + MAX_ATTACHED);
        }
        role.attached.add(r.policyArn());
        return AttachRolePolicyResponse.builder().build();
    }

    public synchronized DetachRolePolicyResponse detachRolePolicy(DetachRolePolicyRequest r) {
        IamRole role = state.role(r.roleName());
        IamLimits.length(r.policyArn(), "policyArn", 20, 2048);
        if (!role.attached.remove(r.policyArn())) {
            throw IamErrors.noSuchEntity("Policy " + r.policyArn() + " was not found.");
        }
        return DetachRolePolicyResponse.builder().build();
    }

    public synchronized ListAttachedRolePoliciesResponse listAttachedRolePolicies(ListAttachedRolePoliciesRequest r) {
        IamRole role = state.role(r.roleName());
        String prefix = IamLimits.pathPrefix(r.pathPrefix());
        List<AttachedPolicy> attached = new ArrayList<>();
        for (String arn : role.attached) {
            String pathAndName = arn.substring(arn.indexOf(":policy/") + ":policy".length());
            if (pathAndName.startsWith(prefix)) {
                IamPolicy p = state.policies.get(arn);
                attached.add(AttachedPolicy.builder().policyArn(arn)
                        .policyName(p != null ? p.name : AwsManagedPolicies.nameOf(arn)).build());
            }
        }
        IamLimits.Page<AttachedPolicy> page = IamLimits.page(attached.stream()
                .sorted(java.util.Comparator.comparing(AttachedPolicy::policyArn)).toList(), AttachedPolicy::policyArn, r.marker(), r.maxItems());
        return ListAttachedRolePoliciesResponse.builder().attachedPolicies(page.items())
                .isTruncated(page.truncated()).marker(page.marker()).build();
    }

    // ---- inline role policies ---------------------------------------------------------------------

    public synchronized PutRolePolicyResponse putRolePolicy(PutRolePolicyRequest r) {
        IamRole role = state.role(r.roleName());
        String name = IamLimits.name(r.policyName(), "policyName", 128);
        IamLimits.length(r.policyDocument(), "policyDocument", 1, 131072);
        PolicyDocuments.check(r.policyDocument(), PolicyDocuments.Kind.IDENTITY);
        int total = PolicyDocuments.size(r.policyDocument());
        for (var e : role.inline.entrySet()) {
            if (!e.getKey().equals(name)) {
                total += PolicyDocuments.size(e.getValue());
            }
        }
        if (total > MAX_INLINE_POLICIES) {
            throw IamErrors.limitExceeded("Maximum policy size of " + MAX_INLINE_POLICIES + " bytes exceeded for role " + role.name);
        }
        role.inline.put(name, r.policyDocument());
        return PutRolePolicyResponse.builder().build();
    }

    public synchronized GetRolePolicyResponse getRolePolicy(GetRolePolicyRequest r) {
        IamRole role = state.role(r.roleName());
        String doc = role.inline.get(IamLimits.name(r.policyName(), "policyName", 128));
        if (doc == null) {
            throw IamErrors.noSuchEntity("The role policy with name " + r.policyName() + " cannot be found.");
        }
        return GetRolePolicyResponse.builder().roleName(role.name).policyName(r.policyName())
                .policyDocument(PolicyDocuments.encode(doc)).build();
    }

    public synchronized ListRolePoliciesResponse listRolePolicies(ListRolePoliciesRequest r) {
        IamRole role = state.role(r.roleName());
        IamLimits.Page<String> page = IamLimits.page(new ArrayList<>(role.inline.keySet()), n -> n, r.marker(), r.maxItems());
        return ListRolePoliciesResponse.builder().policyNames(page.items()).isTruncated(page.truncated()).marker(page.marker()).build();
    }

    public synchronized DeleteRolePolicyResponse deleteRolePolicy(DeleteRolePolicyRequest r) {
        IamRole role = state.role(r.roleName());
        if (role.inline.remove(IamLimits.name(r.policyName(), "policyName", 128)) == null) {
            throw IamErrors.noSuchEntity("The role policy with name " + r.policyName() + " cannot be found.");
        }
        return DeleteRolePolicyResponse.builder().build();
    }

    // ---- managed policies (PolicyOperations) ------------------------------------------------------

    public synchronized CreatePolicyResponse createPolicy(CreatePolicyRequest r) {
        return policies.createPolicy(r);
    }

    public synchronized GetPolicyResponse getPolicy(GetPolicyRequest r) {
        return policies.getPolicy(r);
    }

    public synchronized GetPolicyVersionResponse getPolicyVersion(GetPolicyVersionRequest r) {
        return policies.getPolicyVersion(r);
    }

    public synchronized ListPoliciesResponse listPolicies(ListPoliciesRequest r) {
        return policies.listPolicies(r);
    }

    public synchronized DeletePolicyResponse deletePolicy(DeletePolicyRequest r) {
        return policies.deletePolicy(r);
    }

    // ---- users and access keys (UserOperations) ---------------------------------------------------

    public synchronized CreateUserResponse createUser(CreateUserRequest r) {
        return users.createUser(r);
    }

    public synchronized GetUserResponse getUser(GetUserRequest r, Call call) {
        return users.getUser(r, caller(call));
    }

    public synchronized ListUsersResponse listUsers(ListUsersRequest r) {
        return users.listUsers(r);
    }

    public synchronized DeleteUserResponse deleteUser(DeleteUserRequest r) {
        return users.deleteUser(r);
    }

    public synchronized CreateAccessKeyResponse createAccessKey(CreateAccessKeyRequest r, Call call) {
        return users.createAccessKey(r, caller(call));
    }

    public synchronized ListAccessKeysResponse listAccessKeys(ListAccessKeysRequest r, Call call) {
        return users.listAccessKeys(r, caller(call));
    }

    public synchronized DeleteAccessKeyResponse deleteAccessKey(DeleteAccessKeyRequest r, Call call) {
        return users.deleteAccessKey(r, caller(call));
    }

    /** The user whose access key signed the request; the root user for any key IAM did not issue. */
    private IamUser caller(Call call) {
        IamUser u = call.scope().map(scope -> state.keyOwners.get(scope.accessKeyId())).orElse(null);
        return u != null ? u : state.root;
    }
}
