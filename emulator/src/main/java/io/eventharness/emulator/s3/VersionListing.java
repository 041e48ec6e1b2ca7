package io.eventharness.emulator.s3;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;

/**
 * One page of ListObjectVersions: the versions and delete markers of the keys that start with the prefix, by key
 * and each key's newest first, after (key-marker, version-id-marker); keys sharing the part up to the next delimiter
 * rolled up into one common prefix. Versions, delete markers and common prefixes together count against max-keys.
 */
final class VersionListing {

    /**
     * A page, its entries in listing order; {@code nextKey} and {@code nextVersionId} are the markers of the next
     * page when it is truncated ({@code nextVersionId} null after a common prefix).
     */
    record Page(List<Entry> entries, List<String> commonPrefixes, boolean truncated, String nextKey, String nextVersionId) {
    }

    /** A version or delete marker, and whether it is its key's latest. */
    record Entry(ObjectVersion version, boolean latest) {
    }

    private VersionListing() {
    }

    static Page list(NavigableMap<String, List<ObjectVersion>> all, String prefix, String delimiter, String keyMarker,
                     String versionIdMarker, int maxKeys) {
        if (maxKeys == 0) {
            return new Page(List.of(), List.of(), false, null, null); // as ListObjects: empty and untruncated
        }
        String p = prefix == null ? "" : prefix;
        String d = delimiter == null || delimiter.isEmpty() ? null : delimiter;
        List<Entry> entries = new ArrayList<>();
        List<String> prefixes = new ArrayList<>();
        String lastKey = null;
        String lastVersion = null;
        boolean truncated = false;
        outer:
        for (Map.Entry<String, List<ObjectVersion>> e : all.entrySet()) {
            String key = e.getKey();
            if (!key.startsWith(p)) {
                if (KeyOrder.UTF8.compare(key, p) > 0) {
                    break; // keys with the prefix are contiguous
                }
                continue;
            }
            int c = keyMarker == null ? 1 : KeyOrder.UTF8.compare(key, keyMarker);
            if (c < 0 || c == 0 && versionIdMarker == null) {
                continue;
            }
            if (d != null) {
                int i = key.indexOf(d, p.length());
                if (i >= 0) {
                    String rolled = key.substring(0, i + d.length());
                    if (rolled.equals(lastKey) || keyMarker != null && KeyOrder.UTF8.compare(rolled, keyMarker) <= 0) {
                        continue; // already listed, here or on an earlier page
                    }
                    if (entries.size() + prefixes.size() >= maxKeys) {
                        truncated = true;
                        break;
                    }
                    prefixes.add(rolled);
                    lastKey = rolled;
                    lastVersion = null;
                    continue;
                }
            }
            List<ObjectVersion> versions = e.getValue();
            boolean skipping = c == 0; // the marker's key: only the versions after the marked one
            for (int v = 0; v < versions.size(); v++) {
                ObjectVersion version = versions.get(v);
                if (skipping) {
                    skipping = !version.versionId().equals(versionIdMarker);
                    continue;
                }
                if (entries.size() + prefixes.size() >= maxKeys) {
                    truncated = true;
                    break outer;
                }
                entries.add(new Entry(version, v == 0));
                lastKey = key;
                lastVersion = version.versionId();
            }
        }
        return new Page(entries, prefixes, truncated, truncated ? lastKey : null, truncated ? lastVersion : null);
    }
}
