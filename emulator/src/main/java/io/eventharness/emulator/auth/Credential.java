package io.eventharness.emulator.auth;

import io.eventharness.emulator.policy.Principal;
import java.time.Instant;
import java.util.Objects;

/**
 * An access key the emulator knows, and whom it stands for.
 *
 * @param sessionToken the token temporary credentials must come with ({@code X-Amz-Security-Token}); null for
 *                     long-term keys
 * @param expiration   when temporary credentials expire, on the emulator clock; null for long-term keys
 */
public record Credential(String accessKeyId, String secret, String sessionToken, Principal principal, Instant expiration) {

    /** The account's root user's conventional test credentials, {@code test}/{@code test}. */
    public static final Credential ROOT = new Credential("test", "test", null, Principal.root(), null);

    public Credential {
        Objects.requireNonNull(accessKeyId, "accessKeyId");
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(principal, "principal");
    }

    public boolean expiredAt(Instant now) {
        return expiration != null && !now.isBefore(expiration);
    }
}
