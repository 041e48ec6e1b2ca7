package io.eventharness.emulator.corpus;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.protocol.MarshallLocation;
import software.amazon.awssdk.core.protocol.MarshallingType;

/**
 * Mutations of a REST request (restJson1, restXml) where its members are bound outside the body: each path label,
 * query parameter and header member of the request shape (from {@code sdkFields()}) made empty, huge, badly
 * encoded, of the wrong type; and the method and the path around them. The body's members are mutated by
 * {@link JsonMutations} or {@link XmlMutations}.
 */
final class RestMutations {
    /**
     * Request targets the HTTP layer refuses before any service sees them (no headers reach the answer, so it cannot
     * be in the envelope of the service they were for: it is S3's {@code InvalidURI}).
     */
    private static final java.util.Set<String> UNPARSEABLE = java.util.Set.of("malformed percent-encoding",
            "truncated percent-encoding", "control characters", "dot segment");

    private RestMutations() {
    }

    static List<Mutant> of(String prefix, WireCapture.Wire base, SdkPojo request, Random random) {
        List<Mutant> out = new ArrayList<>();
        for (SdkField<?> f : request.sdkFields()) {
            Object v = f.getValueOrDefault(request);
            if (v == null || f.locationName().equalsIgnoreCase("Content-Length")) {
                continue; // the connection frames every request itself
            }
            String name = prefix + f.memberName() + " (" + f.location() + " " + f.locationName() + "): ";
            MarshallLocation loc = f.location();
            if (loc == MarshallLocation.PATH || loc == MarshallLocation.GREEDY_PATH) {
                path(out, name, base, WireCapture.encode(String.valueOf(v)));
            } else if (loc == MarshallLocation.QUERY_PARAM && !(v instanceof Map)) {
                query(out, name, base, f);
            } else if (loc == MarshallLocation.HEADER && !(v instanceof Map)) {
                header(out, name, base, f);
            }
        }
        String m = base.method();
        for (String other : new String[]{"GET", "PUT", "POST", "DELETE", "HEAD", "PATCH", "OPTIONS"}) {
            if (!other.equals(m)) {
                out.add(Mutant.any(prefix + "method " + other, new WireCapture.Wire(other, base.target(), base.headers(), base.body())));
            }
        }
        out.add(Mutant.any(prefix + "path doubled", Mutant.target(base, base.path() + base.path()
                + (base.query().isEmpty() ? "" : "?" + base.query()))));
        out.add(Mutant.any(prefix + "path with a trailing slash", Mutant.target(base, base.path() + "/"
                + (base.query().isEmpty() ? "" : "?" + base.query()))));
        out.add(new Mutant(prefix + "path with dot segments", Mutant.target(base, "/a/../.." + base.target()), Mutant.Expect.HTTP_ERROR));
        out.add(Mutant.any(prefix + "unknown query parameter", Mutant.target(base, base.target()
                + (base.query().isEmpty() ? "?" : "&") + "bogus=1")));
        out.add(Mutant.any(prefix + "query of 2,000 parameters", Mutant.target(base, base.target()
                + (base.query().isEmpty() ? "?" : "&") + "p=1&".repeat(2_000) + "p=2")));
        out.add(Mutant.any(prefix + "query with malformed percent-encoding", Mutant.target(base, base.target()
                + (base.query().isEmpty() ? "?" : "&") + "bogus=%zz%")));
        return out;
    }

    private static void path(List<Mutant> out, String name, WireCapture.Wire base, String encoded) {
        String path = base.path();
        int at = path.indexOf(encoded);
        if (at < 0 || encoded.isEmpty()) {
            return;
        }
        String query = base.query().isEmpty() ? "" : "?" + base.query();
        String[][] values = {{"empty", ""}, {"huge", "x".repeat(8_000)}, {"malformed percent-encoding", "a%zz"},
                {"truncated percent-encoding", "a%4"}, {"not UTF-8", "%C3%28%FF"}, {"control characters", "a%00%07"},
                {"dot segment", ".."}, {"encoded slash", "a%2Fb"}, {"spaces", "a%20b"}, {"non-ASCII", "%C3%A9t%C3%A9"}};
        for (String[] v : values) {
            String p = path.substring(0, at) + v[1] + path.substring(at + encoded.length());
            WireCapture.Wire w = Mutant.target(base, (p.isEmpty() ? "/" : p) + query);
            out.add(UNPARSEABLE.contains(v[0]) ? new Mutant(name + v[0], w, Mutant.Expect.HTTP_ERROR) : Mutant.any(name + v[0], w));
        }
    }

    private static void query(List<Mutant> out, String name, WireCapture.Wire base, SdkField<?> f) {
        String key = WireCapture.encode(f.locationName());
        List<String> params = new ArrayList<>(List.of(base.query().split("&")));
        int at = -1;
        for (int i = 0; i < params.size(); i++) {
            if (params.get(i).equals(key) || params.get(i).startsWith(key + "=")) {
                at = i;
            }
        }
        if (at < 0) {
            return;
        }
        for (String[] v : typedValues(f)) {
            List<String> copy = new ArrayList<>(params);
            copy.set(at, key + "=" + v[1]);
            WireCapture.Wire w = Mutant.target(base, base.path() + "?" + String.join("&", copy));
            out.add(v[0].startsWith("!") ? Mutant.rejected(name + v[0].substring(1), w) : Mutant.any(name + v[0], w));
        }
        List<String> without = new ArrayList<>(params);
        without.remove(at);
        out.add(Mutant.any(name + "removed", Mutant.target(base, base.path() + (without.isEmpty() ? "" : "?" + String.join("&", without)))));
        List<String> twice = new ArrayList<>(params);
        twice.add(key + "=other");
        out.add(Mutant.any(name + "repeated", Mutant.target(base, base.path() + "?" + String.join("&", twice))));
    }

    private static void header(List<Mutant> out, String name, WireCapture.Wire base, SdkField<?> f) {
        for (String[] v : typedValues(f)) {
            if (v[1].contains("%")) {
                continue; // percent-encoding means nothing in a header
            }
            out.add(Mutant.any(name + v[0].replace("!", ""), Mutant.header(base, f.locationName(), v[1])));
        }
        out.add(Mutant.any(name + "non-ASCII", Mutant.header(base, f.locationName(), "été")));
        out.add(Mutant.any(name + "removed", Mutant.header(base, f.locationName(), null)));
    }

    /** Text values for a member of {@code f}'s type; a leading {@code !} marks those certainly refused. */
    private static String[][] typedValues(SdkField<?> f) {
        MarshallingType<?> t = f.marshallingType();
        List<String[]> v = new ArrayList<>(List.of(new String[][]{{"empty", ""}, {"huge", "x".repeat(8_000)}}));
        if (t == MarshallingType.INTEGER || t == MarshallingType.LONG) {
            v.add(new String[]{"!not a number", "abc"});
            v.add(new String[]{"over 2^63", "99999999999999999999"});
            v.add(new String[]{"negative", "-1"});
            v.add(new String[]{"fraction", "1.5"});
        } else if (t == MarshallingType.BOOLEAN) {
            v.add(new String[]{"not a boolean", "maybe"});
        } else if (t == MarshallingType.INSTANT) {
            v.add(new String[]{"not a timestamp", "yesterday"});
            v.add(new String[]{"year 99999", "99999-01-01T00:00:00Z"});
        } else if (t == MarshallingType.SDK_BYTES) {
            v.add(new String[]{"not base64", "***"});
        }
        v.add(new String[]{"!malformed percent-encoding", "a%zz"});
        v.add(new String[]{"not UTF-8", "%C3%28%FF"});
        return v.toArray(new String[0][]);
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
