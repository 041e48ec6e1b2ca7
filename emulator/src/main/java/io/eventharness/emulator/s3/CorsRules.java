package io.eventharness.emulator.s3;

import io.eventharness.emulator.core.AwsException;
import io.eventharness.emulator.protocol.CrossOrigin;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.services.s3.model.CORSRule;

/**
 * A bucket's CORS rules applied to a browser's request ("Using cross-origin resource sharing (CORS)", "How does Amazon
 * S3 evaluate the CORS configuration on a bucket?"): the first rule whose allowed origins (one {@code *} wildcard
 * each), methods and headers (wildcards, any case) take the request grants it. A preflight that no rule takes is 403
 * AccessForbidden; an actual request that none takes is served without CORS headers.
 */
final class CorsRules {
    private CorsRules() {
    }

    /** The CORS headers for a request, by the bucket's rules (null: none); see the class comment for preflights. */
    static Map<String, String> answer(CrossOrigin request, List<CORSRule> rules) {
        if (request.preflight()) {
            if (request.origin() == null) {
                throw badRequest("Insufficient information. Origin request header needed.");
            }
            if (request.method() == null) {
                throw badRequest("Invalid Access-Control-Request-Method: null");
            }
            if (rules == null) {
                throw forbidden("CORSResponse: CORS is not enabled for this bucket.");
            }
        }
        if (rules != null && request.origin() != null) {
            for (CORSRule rule : rules) {
                Map<String, String> granted = grant(rule, request);
                if (granted != null) {
                    return granted;
                }
            }
        }
        if (request.preflight()) {
            throw forbidden("CORSResponse: This CORS request is not allowed. This is usually because the evalution of Origin, "
                    + "request method / Access-Control-Request-Method or Access-Control-Request-Headers are not whitelisted by "
                    + "the resource's CORS spec.");
        }
        return Map.of();
    }

    private static Map<String, String> grant(CORSRule rule, CrossOrigin r) {
        String origin = rule.allowedOrigins().stream().filter(o -> matches(o, r.origin(), false)).findFirst().orElse(null);
        if (origin == null || !rule.allowedMethods().contains(r.method())) {
            return null;
        }
        for (String h : r.requestHeaders()) {
            if (rule.allowedHeaders().stream().noneMatch(a -> matches(a, h, true))) {
                return null;
            }
        }
        Map<String, String> out = new LinkedHashMap<>();
        boolean any = origin.equals("*");
        out.put("Access-Control-Allow-Origin", any ? "*" : r.origin());
        out.put("Access-Control-Allow-Methods", String.join(", ", rule.allowedMethods()));
        if (r.preflight() && !r.requestHeaders().isEmpty()) {
            out.put("Access-Control-Allow-Headers", String.join(", ", r.requestHeaders()));
        }
        if (!rule.exposeHeaders().isEmpty()) {
            out.put("Access-Control-Expose-Headers", String.join(", ", rule.exposeHeaders()));
        }
        if (rule.maxAgeSeconds() != null) {
            out.put("Access-Control-Max-Age", String.valueOf(rule.maxAgeSeconds()));
        }
        if (!any) {
            out.put("Access-Control-Allow-Credentials", "true");
        }
        out.put("Vary", "Origin, Access-Control-Request-Headers, Access-Control-Request-Method");
        return out;
    }

    /** A pattern with at most one {@code *}, which stands for any text. */
    static boolean matches(String pattern, String value, boolean ignoreCase) {
        String p = ignoreCase ? pattern.toLowerCase(Locale.ROOT) : pattern;
        String v = ignoreCase ? value.toLowerCase(Locale.ROOT) : value;
        int star = p.indexOf('*');
        if (star < 0) {
            return p.equals(v);
        }
        String head = p.substring(0, star);
        String tail = p.substring(star + 1);
        return v.length() >= head.length() + tail.length() && v.startsWith(head) && v.endsWith(tail);
    }

    private static AwsException badRequest(String message) {
        return AwsException.of(400, "BadRequest", message);
    }

    private static AwsException forbidden(String message) {
        return AwsException.of(403, "AccessForbidden", message);
    }
}
