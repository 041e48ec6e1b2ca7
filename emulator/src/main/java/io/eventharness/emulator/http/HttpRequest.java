package io.eventharness.emulator.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One HTTP request as the codecs see it, independent of the server: method, the raw (still
 * percent-encoded) path and query, headers and the whole body.
 */
public final class HttpRequest {
    private final String method;
    private final String rawPath;
    private final String rawQuery;
    private final Headers headers;
    private byte[] body;
    private Map<String, List<String>> queryParams;
    private String remoteAddress;

    public HttpRequest(String method, String rawPath, String rawQuery, Headers headers, byte[] body) {
        this.method = method;
        this.rawPath = rawPath == null || rawPath.isEmpty() ? "/" : rawPath;
        this.rawQuery = rawQuery == null ? "" : rawQuery;
        this.headers = headers;
        this.body = body == null ? new byte[0] : body;
    }

    public String method() {
        return method;
    }

    /** The client's IP address, as the server saw it; null when unknown (a request built by a test). */
    public String remoteAddress() {
        return remoteAddress;
    }

    /** Sets the client's IP address (the server does, once). */
    public HttpRequest remoteAddress(String address) {
        this.remoteAddress = address;
        return this;
    }

    /** The path as sent, percent-encoded. */
    public String rawPath() {
        return rawPath;
    }

    public String rawQuery() {
        return rawQuery;
    }

    public Headers headers() {
        return headers;
    }

    public String header(String name) {
        return headers.first(name);
    }

    public byte[] body() {
        return body;
    }

    /** Replaces the body (after decoding a transfer wrapping such as aws-chunked). */
    public void replaceBody(byte[] decoded) {
        this.body = decoded;
    }

    public String bodyAsString() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The decoded query parameters; a name without {@code =} maps to an empty string. */
    public Map<String, List<String>> queryParams() {
        if (queryParams == null) {
            queryParams = parseForm(rawQuery);
        }
        return queryParams;
    }

    public String queryParam(String name) {
        List<String> v = queryParams().get(name);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    /**
     * Like {@link #queryParam}, but null when the query string cannot be decoded: for routing, which
     * must not fail before a codec can answer in its protocol's envelope.
     */
    public String queryParamIfReadable(String name) {
        try {
            return queryParam(name);
        } catch (MalformedRequestException e) {
            return null;
        }
    }

    /** The host without port, from the {@code Host} header. */
    public String host() {
        String h = header("Host");
        if (h == null) {
            return "";
        }
        if (h.startsWith("[")) {
            int end = h.indexOf(']');
            return end > 0 ? h.substring(0, end + 1) : h;
        }
        int colon = h.lastIndexOf(':');
        return colon >= 0 ? h.substring(0, colon) : h;
    }

    public String contentType() {
        String ct = header("Content-Type");
        return ct == null ? "" : ct;
    }

    /** Parses {@code a=1&b=x%20y} (form bodies and query strings). */
    public static Map<String, List<String>> parseForm(String s) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (s == null || s.isEmpty()) {
            return out;
        }
        for (String pair : s.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String k = eq < 0 ? pair : pair.substring(0, eq);
            String v = eq < 0 ? "" : pair.substring(eq + 1);
            out.computeIfAbsent(decode(k), x -> new ArrayList<>(1)).add(decode(v));
        }
        return out;
    }

    /** Form decoding: {@code +} is a space. */
    public static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new MalformedRequestException("malformed percent-encoding: " + s);
        }
    }

    /** Path decoding: {@code +} stays a plus. */
    public static String decodePath(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        return decode(s.replace("+", "%2B"));
    }

    @Override
    public String toString() {
        return method + " " + rawPath + (rawQuery.isEmpty() ? "" : "?" + rawQuery);
    }
}
