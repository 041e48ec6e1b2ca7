package io.eventharness.emulator.sts;

import io.eventharness.emulator.core.Arn;
import io.eventharness.emulator.iam.IamService;
import io.eventharness.emulator.protocol.Call;
import io.eventharness.emulator.protocol.CredentialScope;
import java.time.Instant;

/**
 * Who is calling, read from the access key that signed the request: credentials this STS issued stand for their
 * session's identity, an IAM user's access key for that user, and any other key (or none) for the account's root
 * user.
 */
final class Callers {
    /**
     * @param identity   whom the credentials stand for
     * @param expiration when temporary credentials expire; null for long-term ones
     */
    record Caller(Identity identity, Instant expiration) {
        boolean temporary() {
            return expiration != null;
        }
    }

    private final StsSessions sessions;
    private final IamService iam;

    Callers(StsSessions sessions, IamService iam) {
        this.sessions = sessions;
        this.iam = iam;
    }

    Caller of(Call call) {
        String keyId = call.scope().map(CredentialScope::accessKeyId).orElse(null);
        return sessions.get(keyId).map(s -> new Caller(s.identity(), s.expiration()))
                .or(() -> iam.userByAccessKey(keyId)
                        .map(u -> new Caller(new Identity(Arn.parse(u.arn()), u.userId(), false), null)))
                .orElseGet(() -> new Caller(Identity.rootUser(), null));
    }
}
