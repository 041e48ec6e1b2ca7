package io.eventharness.emulator.auth;

import io.eventharness.emulator.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signature Version 4 as the AWS General Reference ("Create a signed AWS API request") defines it: the canonical
 * request (method, URI, query, signed headers, payload hash), the string to sign over the credential scope, and the
 * signing key derived from the secret. S3's URI is the path as sent; other services' is that path URI-encoded
 * once more. A presigned URL carries the same in its query ({@code X-Amz-Signature} left out of the canonical
 * query). {@link CanonicalRequest} builds the canonical request; {@link ChunkSignatures} checks a streaming body's
 * chunk and trailer signatures.
 */
public final class SigV4 {
    static final String ALGORITHM = "AWS4-HMAC-SHA256";
    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");
    private static final HexFormat HEX = HexFormat.of();

    private SigV4() {
    }

    /**
     * What a request's signature says of itself.
     *
     * @param scope   {@code <date>/<region>/<service>/aws4_request}
     * @param amzDate {@code X-Amz-Date}, {@code yyyyMMdd'T'HHmmss'Z'}
     * @param expires a presigned URL's {@code X-Amz-Expires} in seconds; -1 for a signed header
     */
    public record Signed(String accessKeyId, String scope, String date, String region, String service,
                         List<String> signedHeaders, String signature, String amzDate, long expires) {
        public boolean presigned() {
            return expires >= 0;
        }

        /** When a presigned URL stops working. */
        public Instant expiresAt() {
            return LocalDateTime.parse(amzDate, AMZ_DATE).toInstant(ZoneOffset.UTC).plusSeconds(expires);
        }
    }

    /** The signature of a signed or presigned request; null for an unsigned one. */
    public static Signed parse(HttpRequest r) {
        String auth = r.header("Authorization");
        if (auth != null) {
            return header(r, auth.trim());
        }
        if (r.queryParamIfReadable("X-Amz-Signature") != null || r.queryParamIfReadable("X-Amz-Credential") != null) {
            return query(r);
        }
        return null;
    }

    private static Signed header(HttpRequest r, String auth) {
        if (!auth.startsWith(ALGORITHM + " ")) {
            throw new AuthFailure(AuthFailure.Kind.MALFORMED, "Unsupported authorization type: " + auth.split(" ", 2)[0]);
        }
        String credential = null;
        String signedHeaders = null;
        String signature = null;
        for (String part : auth.substring(ALGORITHM.length()).split(",")) {
            String p = part.trim();
            int eq = p.indexOf('=');
            if (eq < 0) {
                continue;
            }
            String v = p.substring(eq + 1).trim();
            switch (p.substring(0, eq).trim()) {
                case "Credential" -> credential = v;
                case "SignedHeaders" -> signedHeaders = v;
                case "Signature" -> signature = v;
                default -> {
                    // ignored, as AWS does
                }
            }
        }
        String amzDate = r.header("X-Amz-Date");
        if (amzDate == null && r.header("Date") != null) {
            amzDate = fromHttpDate(r.header("Date"));
        }
        return signed(credential, signedHeaders, signature, amzDate, -1);
    }

    private static Signed query(HttpRequest r) {
        String algorithm = r.queryParamIfReadable("X-Amz-Algorithm");
        if (!ALGORITHM.equals(algorithm)) {
            throw new AuthFailure(AuthFailure.Kind.MALFORMED, "X-Amz-Algorithm only supports \"" + ALGORITHM + "\"");
        }
        long expires;
        String e = r.queryParamIfReadable("X-Amz-Expires");
        try {
            expires = e == null ? 604800 : Long.parseLong(e);
        } catch (NumberFormatException ex) {
            throw new AuthFailure(AuthFailure.Kind.MALFORMED, "X-Amz-Expires should be a number");
        }
        return signed(r.queryParamIfReadable("X-Amz-Credential"), r.queryParamIfReadable("X-Amz-SignedHeaders"),
                r.queryParamIfReadable("X-Amz-Signature"), r.queryParamIfReadable("X-Amz-Date"), expires);
    }

    private static Signed signed(String credential, String signedHeaders, String signature, String amzDate, long expires) {
        if (credential == null || signedHeaders == null || signature == null || amzDate == null) {
            throw new AuthFailure(AuthFailure.Kind.MALFORMED, "Authorization header requires 'Credential', 'Signature', "
                    + "'SignedHeaders' and a request date (X-Amz-Date)");
        }
        String[] c = credential.split("/");
        if (c.length != 5 || !c[4].equals("aws4_request")) {
            throw new AuthFailure(AuthFailure.Kind.MALFORMED, "Credential should be scoped to a valid region and service: "
                    + credential);
        }
        try {
            LocalDateTime.parse(amzDate, AMZ_DATE);
        } catch (DateTimeParseException ex) {
            throw new AuthFailure(AuthFailure.Kind.MALFORMED, "Invalid X-Amz-Date: " + amzDate);
        }
        return new Signed(c[0], c[1] + "/" + c[2] + "/" + c[3] + "/" + c[4], c[1], c[2], c[3],
                List.of(signedHeaders.toLowerCase(Locale.ROOT).split(";")), signature, amzDate, expires);
    }

    private static String fromHttpDate(String date) {
        try {
            return AMZ_DATE.format(java.time.ZonedDateTime.parse(date, DateTimeFormatter.RFC_1123_DATE_TIME)
                    .withZoneSameInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The signing key of a secret for a scope's date, region and service. */
    public static byte[] signingKey(String secret, Signed s) {
        byte[] k = hmac(("AWS4" + secret).getBytes(StandardCharsets.UTF_8), s.date());
        k = hmac(k, s.region());
        k = hmac(k, s.service());
        return hmac(k, "aws4_request");
    }

    /** The signature the request should carry, with this signing key. */
    public static String expected(HttpRequest r, Signed s, byte[] key) {
        String canonical = CanonicalRequest.of(r, s);
        String toSign = ALGORITHM + "\n" + s.amzDate() + "\n" + s.scope() + "\n" + sha256Hex(canonical.getBytes(StandardCharsets.UTF_8));
        return HEX.formatHex(hmac(key, toSign));
    }

    /** Whether two signatures are equal, in constant time. */
    public static boolean same(String expected, String given) {
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), given.toLowerCase(Locale.ROOT)
                .getBytes(StandardCharsets.US_ASCII));
    }

    static String sha256Hex(byte[] data) {
        try {
            return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
