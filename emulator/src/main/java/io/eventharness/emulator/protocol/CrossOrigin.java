package io.eventharness.emulator.protocol;

import io.eventharness.emulator.core.AwsException;
import io.eventharness.emulator.http.HttpRequest;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A browser's cross-origin request, as CORS describes it: the {@code Origin} it comes from, the method it uses (for a
 * preflight, the {@code Access-Control-Request-Method} it asks about), the headers it asks to send
 * ({@code Access-Control-Request-Headers}), and the resource it is for (S3: the bucket, from the virtual host or the
 * first path segment; null when none). A service answers it with {@link EmulatedService#crossOrigin}.
 *
 * @param preflight whether this is an {@code OPTIONS} preflight, answered by the CORS headers alone
 */
public record CrossOrigin(String origin, String method, List<String> requestHeaders, boolean preflight, String bucket) {

    /** The cross-origin part of a request; null when it names no {@code Origin} and is no preflight. */
    public static CrossOrigin of(HttpRequest r) {
        boolean preflight = r.method().equals("OPTIONS");
        String origin = r.header("Origin");
        if (origin == null && !preflight) {
            return null;
        }
        String asked = r.header("Access-Control-Request-Method");
        String headers = r.header("Access-Control-Request-Headers");
        List<String> requested = headers == null || headers.isBlank() ? List.of()
                : Arrays.stream(headers.split(",")).map(String::trim).filter(h -> !h.isEmpty()).toList();
        return new CrossOrigin(origin, preflight || asked != null ? asked : r.method(), requested, preflight, bucketOf(r));
    }

    /** What a service that grants no cross-origin access answers: no headers; 403 AccessForbidden to a preflight. */
    public static Map<String, String> refused(CrossOrigin request) {
        if (request.preflight()) {
            throw new AwsException(403, "AccessForbidden", "CORSResponse: This CORS request is not allowed.", false);
        }
        return Map.of();
    }

    private static String bucketOf(HttpRequest r) {
        String bucket = RestXmlCodec.virtualHostBucket(r);
        if (bucket != null) {
            return bucket;
        }
        String p = r.rawPath().length() > 1 ? r.rawPath().substring(1) : "";
        int slash = p.indexOf('/');
        String first = slash < 0 ? p : p.substring(0, slash);
        return first.isEmpty() ? null : HttpRequest.decodePath(first);
    }
}
