package io.eventharness.emulator.pipeline;

import io.eventharness.emulator.policy.AccessRequest;
import io.eventharness.emulator.policy.AppliedPolicies;
import io.eventharness.emulator.policy.Decision;
import io.eventharness.emulator.policy.PolicyEvaluator;
import io.eventharness.emulator.policy.Principal;
import io.eventharness.emulator.protocol.Call;
import io.eventharness.emulator.protocol.CredentialScope;
import io.eventharness.emulator.protocol.OperationModel;
import io.eventharness.emulator.routing.ServiceBinding;
import java.time.Instant;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * IAM's policies, enforced: each permission a call needs ({@link IamActions}) is evaluated as IAM does
 * ({@link PolicyEvaluator}) against the caller's identity-based policies, permissions boundary and session policies
 * and the resource's own policy; the first denial is told to the listener (the event trail, the collected
 * least-privilege policy) and thrown in the service's words ({@link AccessDenied}). The root user is allowed without
 * evaluation. {@code sts:AssumeRole} also needs the role's trust policy (its resource-based policy here) to name the
 * caller, its role or its account.
 *
 * <p>Request context keys filled in besides the principal's and the time's: {@code aws:SourceIp},
 * {@code aws:SecureTransport} ({@code false}: the emulator speaks HTTP), {@code aws:RequestedRegion}, and the keys a
 * call carries ({@code s3:prefix}, {@code iam:PassedToService}).
 */
public final class PolicyAuthorizer implements Authorizer {

    /** Where the policies come from: IAM and STS for the caller's, the services for their resources'. */
    public interface Policies {
        /** The identity-based policies, boundary and session policies of a caller signing with this access key. */
        AppliedPolicies identity(Principal principal, String accessKeyId);

        /** The resource-based policy of a resource (a function's, a queue's, a topic's); null when it has none. */
        AppliedPolicies.Source resource(String resourceArn);
    }

    private final Policies policies;
    private final Supplier<Instant> now;
    private final Consumer<Decision> denials;

    /** @param denials told of each denial before it is thrown */
    public PolicyAuthorizer(Policies policies, Supplier<Instant> now, Consumer<Decision> denials) {
        this.policies = policies;
        this.now = now;
        this.denials = denials;
    }

    @Override
    public void authorize(ServiceBinding service, OperationModel op, Object request, Call call) {
        Principal who = call.principal();
        if (who.kind() == Principal.Kind.ROOT) {
            return;
        }
        AppliedPolicies identity = null;
        for (IamActions.Access access : IamActions.of(service.name(), op.name(), request, call)) {
            if (identity == null) {
                identity = policies.identity(who, call.scope().map(CredentialScope::accessKeyId).orElse(null));
            }
            Decision d = decide(who, access, identity, call);
            if (!d.allowed()) {
                denials.accept(d);
                throw AccessDenied.of(service.spec(), d);
            }
        }
    }

    /** One permission, evaluated. */
    Decision decide(Principal who, IamActions.Access access, AppliedPolicies identity, Call call) {
        AccessRequest r = AccessRequest.of(who, access.action(), access.resource(), now.get())
                .with("aws:SourceIp", call.sourceIp()).with("aws:SecureTransport", "false")
                .with("aws:RequestedRegion", call.region());
        for (var e : access.context().entrySet()) {
            r = r.with(e.getKey(), e.getValue());
        }
        AppliedPolicies.Source resource = access.resource().equals("*") ? null : policies.resource(access.resource());
        Decision d = PolicyEvaluator.evaluate(r, identity.withResource(resource));
        if (d.allowed() && access.action().equals("sts:AssumeRole") && (resource == null || !PolicyEvaluator.namesCaller(r, resource))) {
            // a role is assumed only by whom its trust policy names, whatever identity-based policies allow
            return new Decision(Decision.Outcome.IMPLICIT_DENY, Decision.PolicyType.RESOURCE, null, null, r);
        }
        return d;
    }
}
