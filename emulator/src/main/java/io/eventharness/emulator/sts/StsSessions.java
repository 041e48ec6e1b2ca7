package io.eventharness.emulator.sts;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The temporary credentials STS has issued, by access key id ({@code ASIA…}), and whom they stand for. */
final class StsSessions {
    /**
     * @param identity   whom GetCallerIdentity reports for these credentials
     * @param expiration when the credentials expire, on the emulator clock
     */
    record Session(Identity identity, Instant expiration) {
    }

    private final Map<String, Session> byAccessKey = new ConcurrentHashMap<>();

    void add(String accessKeyId, Session s) {
        byAccessKey.put(accessKeyId, s);
    }

    Optional<Session> get(String accessKeyId) {
        return accessKeyId == null ? Optional.empty() : Optional.ofNullable(byAccessKey.get(accessKeyId));
    }
}
