package io.eventharness.emulator.sts;

import io.eventharness.emulator.auth.Credential;
import io.eventharness.emulator.policy.Principal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The temporary credentials STS has issued, by access key id ({@code ASIA…}), and whom they stand for. */
final class StsSessions {
    /**
     * @param identity      whom GetCallerIdentity reports for these credentials
     * @param principal     whom the request pipeline sees signing with them
     * @param secret        the secret access key
     * @param token         the session token that must come with them
     * @param expiration    when the credentials expire, on the emulator clock
     * @param sessionPolicy AssumeRole's inline session policy, or null
     * @param policyArns    AssumeRole's managed session policies
     */
    record Session(Identity identity, Principal principal, String secret, String token, Instant expiration,
                   String sessionPolicy, List<String> policyArns) {
        Session {
            policyArns = List.copyOf(policyArns);
        }
    }

    private final Map<String, Session> byAccessKey = new ConcurrentHashMap<>();

    void add(String accessKeyId, Session s) {
        byAccessKey.put(accessKeyId, s);
    }

    Optional<Session> get(String accessKeyId) {
        return accessKeyId == null ? Optional.empty() : Optional.ofNullable(byAccessKey.get(accessKeyId));
    }

    /** The credential of temporary keys STS issued, for the request pipeline. */
    Optional<Credential> credential(String accessKeyId) {
        return get(accessKeyId).map(s -> new Credential(accessKeyId, s.secret(), s.token(), s.principal(), s.expiration()));
    }

    /** The session whose credentials have this access key id, for its session policies. */
    Optional<Session> session(Principal principal, String accessKeyId) {
        return get(accessKeyId).filter(s -> s.principal().equals(principal));
    }
}
