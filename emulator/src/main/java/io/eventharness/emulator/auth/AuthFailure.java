package io.eventharness.emulator.auth;

/** Why a request was not authenticated; the request pipeline words it in the service's error shape. */
public final class AuthFailure extends RuntimeException {

    public enum Kind {
        /** No signature at all, where the service needs one. */
        MISSING,
        /** An access key the emulator did not issue, or temporary credentials without their session token. */
        UNKNOWN_KEY,
        /** The signature is not the one the secret gives. */
        BAD_SIGNATURE,
        /** Temporary credentials past their expiration. */
        EXPIRED_TOKEN,
        /** A presigned URL past {@code X-Amz-Date + X-Amz-Expires}. */
        EXPIRED_URL,
        /** An {@code Authorization} header or presigned query that cannot be read. */
        MALFORMED
    }

    private final Kind kind;

    public AuthFailure(Kind kind, String detail) {
        super(detail);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
