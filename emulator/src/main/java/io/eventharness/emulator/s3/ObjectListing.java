package io.eventharness.emulator.s3;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;

/**
 * One page of ListObjects / ListObjectsV2: keys after a marker that start with the prefix, keys
 * sharing the part up to the next delimiter rolled up into one common prefix. Keys and common prefixes
 * together count against max-keys ("Organizing objects using prefixes").
 */
final class ObjectListing {

    /** A page; {@code last} is the last key or common prefix on it (the next marker), or null. */
    record Page(List<StoredObject> objects, List<String> commonPrefixes, boolean truncated, String last) {
        int count() {
            return objects.size() + commonPrefixes.size();
        }
    }

    private ObjectListing() {
    }

    static Page list(NavigableMap<String, StoredObject> all, String prefix, String delimiter, String after, int maxKeys) {
        if (maxKeys == 0) {
            return new Page(List.of(), List.of(), false, null); // S3 answers max-keys=0 with an empty, untruncated page
        }
        String p = prefix == null ? "" : prefix;
        String d = delimiter == null || delimiter.isEmpty() ? null : delimiter;
        NavigableMap<String, StoredObject> from = all;
        if (after != null && KeyOrder.UTF8.compare(after, p) >= 0) {
            from = all.tailMap(after, false);
        } else if (!p.isEmpty()) {
            from = all.tailMap(p, true);
        }
        List<StoredObject> objects = new ArrayList<>();
        List<String> prefixes = new ArrayList<>();
        String last = null;
        boolean truncated = false;
        for (Map.Entry<String, StoredObject> e : from.entrySet()) {
            String key = e.getKey();
            if (!key.startsWith(p)) {
                if (KeyOrder.UTF8.compare(key, p) > 0) {
                    break; // keys with the prefix are contiguous
                }
                continue;
            }
            String rolled = null;
            if (d != null) {
                int i = key.indexOf(d, p.length());
                if (i >= 0) {
                    rolled = key.substring(0, i + d.length());
                    if (rolled.equals(last) || (after != null && KeyOrder.UTF8.compare(rolled, after) <= 0)) {
                        continue; // already listed, here or on an earlier page
                    }
                }
            }
            if (objects.size() + prefixes.size() >= maxKeys) {
                truncated = true;
                break;
            }
            if (rolled != null) {
                prefixes.add(rolled);
                last = rolled;
            } else {
                objects.add(e.getValue());
                last = key;
            }
        }
        return new Page(objects, prefixes, truncated, last);
    }

    /**
     * {@code encoding-type=url} as S3 sends it: every UTF-8 byte but the unreserved characters ({@code A-Z a-z 0-9
     * - . _ ~}) and the slash percent-encoded, a space as {@code %20} and a plus as {@code %2B}.
     */
    static String urlEncode(String s) {
        if (s == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(s.length() + 8);
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '.' || c == '_'
                    || c == '~' || c == '/') {
                out.append((char) c);
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
            }
        }
        return out.toString();
    }

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();
}
