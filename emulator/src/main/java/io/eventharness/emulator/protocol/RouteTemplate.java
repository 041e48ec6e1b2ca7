package io.eventharness.emulator.protocol;

import io.eventharness.emulator.http.Headers;
import io.eventharness.emulator.http.HttpRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.protocol.MarshallLocation;
import software.amazon.awssdk.core.traits.RequiredTrait;

/**
 * A REST route as the SDK marshaller declares it ({@code POST /2015-03-31/functions/{FunctionName}/invocations},
 * S3's bucket-relative {@code GET /{Key+}?x-id=GetObject}), plus the query parameters and headers the
 * request shape marks as required, which tell apart routes that share a path (S3 PutObject and
 * UploadPart).
 */
public final class RouteTemplate {
    private final String method;
    private final List<String> segments;
    private final Map<String, String> literalQuery;
    private final List<String> requiredQuery = new ArrayList<>();
    private final List<String> requiredHeaders = new ArrayList<>();
    private final int score;

    private RouteTemplate(String method, List<String> segments, Map<String, String> literalQuery, List<String> requiredQuery,
                          List<String> requiredHeaders) {
        this.method = method;
        this.segments = segments;
        this.literalQuery = literalQuery;
        this.requiredQuery.addAll(requiredQuery);
        this.requiredHeaders.addAll(requiredHeaders);
        int s = 0;
        for (String seg : segments) {
            s += seg.startsWith("{") ? (seg.endsWith("+}") ? 1 : 5) : 20;
        }
        this.score = s + literalQuery.size() * 10 + requiredQuery.size() * 4 + requiredHeaders.size() * 4;
    }

    /** The route of an operation whose request shape is {@code requestClass} (null: no required members). */
    public static RouteTemplate parse(String method, String uri, Class<?> requestClass) {
        List<String> query = new ArrayList<>();
        List<String> headers = new ArrayList<>();
        if (requestClass != null) {
            for (SdkField<?> f : Shapes.builderOf(requestClass).sdkFields()) {
                if (!f.containsTrait(RequiredTrait.class)) {
                    continue;
                }
                if (f.location() == MarshallLocation.QUERY_PARAM) {
                    query.add(f.locationName());
                } else if (f.location() == MarshallLocation.HEADER) {
                    headers.add(f.locationName());
                }
            }
        }
        return parse(method, uri, query, headers);
    }

    /** The route of {@code method uri} whose request requires these query parameters and headers. */
    public static RouteTemplate parse(String method, String uri, List<String> requiredQuery, List<String> requiredHeaders) {
        String path = uri;
        String query = "";
        int q = uri.indexOf('?');
        if (q >= 0) {
            path = uri.substring(0, q);
            query = uri.substring(q + 1);
        }
        Map<String, String> literal = new LinkedHashMap<>();
        for (String part : query.split("&")) {
            if (part.isEmpty()) {
                continue;
            }
            int eq = part.indexOf('=');
            String k = eq < 0 ? part : part.substring(0, eq);
            if (k.equals("x-id")) {
                continue; // the Java SDK sends x-id=<Operation>; other clients do not: never required
            }
            literal.put(k, eq < 0 ? null : part.substring(eq + 1));
        }
        return new RouteTemplate(method, split(path), literal, requiredQuery, requiredHeaders);
    }

    private static List<String> split(String path) {
        List<String> out = new ArrayList<>();
        for (String s : path.split("/", -1)) {
            if (!s.isEmpty()) {
                out.add(s);
            }
        }
        return out;
    }

    public int score() {
        return score;
    }

    /** The decoded path parameters when this route matches, else null. */
    public Map<String, String> match(String httpMethod, String rawPath, Map<String, List<String>> query, Headers headers) {
        if (!method.equalsIgnoreCase(httpMethod)) {
            return null;
        }
        for (Map.Entry<String, String> e : literalQuery.entrySet()) {
            List<String> v = query.get(e.getKey());
            if (v == null || (e.getValue() != null && !v.contains(e.getValue()))) {
                return null;
            }
        }
        for (String r : requiredQuery) {
            if (!query.containsKey(r)) {
                return null;
            }
        }
        for (String h : requiredHeaders) {
            if (!headers.has(h)) {
                return null;
            }
        }
        String p = rawPath.startsWith("/") ? rawPath.substring(1) : rawPath;
        String[] parts = p.isEmpty() ? new String[0] : p.split("/", -1);
        Map<String, String> params = new LinkedHashMap<>();
        int i = 0;
        for (String seg : segments) {
            if (seg.startsWith("{") && seg.endsWith("+}")) {
                if (i >= parts.length) {
                    return null;
                }
                String rest = String.join("/", java.util.Arrays.copyOfRange(parts, i, parts.length));
                if (rest.isEmpty()) {
                    return null;
                }
                params.put(seg.substring(1, seg.length() - 2), HttpRequest.decodePath(rest));
                return params;
            }
            if (i >= parts.length || parts[i].isEmpty()) {
                return null;
            }
            if (seg.startsWith("{")) {
                params.put(seg.substring(1, seg.length() - 1), HttpRequest.decodePath(parts[i]));
            } else if (!seg.equals(parts[i])) {
                return null;
            }
            i++;
        }
        // a trailing slash is tolerated
        if (i == parts.length || (i == parts.length - 1 && parts[i].isEmpty())) {
            return params;
        }
        return null;
    }

    @Override
    public String toString() {
        return method + " /" + String.join("/", segments) + (literalQuery.isEmpty() ? "" : "?" + literalQuery.keySet());
    }
}
