package io.eventharness.emulator.auth;

import io.eventharness.emulator.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The canonical request of Signature Version 4 ("Create a canonical request" in the AWS General Reference): the
 * method, the URI (S3's as sent, other services' URI-encoded once more), the sorted query (a presigned URL's without
 * {@code X-Amz-Signature}), the signed headers with their values trimmed, and the payload's hash (as declared in
 * {@code x-amz-content-sha256}, {@code UNSIGNED-PAYLOAD} for a presigned S3 URL without one, else the body's).
 */
final class CanonicalRequest {
    private CanonicalRequest() {
    }

    /** The canonical request of a request, as its signature says it was signed. */
    static String of(HttpRequest r, SigV4.Signed s) {
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

    private static String payloadHash(HttpRequest r, SigV4.Signed s) {
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
        return SigV4.sha256Hex(r.body());
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
        List<QueryParam> params = new ArrayList<>();
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
            params.add(new QueryParam(encode(k, true), encode(v, true)));
        }
        params.sort(Comparator.comparing(QueryParam::name).thenComparing(QueryParam::value));
        StringBuilder b = new StringBuilder();
        for (QueryParam p : params) {
            if (b.length() > 0) {
                b.append('&');
            }
            b.append(p.name()).append('=').append(p.value());
        }
        return b.toString();
    }

    /** One query parameter of the canonical query, name and value already encoded. */
    private record QueryParam(String name, String value) {
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
}
