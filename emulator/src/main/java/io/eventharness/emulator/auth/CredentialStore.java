package io.eventharness.emulator.auth;

import java.util.Optional;

/** Where the emulator's access keys are looked up: IAM's users, STS's sessions, the root user's test key. */
@FunctionalInterface
public interface CredentialStore {
    Optional<Credential> find(String accessKeyId);

    /** This store, then {@code other} for keys this one does not know. */
    default CredentialStore or(CredentialStore other) {
        return key -> find(key).or(() -> other.find(key));
    }
}
