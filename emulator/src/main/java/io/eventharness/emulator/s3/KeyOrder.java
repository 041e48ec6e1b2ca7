package io.eventharness.emulator.s3;

import java.util.Comparator;

/**
 * S3 lists keys in UTF-8 binary order ("Listing object keys"). Comparing code points gives the same
 * order; {@link String#compareTo} does not for characters outside the Basic Multilingual Plane.
 */
final class KeyOrder implements Comparator<String> {
    static final KeyOrder UTF8 = new KeyOrder();

    private KeyOrder() {
    }

    @Override
    public int compare(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Boolean.compare(i < a.length(), j < b.length());
    }
}
