package io.eventharness.emulator.corpus;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;

/**
 * Mutations of a query-protocol request ({@code Action=...&Version=...&Member.1.Name=...} as a form body), parameter
 * by parameter: values of the wrong kind, huge, empty, badly percent-encoded or not UTF-8; list indexes that are no
 * index; parameters removed, repeated and unknown; and the {@code Action} and {@code Version} themselves.
 */
final class FormMutations {
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");
    private static final Pattern INDEX = Pattern.compile("\\.(\\d+)(\\.|$)");

    private FormMutations() {
    }

    /** A form as its raw (still encoded) pairs. */
    record Pair(String key, String value) {
        @Override
        public String toString() {
            return value == null ? key : key + "=" + value;
        }
    }

    static List<Pair> parse(byte[] form) {
        List<Pair> out = new ArrayList<>();
        for (String p : new String(form, StandardCharsets.ISO_8859_1).split("&")) {
            if (!p.isEmpty()) {
                int eq = p.indexOf('=');
                out.add(eq < 0 ? new Pair(p, null) : new Pair(p.substring(0, eq), p.substring(eq + 1)));
            }
        }
        return out;
    }

    static byte[] form(List<Pair> pairs) {
        StringBuilder b = new StringBuilder();
        for (Pair p : pairs) {
            b.append(b.length() == 0 ? "" : "&").append(p);
        }
        return b.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    static List<Mutant> of(String prefix, WireCapture.Wire base, Random random) {
        List<Pair> pairs = parse(base.body());
        List<Mutant> out = new ArrayList<>();
        for (int i = 0; i < pairs.size(); i++) {
            Pair p = pairs.get(i);
            String name = prefix + decoded(p.key()) + ": ";
            if (p.key().equals("Action")) {
                out.add(Mutant.rejected(name + "unknown", with(base, pairs, i, new Pair("Action", "NoSuchAction"))));
                out.add(Mutant.rejected(name + "empty", with(base, pairs, i, new Pair("Action", ""))));
                out.add(Mutant.rejected(name + "lower case", with(base, pairs, i, new Pair("Action", p.value().toLowerCase()))));
                out.add(Mutant.rejected(name + "huge", with(base, pairs, i, new Pair("Action", "A".repeat(60_000)))));
                out.add(Mutant.rejected(name + "removed", with(base, pairs, i, null)));
                out.add(Mutant.rejected(name + "malformed percent-encoding", with(base, pairs, i, new Pair("Action", "%zz"))));
                continue;
            }
            if (p.key().equals("Version")) {
                out.add(Mutant.rejected(name + "another API's", with(base, pairs, i, new Pair("Version", "2099-01-01"))));
                out.add(Mutant.any(name + "removed", with(base, pairs, i, null)));
                continue;
            }
            String v = p.value() == null ? "" : p.value();
            if (NUMBER.matcher(v).matches() || v.equals("true") || v.equals("false")) {
                out.add(Mutant.rejected(name + "not a number or boolean", with(base, pairs, i, new Pair(p.key(), "abc"))));
                out.add(Mutant.any(name + "over 2^63", with(base, pairs, i, new Pair(p.key(), "99999999999999999999"))));
                out.add(Mutant.any(name + "negative", with(base, pairs, i, new Pair(p.key(), "-1"))));
                out.add(Mutant.any(name + "fraction", with(base, pairs, i, new Pair(p.key(), "1.5"))));
            }
            out.add(Mutant.any(name + "huge", with(base, pairs, i, new Pair(p.key(), "x".repeat(70_000)))));
            out.add(Mutant.any(name + "empty", with(base, pairs, i, new Pair(p.key(), ""))));
            out.add(Mutant.any(name + "no '='", with(base, pairs, i, new Pair(p.key(), null))));
            out.add(Mutant.any(name + "control characters", with(base, pairs, i, new Pair(p.key(), "a%00%07b"))));
            out.add(Mutant.any(name + "not UTF-8", with(base, pairs, i, new Pair(p.key(), "%C3%28%FF"))));
            out.add(Mutant.rejected(name + "malformed percent-encoding", with(base, pairs, i, new Pair(p.key(), "a%zz"))));
            out.add(Mutant.rejected(name + "truncated percent-encoding", with(base, pairs, i, new Pair(p.key(), "a%4"))));
            out.add(Mutant.any(name + "removed", with(base, pairs, i, null)));
            List<Pair> twice = new ArrayList<>(pairs);
            twice.add(i + 1, new Pair(p.key(), "other"));
            out.add(Mutant.any(name + "repeated", Mutant.body(base, form(twice))));
            var index = INDEX.matcher(p.key());
            if (index.find()) {
                for (String bad : new String[]{"0", "-1", "99999999999999999999", "x", "", "1000001"}) {
                    String key = p.key().substring(0, index.start(1)) + bad + p.key().substring(index.end(1));
                    out.add(Mutant.any(name + "index " + (bad.isEmpty() ? "empty" : bad), with(base, pairs, i, new Pair(key, p.value()))));
                }
            }
        }
        List<Pair> unknown = new ArrayList<>(pairs);
        unknown.add(new Pair("BogusParameter", "x"));
        out.add(Mutant.any(prefix + "unknown parameter", Mutant.body(base, form(unknown))));
        List<Pair> deep = new ArrayList<>(pairs);
        deep.add(new Pair("Bogus" + ".member.1".repeat(2_000), "x"));
        out.add(Mutant.any(prefix + "parameter nested 2,000 deep", Mutant.body(base, form(deep))));
        byte[] body = base.body();
        for (int i = 0; i < 2 && body.length > 1; i++) {
            int cut = 1 + random.nextInt(body.length - 1);
            out.add(Mutant.any(prefix + "form cut at byte " + cut, Mutant.body(base, java.util.Arrays.copyOf(body, cut))));
        }
        byte[] garbage = new byte[256 + random.nextInt(1024)];
        random.nextBytes(garbage);
        out.add(Mutant.any(prefix + "binary garbage", Mutant.body(base, garbage)));
        out.add(Mutant.any(prefix + "in the query string", base.with("/?" + new String(body, StandardCharsets.ISO_8859_1),
                base.headers(), new byte[0])));
        return out;
    }

    private static WireCapture.Wire with(WireCapture.Wire base, List<Pair> pairs, int i, Pair replacement) {
        List<Pair> copy = new ArrayList<>(pairs);
        if (replacement == null) {
            copy.remove(i);
        } else {
            copy.set(i, replacement);
        }
        return Mutant.body(base, form(copy));
    }

    private static String decoded(String key) {
        try {
            return java.net.URLDecoder.decode(key, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return key;
        }
    }
}
