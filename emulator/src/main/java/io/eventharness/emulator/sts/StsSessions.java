package io.eventharness.emulator.sts;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The temporary credentials STS has issued, by access key id ({@code ASIA…}), and whom they stand for. */
final class StsSessions {
    /**
     * @param arn          the identity GetCallerIdentity reports for these credentials
     * @param userId       its user id ({@code AROA…:session} for an assumed role)
     * @param expiration   when the credentials expire, on the emulator clock
     * @param assumedRole  whether AssumeRole issued them (rather than GetSessionToken)
     */
    record Session(String arn, String userId, Instant expiration, boolean assumedRole) {
    }

    private final Map<String, Session> byAccessKey = new ConcurrentHashMap<>();

    void add(String accessKeyId, Session s) {
        byAccessKey.put(accessKeyId, s);
    }

    Session get(String accessKeyId) {
        return accessKeyId == null ? null : byAccessKey.get(accessKeyId);
    }
}
