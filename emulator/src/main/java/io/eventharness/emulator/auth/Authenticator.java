package io.eventharness.emulator.auth;

import io.eventharness.emulator.http.HttpRequest;
import io.eventharness.emulator.policy.Principal;
import io.eventharness.emulator.protocol.CredentialScope;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * Who a request is from. Without signature verification (the default) the access key of its credential scope is
 * looked up and taken at its word: a key the emulator issued stands for its user or role session, any other (or
 * none) for the account's root user. With verification ({@code --verify-signatures}), a request must be signed with
 * a key the emulator knows and its secret, temporary credentials must come with their session token and be unexpired,
 * and a presigned URL must be unexpired, all on the emulator clock; an unsigned request is anonymous to S3 and refused
 * by every other service.
 *
 * <pre>{@code
 * Principal who = new Authenticator(store, true, clock::now).authenticate(request, "s3");
 * }</pre>
 */
public final class Authenticator {
    private final CredentialStore store;
    private final boolean verify;
    private final Supplier<Instant> now;

    public Authenticator(CredentialStore store, boolean verify, Supplier<Instant> now) {
        this.store = store;
        this.verify = verify;
        this.now = now;
    }

    public boolean verifies() {
        return verify;
    }

    /**
     * The request's principal.
     *
     * @param service the signing name of the service the request was routed to
     * @throws AuthFailure when verifying and the request is not signed as it must be
     */
    public Principal authenticate(HttpRequest r, String service) {
        if (!verify) {
            String key = CredentialScope.of(r).map(CredentialScope::accessKeyId).orElse(null);
            return key == null ? Principal.root() : store.find(key).map(Credential::principal).orElse(Principal.root());
        }
        SigV4.Signed s = SigV4.parse(r);
        if (s == null) {
            if (service.equals("s3")) {
                return Principal.anonymous();
            }
            throw new AuthFailure(AuthFailure.Kind.MISSING, "the request is not signed");
        }
        Credential c = store.find(s.accessKeyId())
                .orElseThrow(() -> new AuthFailure(AuthFailure.Kind.UNKNOWN_KEY, s.accessKeyId()));
        Instant at = now.get();
        if (c.sessionToken() != null) {
            String token = r.header("X-Amz-Security-Token");
            if (token == null) {
                token = r.queryParamIfReadable("X-Amz-Security-Token");
            }
            if (!c.sessionToken().equals(token)) {
                throw new AuthFailure(AuthFailure.Kind.UNKNOWN_KEY, "temporary credentials without their session token");
            }
            if (c.expiredAt(at)) {
                throw new AuthFailure(AuthFailure.Kind.EXPIRED_TOKEN, "expired at " + c.expiration());
            }
        }
        if (s.presigned() && !at.isBefore(s.expiresAt())) {
            throw new AuthFailure(AuthFailure.Kind.EXPIRED_URL, "expired at " + s.expiresAt());
        }
        byte[] key = SigV4.signingKey(c.secret(), s);
        if (!SigV4.same(SigV4.expected(r, s, key), s.signature())) {
            throw new AuthFailure(AuthFailure.Kind.BAD_SIGNATURE, "request signature");
        }
        ChunkSignatures.verify(r, s, key);
        return c.principal();
    }
}
