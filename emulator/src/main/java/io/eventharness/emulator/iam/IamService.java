package io.eventharness.emulator.iam;

import io.eventharness.emulator.auth.Credential;
import io.eventharness.emulator.core.Arn;
import io.eventharness.emulator.core.EmulatorClock;
import io.eventharness.emulator.policy.AppliedPolicies;
import io.eventharness.emulator.policy.Principal;
import io.eventharness.emulator.protocol.EmulatedService;
import io.eventharness.emulator.protocol.ServiceSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.Role;
import software.amazon.awssdk.services.iam.model.User;

/**
 * AWS IAM, bound to the emulator: its spec, its state and its operation objects, and the in-JVM API other
 * services use (Lambda checks execution roles with {@link #roleExists}, STS reads roles and access keys). What it
 * serves and how it differs from AWS: see the package documentation.
 */
public final class IamService implements EmulatedService {
    public static final ServiceSpec SPEC = ServiceSpec.query("iam", IamClient.class, "https://iam.amazonaws.com/doc/2010-05-08/");

    private final IamState state;
    private final List<Object> operations;

    public IamService(EmulatorClock clock) {
        this.state = new IamState(clock);
        this.operations = List.of(new RoleOperations(state), new RolePolicyOperations(state), new PolicyOperations(state),
                new UserOperations(state), new UserPolicyOperations(state));
    }

    @Override
    public ServiceSpec spec() {
        return SPEC;
    }

    @Override
    public List<?> operations() {
        return operations;
    }

    // ---- in-JVM API -----------------------------------------------------------------------------

    /** Whether {@code arn:aws:iam::000000000000:role/<path><name>} names an existing role (Lambda's execution role check). */
    public boolean roleExists(String roleArn) {
        return role(roleArn).isPresent();
    }

    /**
     * The role with this ARN, its trust policy as plain JSON (not URL-encoded); empty for another
     * account, a malformed ARN or a role that does not exist or was re-created under another path.
     */
    public Optional<Role> role(String roleArn) {
        return Arn.tryParse(roleArn).flatMap(this::role);
    }

    /** {@link #role(String)} for a parsed ARN. */
    public Optional<Role> role(Arn roleArn) {
        return state.role(roleArn).map(r -> r.toModel(IamRole.View.IN_JVM));
    }

    /**
     * The credential of a long-term access key IAM issued: its secret and its user's principal; empty for any other
     * key.
     */
    public Optional<Credential> credential(String accessKeyId) {
        return state.keyOwner(accessKeyId).flatMap(u -> u.key(accessKeyId)
                .map(k -> new Credential(k.id(), k.secret(), null, u.principal(), null)));
    }

    /**
     * The identity-based policies of a user or of a role session's role, as IAM evaluates them: inline policies
     * ({@code role r, inline policy p}) and attached managed ones (by ARN) whose documents are known, and a role's
     * permissions boundary; {@link AppliedPolicies#NONE} for the root user, a service, an anonymous caller, or an
     * entity that no longer exists (its credentials then grant nothing).
     */
    public AppliedPolicies identityPolicies(Principal p) {
        return switch (p.kind()) {
            case USER -> state.userIfExists(p.arn()).map(u -> AppliedPolicies.identity(
                    sources("user " + u.name(), u.inline(), u.attached()))).orElse(AppliedPolicies.NONE);
            case ASSUMED_ROLE -> state.role(p.roleArn()).map(r -> AppliedPolicies.identity(
                    sources("role " + r.name(), r.inline(), r.attached())).withBoundary(boundary(r))).orElse(AppliedPolicies.NONE);
            default -> AppliedPolicies.NONE;
        };
    }

    private List<AppliedPolicies.Source> sources(String owner, Map<String, String> inline, List<Arn> attached) {
        List<AppliedPolicies.Source> out = new ArrayList<>();
        inline.forEach((name, doc) -> out.add(AppliedPolicies.Source.of(owner + ", inline policy " + name, doc)));
        for (Arn arn : attached) {
            state.policyIfKnown(arn).ifPresent(p -> out.add(AppliedPolicies.Source.of(arn.toString(), p.document())));
        }
        return out;
    }

    private AppliedPolicies.Source boundary(IamRole r) {
        String arn = r.permissionsBoundary();
        return arn == null ? null : Arn.tryParse(arn).flatMap(state::policyIfKnown)
                .map(p -> AppliedPolicies.Source.of(arn, p.document())).orElse(null);
    }

    /** The document of a managed policy (a customer one, or an AWS one the emulator knows), for evaluation. */
    public Optional<String> managedPolicyDocument(Arn policyArn) {
        return state.policyIfKnown(policyArn).map(IamPolicy::document);
    }

    /** The IAM user owning a long-term access key ({@code AKIA…}), if IAM issued it. */
    public Optional<User> userByAccessKey(String accessKeyId) {
        return state.keyOwner(accessKeyId).map(u -> u.toModel(false));
    }
}
