package io.eventharness.emulator.sts;

import io.eventharness.emulator.core.Account;
import io.eventharness.emulator.core.AwsException;
import io.eventharness.emulator.core.EmulatorClock;
import io.eventharness.emulator.core.Ids;
import io.eventharness.emulator.iam.IamIds;
import io.eventharness.emulator.iam.IamService;
import io.eventharness.emulator.iam.PolicyDocuments;
import io.eventharness.emulator.protocol.Call;
import io.eventharness.emulator.protocol.EmulatedService;
import io.eventharness.emulator.protocol.ServiceSpec;
import java.util.List;
import io.eventharness.emulator.protocol.CredentialScope;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.iam.model.Role;
import software.amazon.awssdk.services.iam.model.User;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.*;

/**
 * AWS STS (query protocol): GetCallerIdentity, AssumeRole, GetSessionToken, GetAccessKeyInfo.
 *
 * <p>Who is calling is read from the access key that signed the request: credentials this STS issued
 * stand for their assumed role (or for whoever called GetSessionToken), an IAM user's access key for
 * that user, and any other key for the account's root user ({@code arn:aws:iam::000000000000:root}).
 *
 * <p>AssumeRole checks that the ARN is well formed (ValidationError) and that the role exists in the
 * emulated IAM, else answers 403 AccessDenied as AWS does when a role cannot be assumed; the trust
 * policy is not evaluated. Temporary credentials expire on the emulator clock, which only
 * GetCallerIdentity checks ({@code ExpiredToken}); other services accept any credentials.
 */
public final class StsService implements EmulatedService {
    public static final ServiceSpec SPEC = ServiceSpec.query("sts", StsClient.class, "https://sts.amazonaws.com/doc/2011-06-15/");

    @Override
    public ServiceSpec spec() {
        return SPEC;
    }

    @Override
    public List<?> operations() {
        return List.of(this);
    }

    private static final Pattern ROLE_ARN = Pattern.compile("arn:aws:iam::\\d{12}:role/(?:[\\u0021-\\u007E]+/)?([\\w+=,.@-]{1,64})");
    private static final Pattern SESSION_NAME = Pattern.compile("[\\w+=,.@-]*");
    /** Session policies (inline and managed together) pack into at most this many characters; AWS reports the share used. */
    private static final int PACKED_POLICY_LIMIT = 2048;
    private static final int ROOT_MAX_SESSION = 3600;

    private final EmulatorClock clock;
    private final IamService iam;
    private final StsSessions sessions = new StsSessions();

    public StsService(EmulatorClock clock, IamService iam) {
        this.clock = clock;
        this.iam = iam;
    }

    public GetCallerIdentityResponse getCallerIdentity(GetCallerIdentityRequest r, Call call) {
        Identity who = caller(call);
        if (who.session() != null && !clock.now().isBefore(who.session().expiration())) {
            throw AwsException.of(400, "ExpiredTokenException", "The security token included in the request is expired");
        }
        return GetCallerIdentityResponse.builder().account(Account.ID).arn(who.arn()).userId(who.userId()).build();
    }

    /** AssumeRole (API reference "AssumeRole"): 900–43,200 seconds, at most the role's MaxSessionDuration, default 3,600. */
    public AssumeRoleResponse assumeRole(AssumeRoleRequest r, Call call) {
        String arn = length(r.roleArn(), "roleArn", 20, 2048);
        String session = length(r.roleSessionName(), "roleSessionName", 2, 64);
        if (!SESSION_NAME.matcher(session).matches()) {
            throw constraint(session, "roleSessionName", "Member must satisfy regular expression pattern: [\\w+=,.@-]*");
        }
        int duration = range(r.durationSeconds(), "durationSeconds", 900, 43200, 3600);
        Integer packed = sessionPolicies(r);
        if (!ROLE_ARN.matcher(arn).matches()) {
            throw AwsException.of(400, "ValidationError", "Request ARN is invalid");
        }
        Optional<Role> role = iam.role(arn);
        if (role.isEmpty()) {
            throw AwsException.of(403, "AccessDenied", "User: " + caller(call).arn()
                    + " is not authorized to perform: sts:AssumeRole on resource: " + arn);
        }
        Role found = role.get();
        if (duration > found.maxSessionDuration()) {
            throw AwsException.of(400, "ValidationError", "The requested DurationSeconds exceeds the MaxSessionDuration set for this role.");
        }
        String assumedArn = "arn:aws:sts::" + Account.ID + ":assumed-role/" + found.roleName() + "/" + session;
        String assumedId = found.roleId() + ":" + session;
        Credentials creds = issue(new StsSessions.Session(assumedArn, assumedId, expiration(duration), true));
        return AssumeRoleResponse.builder().credentials(creds)
                .assumedRoleUser(AssumedRoleUser.builder().arn(assumedArn).assumedRoleId(assumedId).build())
                .packedPolicySize(packed).sourceIdentity(r.sourceIdentity()).build();
    }

    /**
     * GetSessionToken (API reference "GetSessionToken"): 900–129,600 seconds, default 43,200; the root
     * user's sessions last at most an hour (a longer request silently gets one hour, as in AWS). Not
     * callable with temporary credentials.
     */
    public GetSessionTokenResponse getSessionToken(GetSessionTokenRequest r, Call call) {
        int duration = range(r.durationSeconds(), "durationSeconds", 900, 129600, 43200);
        Identity who = caller(call);
        if (who.session() != null) {
            throw AwsException.of(403, "AccessDenied", "Cannot call GetSessionToken with session credentials");
        }
        if (who.root()) {
            duration = r.durationSeconds() == null ? ROOT_MAX_SESSION : Math.min(duration, ROOT_MAX_SESSION);
        }
        return GetSessionTokenResponse.builder()
                .credentials(issue(new StsSessions.Session(who.arn(), who.userId(), expiration(duration), false))).build();
    }

    /** GetAccessKeyInfo: every access key belongs to the one emulated account. */
    public GetAccessKeyInfoResponse getAccessKeyInfo(GetAccessKeyInfoRequest r) {
        length(r.accessKeyId(), "accessKeyId", 16, 128);
        return GetAccessKeyInfoResponse.builder().account(Account.ID).build();
    }

    private Credentials issue(StsSessions.Session session) {
        String keyId = IamIds.accessKeyId("ASIA");
        sessions.add(keyId, session);
        return Credentials.builder().accessKeyId(keyId).secretAccessKey(IamIds.secretAccessKey())
                .sessionToken(Ids.token(192)).expiration(session.expiration()).build();
    }

    private Instant expiration(int durationSeconds) {
        return clock.now().plusSeconds(durationSeconds).truncatedTo(ChronoUnit.SECONDS);
    }

    /** Validates Policy and PolicyArns; returns the packed size in percent of the limit, or null without session policies. */
    private static Integer sessionPolicies(AssumeRoleRequest r) {
        if (r.policy() == null && !r.hasPolicyArns()) {
            return null;
        }
        int size = 0;
        if (r.policy() != null) {
            length(r.policy(), "policy", 1, 2048);
            PolicyDocuments.check(r.policy(), PolicyDocuments.Kind.IDENTITY);
            size += PolicyDocuments.size(r.policy());
        }
        if (r.hasPolicyArns()) {
            if (r.policyArns().size() > 10) {
                throw constraint("[...]", "policyArns", "Member must have length less than or equal to 10");
            }
            for (PolicyDescriptorType p : r.policyArns()) {
                size += length(p.arn(), "policyArns.member.arn", 20, 2048).length();
            }
        }
        int percent = (int) Math.ceil(size * 100.0 / PACKED_POLICY_LIMIT);
        if (percent > 100) {
            throw AwsException.of(400, "PackedPolicyTooLarge", "Packed policy consumes " + percent + "% of allotted space, please use smaller policy.");
        }
        return percent;
    }

    // ---- the caller ------------------------------------------------------------------------------

    private record Identity(String arn, String userId, StsSessions.Session session, boolean root) {
    }

    private Identity caller(Call call) {
        String keyId = call.scope().map(CredentialScope::accessKeyId).orElse(null);
        StsSessions.Session s = sessions.get(keyId);
        if (s != null) {
            return new Identity(s.arn(), s.userId(), s, s.arn().endsWith(":root"));
        }
        Optional<User> user = keyId == null ? Optional.empty() : iam.userByAccessKey(keyId);
        if (user.isPresent()) {
            return new Identity(user.get().arn(), user.get().userId(), null, false);
        }
        return new Identity(Account.globalArn("iam", "root"), Account.ID, null, true);
    }

    // ---- model constraints (ValidationError, as STS words them) ---------------------------------

    private static String length(String value, String member, int min, int max) {
        if (value == null) {
            throw constraint(null, member, "Member must not be null");
        }
        if (value.length() < min) {
            throw constraint(value, member, "Member must have length greater than or equal to " + min);
        }
        if (value.length() > max) {
            throw constraint(value, member, "Member must have length less than or equal to " + max);
        }
        return value;
    }

    private static int range(Integer value, String member, int min, int max, int dflt) {
        if (value == null) {
            return dflt;
        }
        if (value < min) {
            throw constraint(value, member, "Member must have value greater than or equal to " + min);
        }
        if (value > max) {
            throw constraint(value, member, "Member must have value less than or equal to " + max);
        }
        return value;
    }

    private static AwsException constraint(Object value, String member, String constraint) {
        String shown = value == null ? "null" : "'" + value + "'";
        return AwsException.of(400, "ValidationError", "1 validation error detected: Value " + shown + " at '" + member
                + "' failed to satisfy constraint: " + constraint);
    }
}
