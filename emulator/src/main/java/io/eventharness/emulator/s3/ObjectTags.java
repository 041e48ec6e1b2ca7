package io.eventharness.emulator.s3;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.s3.model.Tag;

/**
 * An object's tag set ("Categorizing your objects using tags" in the S3 user guide): at most 10 tags, keys of up
 * to 128 and values of up to 256 Unicode characters (letters, digits, spaces and {@code + - = . _ : / @}), keys
 * unique and not starting with {@code aws:}. In the order given.
 */
record ObjectTags(Map<String, String> map) {
    static final ObjectTags NONE = new ObjectTags(Map.of());
    private static final int MAX_TAGS = 10;
    private static final Pattern ALLOWED = Pattern.compile("[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*");

    ObjectTags {
        map = Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }

    /** A Tagging body's TagSet (PutObjectTagging), checked. */
    static ObjectTags of(List<Tag> tagSet) {
        Map<String, String> m = new LinkedHashMap<>();
        for (Tag t : tagSet) {
            if (m.put(t.key() == null ? "" : t.key(), t.value() == null ? "" : t.value()) != null) {
                throw invalidTag("Cannot provide multiple Tags with the same key");
            }
        }
        return checked(m);
    }

    /**
     * The {@code x-amz-tagging} header (PutObject, CopyObject with {@code REPLACE}, CreateMultipartUpload): URL
     * query parameters, {@code k1=v1&k2=v2}; null or empty means no tags.
     */
    static ObjectTags ofHeader(String header) {
        if (header == null || header.isEmpty()) {
            return NONE;
        }
        Map<String, String> m = new LinkedHashMap<>();
        for (String pair : header.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String k = decode(eq < 0 ? pair : pair.substring(0, eq));
            String v = eq < 0 ? "" : decode(pair.substring(eq + 1));
            if (m.put(k, v) != null) {
                throw S3Errors.invalidArgument("The header 'x-amz-tagging' shall be encoded as UTF-8 then URLEncoded URL "
                        + "query parameters without tag name duplicates.");
            }
        }
        return checked(m);
    }

    private static ObjectTags checked(Map<String, String> m) {
        if (m.size() > MAX_TAGS) {
            throw S3Errors.badRequest("Object tags cannot be greater than " + MAX_TAGS);
        }
        for (Map.Entry<String, String> e : m.entrySet()) {
            String k = e.getKey();
            String v = e.getValue();
            if (k.isEmpty() || !ALLOWED.matcher(k).matches()) {
                throw invalidTag("The TagKey you have provided is invalid");
            }
            if (k.codePointCount(0, k.length()) > 128) {
                throw invalidTag("The TagKey you have provided is too long, max 128");
            }
            if (k.startsWith("aws:")) {
                throw invalidTag("Your TagKey cannot be prefixed with aws:");
            }
            if (!ALLOWED.matcher(v).matches()) {
                throw invalidTag("The TagValue you have provided is invalid");
            }
            if (v.codePointCount(0, v.length()) > 256) {
                throw invalidTag("The TagValue you have provided is too long, max 256");
            }
        }
        return new ObjectTags(m);
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw S3Errors.invalidArgument("The header 'x-amz-tagging' shall be encoded as UTF-8 then URLEncoded URL "
                    + "query parameters without tag name duplicates.");
        }
    }

    private static RuntimeException invalidTag(String message) {
        return S3Errors.invalidTag(message);
    }

    /** The tags as S3 returns them (GetObjectTagging). */
    List<Tag> tagSet() {
        return map.entrySet().stream().map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList();
    }

    int count() {
        return map.size();
    }

    boolean isEmpty() {
        return map.isEmpty();
    }
}
