package io.eventharness.emulator.pipeline;

import io.eventharness.emulator.auth.Authenticator;
import io.eventharness.emulator.auth.CredentialStore;
import java.time.Instant;
import java.util.Optional;

/**
 * Who may call what: the {@link Authenticator} that tells who signed a request (and, when verifying signatures,
 * refuses what is not signed as AWS requires) and the {@link Authorizer} that enforces IAM's policies (or lets
 * everything through).
 */
public record AccessControl(Authenticator authenticator, Authorizer authorizer) {

    /** Nothing verified, nothing enforced: every request is its access key's principal, or the root user's. */
    public static AccessControl open(CredentialStore store) {
        return new AccessControl(new Authenticator(store, false, () -> Instant.EPOCH), Authorizer.NONE); // nothing verified: the time is never read
    }

    /** Before the services exist: no key is known, every request is the root user's. */
    static final AccessControl NONE = open(key -> Optional.empty());
}
