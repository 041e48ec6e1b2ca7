package io.eventharness.emulator.sts;

import io.eventharness.emulator.core.EmulatorClock;
import io.eventharness.emulator.iam.IamService;
import io.eventharness.emulator.protocol.EmulatedService;
import io.eventharness.emulator.protocol.ServiceSpec;
import io.eventharness.emulator.auth.Credential;
import io.eventharness.emulator.core.Arn;
import io.eventharness.emulator.policy.Principal;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.sts.model.Credentials;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * AWS STS, bound to the emulator: its spec, the sessions it issued, and its operation objects. It reads roles and
 * access keys through IAM's in-JVM API. What it serves and how it differs from AWS: see the package documentation.
 */
public final class StsService implements EmulatedService {
    public static final ServiceSpec SPEC = ServiceSpec.query("sts", StsClient.class, "https://sts.amazonaws.com/doc/2011-06-15/");

    private final List<Object> operations;
    private final StsSessions sessions = new StsSessions();
    private final CredentialOperations credentials;

    public StsService(EmulatorClock clock, IamService iam) {
        Callers callers = new Callers(sessions, iam);
        this.credentials = new CredentialOperations(clock, sessions, callers, iam);
        this.operations = List.of(new IdentityOperations(clock, callers), credentials);
    }

    // ---- in-JVM API -----------------------------------------------------------------------------

    /** The credential of temporary keys STS issued (their secret, token, expiry and principal); empty for others. */
    public Optional<Credential> credential(String accessKeyId) {
        return sessions.credential(accessKeyId);
    }

    /**
     * Temporary credentials for a session of a role, as Lambda gives each sandbox for its function's execution role
     * (the session named after the function); empty when the role does not exist.
     */
    public Optional<Credentials> credentialsForRole(Arn roleArn, String sessionName, Duration duration) {
        return credentials.forRole(roleArn, sessionName, (int) duration.toSeconds());
    }

    /**
     * The session policies of the credentials with this access key, when they stand for this principal: AssumeRole's
     * inline {@code Policy} (first, if any) and its {@code PolicyArns}; empty for credentials without any.
     */
    public SessionPolicies sessionPolicies(Principal principal, String accessKeyId) {
        return sessions.session(principal, accessKeyId).map(s -> new SessionPolicies(s.sessionPolicy(), s.policyArns()))
                .orElse(SessionPolicies.NONE);
    }

    /** A session's policies: an inline document (or null) and managed policy ARNs. */
    public record SessionPolicies(String inline, List<String> managedArns) {
        public static final SessionPolicies NONE = new SessionPolicies(null, List.of());

        public boolean none() {
            return inline == null && managedArns.isEmpty();
        }
    }

    @Override
    public ServiceSpec spec() {
        return SPEC;
    }

    @Override
    public List<?> operations() {
        return operations;
    }
}
