package io.eventharness.emulator.s3;

import io.eventharness.emulator.protocol.Call;
import io.eventharness.emulator.protocol.FormUpload;
import io.eventharness.emulator.protocol.WithBody;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;

/**
 * How S3 answers a browser's form upload ("POST Object"): a redirect to {@code success_action_redirect} (303, the
 * bucket, key and ETag in its query), else the status {@code success_action_status} asks for: 200 or 204 without a
 * body, 201 with a {@code PostResponse} document; 204 for any other value. {@code Location} and {@code ETag} headers
 * come with each.
 */
final class FormUploads {
    private FormUploads() {
    }

    static WithBody<PutObjectResponse> answer(PutObjectResponse put, FormUpload form, String bucket, String key, Call call) {
        String location = call.endpoint() + "/" + bucket + "/" + pathEncode(key);
        String redirect = form.field("success_action_redirect") != null ? form.field("success_action_redirect") : form.field("redirect");
        if (redirect != null && isUrl(redirect)) {
            String to = redirect + (redirect.contains("?") ? "&" : "?") + "bucket=" + query(bucket) + "&key=" + query(key)
                    + "&etag=" + query(put.eTag());
            return new WithBody<>(put, new byte[0], 303, Map.of("Location", to));
        }
        String status = form.field("success_action_status");
        if ("201".equals(status)) {
            String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<PostResponse><Location>" + escape(location)
                    + "</Location><Bucket>" + escape(bucket) + "</Bucket><Key>" + escape(key) + "</Key><ETag>"
                    + escape(put.eTag()) + "</ETag></PostResponse>";
            return new WithBody<>(put, xml.getBytes(StandardCharsets.UTF_8), 201,
                    Map.of("Location", location, "Content-Type", "application/xml"));
        }
        return new WithBody<>(put, new byte[0], "200".equals(status) ? 200 : 204, Map.of("Location", location));
    }

    private static boolean isUrl(String s) {
        try {
            URI u = URI.create(s);
            return u.getScheme() != null && u.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String query(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String pathEncode(String key) {
        return URLEncoder.encode(key, StandardCharsets.UTF_8).replace("+", "%20").replace("%2F", "/");
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
