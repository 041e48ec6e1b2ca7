package io.eventharness.emulator.policy;

/**
 * IAM's wildcards: {@code *} any run of characters (none included), {@code ?} exactly one. Actions match regardless of
 * case ({@code S3:getobject} is {@code s3:GetObject}); ARNs match case-sensitively, each of their six colon-separated
 * parts on its own ("IAM JSON policy elements: Resource"; {@code ArnLike}), the last part (the resource, which may
 * hold colons) as a whole.
 */
final class Wildcards {
    private Wildcards() {
    }

    /** Whether {@code value} matches {@code pattern}, case-sensitively. */
    static boolean matches(String pattern, String value) {
        return matches(pattern, 0, pattern.length(), value, 0, value.length(), false);
    }

    /** Whether {@code value} matches {@code pattern}, regardless of case. */
    static boolean matchesIgnoreCase(String pattern, String value) {
        return matches(pattern, 0, pattern.length(), value, 0, value.length(), true);
    }

    /**
     * Whether an ARN matches an ARN pattern part by part; a pattern of only {@code *} matches everything, and a
     * pattern or value that is not of six parts is matched as a whole.
     */
    static boolean arnMatches(String pattern, String value) {
        if (pattern.equals("*")) {
            return true;
        }
        int[] p = colons(pattern);
        int[] v = colons(value);
        if (p == null || v == null) {
            return matches(pattern, value);
        }
        int ps = 0;
        int vs = 0;
        for (int i = 0; i < 5; i++) {
            if (!matches(pattern, ps, p[i], value, vs, v[i], false)) {
                return false;
            }
            ps = p[i] + 1;
            vs = v[i] + 1;
        }
        return matches(pattern, ps, pattern.length(), value, vs, value.length(), false);
    }

    /** The positions of the first five colons, or null when there are fewer. */
    private static int[] colons(String s) {
        int[] out = new int[5];
        int from = 0;
        for (int i = 0; i < 5; i++) {
            int c = s.indexOf(':', from);
            if (c < 0) {
                return null;
            }
            out[i] = c;
            from = c + 1;
        }
        return out;
    }

    /** Glob matching of {@code pattern[ps, pe)} against {@code value[vs, ve)}, backtracking to the last {@code *}. */
    private static boolean matches(String pattern, int ps, int pe, String value, int vs, int ve, boolean ignoreCase) {
        int p = ps;
        int v = vs;
        int star = -1;
        int mark = 0;
        while (v < ve) {
            if (p < pe && pattern.charAt(p) == '*') {
                star = p++;
                mark = v;
            } else if (p < pe && (pattern.charAt(p) == '?' || same(pattern.charAt(p), value.charAt(v), ignoreCase))) {
                p++;
                v++;
            } else if (star >= 0) {
                p = star + 1;
                v = ++mark;
            } else {
                return false;
            }
        }
        while (p < pe && pattern.charAt(p) == '*') {
            p++;
        }
        return p == pe;
    }

    private static boolean same(char a, char b, boolean ignoreCase) {
        if (a == PolicyVariables.LITERAL_STAR || a == PolicyVariables.LITERAL_QUESTION) {
            return b == (a == PolicyVariables.LITERAL_STAR ? '*' : '?');
        }
        return a == b || ignoreCase && Character.toLowerCase(a) == Character.toLowerCase(b);
    }
}
