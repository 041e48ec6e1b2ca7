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
import java.util.ArrayList;
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
 * query). A streaming body ({@code STREAMING-AWS4-HMAC-SHA256-PAYLOAD[-TRAILER]}) signs each chunk with the previous
 * chunk's signature, starting from the request's, and its trailer likewise ({@link #verifyChunks}).
 */
public final class SigV4 {
    static final String ALGORITHM = "AWS4-HMAC-SHA256";
    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");
    private static final String EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
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
        String canonical = canonicalRequest(r, s);
        String toSign = ALGORITHM + "\n" + s.amzDate() + "\n" + s.scope() + "\n" + sha256Hex(canonical.getBytes(StandardCharsets.UTF_8));
        return HEX.formatHex(hmac(key, toSign));
    }

    /** Whether two signatures are equal, in constant time. */
    public static boolean same(String expected, String given) {
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), given.toLowerCase(Locale.ROOT)
                .getBytes(StandardCharsets.US_ASCII));
    }

    static String canonicalRequest(HttpRequest r, Signed s) {
        boolean s3 = s.service().equals("s3");
        StringBuilder b = new StringBuilder(256);
        b.append(r.method()).append('\n');
        b.append(s3 ? r.rawPath() : encode(r.rawPath(), false)).append('\n');
        b.append(canonicalQuery(r.rawQuery(), s.presigned())).append('\n');
        for (String h : s.signedHeaders()) {
            b.append(h).append(':').append(headerValue(r, h)).append('\n');
        }
        b.append('\n').append(String.join(";", s.signedHeaders())).append('\n');
        b.append(payloadHash(r, s));
        return b.toString();
    }

    private static String payloadHash(HttpRequest r, Signed s) {
        String declared = r.header("x-amz-content-sha256");
        if (declared != null) {
            return declared;
        }
        if (s.presigned()) {
            String q = r.queryParamIfReadable("X-Amz-Content-Sha256");
            if (q != null) {
                return q;
            }
            if (s.service().equals("s3")) {
                return "UNSIGNED-PAYLOAD";
            }
        }
        return sha256Hex(r.body());
    }

    private static String headerValue(HttpRequest r, String name) {
        List<String> values = r.headers().all(name);
        List<String> trimmed = new ArrayList<>(values.size());
        for (String v : values) {
            trimmed.add(v.trim().replaceAll("\\s+", " "));
        }
        return String.join(",", trimmed);
    }

    private static String canonicalQuery(String raw, boolean presigned) {
        if (raw == null || raw.isEmpty()) {
            return "";
        }
        List<String[]> params = new ArrayList<>();
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String k = HttpRequest.decodePath(eq < 0 ? pair : pair.substring(0, eq));
            String v = eq < 0 ? "" : HttpRequest.decodePath(pair.substring(eq + 1));
            if (presigned && k.equals("X-Amz-Signature")) {
                continue;
            }
            params.add(new String[] {encode(k, true), encode(v, true)});
        }
        params.sort((a, b) -> a[0].equals(b[0]) ? a[1].compareTo(b[1]) : a[0].compareTo(b[0]));
        StringBuilder b = new StringBuilder();
        for (String[] p : params) {
            if (b.length() > 0) {
                b.append('&');
            }
            b.append(p[0]).append('=').append(p[1]);
        }
        return b.toString();
    }

    /** RFC 3986 encoding as SigV4 wants it: unreserved characters as they are, every other byte {@code %XX}. */
    static String encode(String s, boolean encodeSlash) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (byte x : s.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (x & 0xff);
            if (c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '.'
                    || c == '~' || c == '/' && !encodeSlash) {
                b.append(c);
            } else {
                b.append('%').append(Character.toUpperCase(Character.forDigit((x >> 4) & 0xf, 16)))
                        .append(Character.toUpperCase(Character.forDigit(x & 0xf, 16)));
            }
        }
        return b.toString();
    }

    /**
     * Checks the chunk signatures of a streaming body ({@code STREAMING-AWS4-HMAC-SHA256-PAYLOAD} and its
     * {@code -TRAILER} form): each chunk's is the HMAC of its data's hash chained to the previous signature, the
     * request's first; the trailer's ({@code x-amz-trailer-signature}) chains to the last chunk's. Framing that
     * cannot be read is left to the decoder, which reports it in S3's words.
     *
     * @throws AuthFailure BAD_SIGNATURE when a chunk or the trailer was not signed with this key
     */
    public static void verifyChunks(HttpRequest r, Signed s, byte[] key) {
        String mode = r.header("x-amz-content-sha256");
        if (mode == null || !mode.startsWith("STREAMING-AWS4-HMAC-SHA256-PAYLOAD")) {
            return; // unsigned chunks (STREAMING-UNSIGNED-PAYLOAD-TRAILER) or no streaming
        }
        byte[] in = r.body();
        String previous = s.signature().toLowerCase(Locale.ROOT);
        int pos = 0;
        while (true) {
            int eol = crlf(in, pos);
            if (eol < 0) {
                return;
            }
            String head = new String(in, pos, eol - pos, StandardCharsets.US_ASCII);
            int sig = head.indexOf(";chunk-signature=");
            if (sig < 0) {
                throw new AuthFailure(AuthFailure.Kind.BAD_SIGNATURE, "a chunk without its chunk-signature");
            }
            int size;
            try {
                size = Integer.parseInt(head.substring(0, sig).trim(), 16);
            } catch (NumberFormatException e) {
                return;
            }
            pos = eol + 2;
            if (size < 0 || pos + size > in.length) {
                return;
            }
            String data = sha256Hex(java.util.Arrays.copyOfRange(in, pos, pos + size));
            String expected = HEX.formatHex(hmac(key, ALGORITHM + "-PAYLOAD\n" + s.amzDate() + "\n" + s.scope() + "\n"
                    + previous + "\n" + EMPTY_SHA256 + "\n" + data));
            if (!same(expected, head.substring(sig + ";chunk-signature=".length()).trim())) {
                throw new AuthFailure(AuthFailure.Kind.BAD_SIGNATURE, "chunk signature");
            }
            previous = expected;
            pos += size + (size == 0 ? 0 : 2);
            if (size == 0) {
                break;
            }
        }
        verifyTrailer(in, pos, s, key, previous);
    }

    private static void verifyTrailer(byte[] in, int pos, Signed s, byte[] key, String previous) {
        StringBuilder trailer = new StringBuilder();
        String signature = null;
        while (pos < in.length) {
            int eol = crlf(in, pos);
            int end = eol < 0 ? in.length : eol;
            String line = new String(in, pos, end - pos, StandardCharsets.US_ASCII);
            pos = eol < 0 ? in.length : eol + 2;
            if (line.isEmpty()) {
                continue;
            }
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            if (name.equals("x-amz-trailer-signature")) {
                signature = line.substring(colon + 1).trim();
            } else {
                trailer.append(name).append(':').append(line.substring(colon + 1).trim()).append('\n');
            }
        }
        if (signature == null) {
            return; // no trailer (STREAMING-AWS4-HMAC-SHA256-PAYLOAD)
        }
        String expected = HEX.formatHex(hmac(key, ALGORITHM + "-TRAILER\n" + s.amzDate() + "\n" + s.scope() + "\n"
                + previous + "\n" + sha256Hex(trailer.toString().getBytes(StandardCharsets.UTF_8))));
        if (!same(expected, signature)) {
            throw new AuthFailure(AuthFailure.Kind.BAD_SIGNATURE, "trailer signature");
        }
    }

    private static int crlf(byte[] b, int from) {
        for (int i = from; i + 1 < b.length; i++) {
            if (b[i] == '\r' && b[i + 1] == '\n') {
                return i;
            }
        }
        return -1;
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
