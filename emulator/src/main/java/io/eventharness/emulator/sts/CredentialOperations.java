package io.eventharness.emulator.sts;

import io.eventharness.emulator.core.Arn;
import io.eventharness.emulator.core.EmulatorClock;
import io.eventharness.emulator.core.Ids;
import io.eventharness.emulator.iam.IamIds;
import io.eventharness.emulator.iam.IamService;
import io.eventharness.emulator.iam.PolicyDocuments;
import io.eventharness.emulator.protocol.Call;
import io.eventharness.emulator.policy.Principal;
import java.time.Instant;
import java.util.List;
import java.time.temporal.ChronoUnit;
import software.amazon.awssdk.services.iam.model.Role;
import software.amazon.awssdk.services.sts.model.AssumeRoleRequest;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;
import software.amazon.awssdk.services.sts.model.AssumedRoleUser;
import software.amazon.awssdk.services.sts.model.Credentials;
import software.amazon.awssdk.services.sts.model.GetSessionTokenRequest;
import software.amazon.awssdk.services.sts.model.GetSessionTokenResponse;
import software.amazon.awssdk.services.sts.model.PolicyDescriptorType;

/** Temporary credentials: AssumeRole and GetSessionToken. */
public final class CredentialOperations {
    /** Session policies (inline and managed together) pack into at most this many characters; AWS reports the share used. */
    private static final int PACKED_POLICY_LIMIT = 2048;
    private static final int ROOT_MAX_SESSION = 3600;

    private final EmulatorClock clock;
    private final StsSessions sessions;
    private final Callers callers;
    private final IamService iam;

    CredentialOperations(EmulatorClock clock, StsSessions sessions, Callers callers, IamService iam) {
        this.clock = clock;
        this.sessions = sessions;
        this.callers = callers;
        this.iam = iam;
    }

    /**
     * AssumeRole (API reference "AssumeRole"): 900–43,200 seconds, at most the role's MaxSessionDuration, default
     * 3,600. The role must exist in the emulated IAM; its trust policy is not evaluated.
     */
    public AssumeRoleResponse assumeRole(AssumeRoleRequest r, Call call) {
        String given = StsLimits.length(r.roleArn(), "roleArn", 20, 2048);
        String session = StsLimits.sessionName(r.roleSessionName());
        int duration = StsLimits.range(r.durationSeconds(), "durationSeconds", 900, 43200, 3600);
        Integer packed = sessionPolicies(r);
        Arn roleArn = StsLimits.roleArn(given);
        Role role = iam.role(roleArn).orElseThrow(() -> StsErrors.cannotAssume(callers.of(call).identity().arn(), given));
        if (duration > role.maxSessionDuration()) {
            throw StsErrors.durationOverRoleMaximum();
        }
        Identity assumed = Identity.assumedRole(role.roleName(), role.roleId(), session);
        Principal principal = Principal.roleSession(Arn.parse(role.arn()), role.roleId(), session);
        List<String> arns = r.hasPolicyArns() ? r.policyArns().stream().map(PolicyDescriptorType::arn).toList() : List.of();
        Credentials creds = issue(assumed, principal, duration, r.policy(), arns);
        return AssumeRoleResponse.builder().credentials(creds)
                .assumedRoleUser(AssumedRoleUser.builder().arn(assumed.arn().toString()).assumedRoleId(assumed.userId()).build())
                .packedPolicySize(packed).sourceIdentity(r.sourceIdentity()).build();
    }

    /**
     * GetSessionToken (API reference "GetSessionToken"): 900–129,600 seconds, default 43,200; the root
     * user's sessions last at most an hour (a longer request silently gets one hour, as in AWS). Not
     * callable with temporary credentials.
     */
    public GetSessionTokenResponse getSessionToken(GetSessionTokenRequest r, Call call) {
        int duration = StsLimits.range(r.durationSeconds(), "durationSeconds", 900, 129600, 43200);
        Callers.Caller who = callers.of(call);
        if (who.temporary()) {
            throw StsErrors.sessionCredentials();
        }
        if (who.identity().root()) {
            duration = r.durationSeconds() == null ? ROOT_MAX_SESSION : Math.min(duration, ROOT_MAX_SESSION);
        }
        return GetSessionTokenResponse.builder().credentials(issue(who.identity(), call.principal(), duration, null, List.of()))
                .build();
    }

    /** Credentials of a role's session (a Lambda sandbox's), as AssumeRole issues them; empty when the role is gone. */
    java.util.Optional<Credentials> forRole(Arn roleArn, String sessionName, int durationSeconds) {
        return iam.role(roleArn).map(role -> issue(Identity.assumedRole(role.roleName(), role.roleId(), sessionName),
                Principal.roleSession(roleArn, role.roleId(), sessionName), durationSeconds, null, List.of()));
    }

    private Credentials issue(Identity identity, Principal principal, int durationSeconds, String sessionPolicy,
                              List<String> policyArns) {
        Instant expiration = clock.now().plusSeconds(durationSeconds).truncatedTo(ChronoUnit.SECONDS);
        String keyId = IamIds.accessKeyId("ASIA");
        String secret = IamIds.secretAccessKey();
        String token = Ids.token(192);
        sessions.add(keyId, new StsSessions.Session(identity, principal, secret, token, expiration, sessionPolicy, policyArns));
        return Credentials.builder().accessKeyId(keyId).secretAccessKey(secret).sessionToken(token).expiration(expiration)
                .build();
    }

    /** Validates Policy and PolicyArns; returns the packed size in percent of the limit, or null without session policies. */
    private static Integer sessionPolicies(AssumeRoleRequest r) {
        if (r.policy() == null && !r.hasPolicyArns()) {
            return null;
        }
        int size = 0;
        if (r.policy() != null) {
            StsLimits.length(r.policy(), "policy", 1, 2048);
            PolicyDocuments.check(r.policy(), PolicyDocuments.Kind.IDENTITY);
            size += PolicyDocuments.size(r.policy());
        }
        if (r.hasPolicyArns()) {
            if (r.policyArns().size() > 10) {
                throw StsErrors.constraint("[...]", "policyArns", "Member must have length less than or equal to 10");
            }
            for (PolicyDescriptorType p : r.policyArns()) {
                size += StsLimits.length(p.arn(), "policyArns.member.arn", 20, 2048).length();
            }
        }
        int percent = (int) Math.ceil(size * 100.0 / PACKED_POLICY_LIMIT);
        if (percent > 100) {
            throw StsErrors.packedPolicyTooLarge(percent);
        }
        return percent;
    }
}
