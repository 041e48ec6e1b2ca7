package io.eventharness.emulator.corpus;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Mutations of a restXml body: each element with text given text of the wrong kind, huge or empty, removed or
 * repeated; the document cut short, of another root, nested absurdly deep, declaring entities (the billion laughs,
 * an external file), not UTF-8, not XML. And of an {@code aws-chunked} body (S3 uploads): chunk sizes that are no
 * sizes, a missing last chunk, a decoded length that lies.
 */
final class XmlMutations {
    private static final Pattern LEAF = Pattern.compile("<([A-Za-z][\\w.-]*)>([^<]*)</\\1>");

    private XmlMutations() {
    }

    static boolean isXml(byte[] body) {
        String s = new String(body, 0, Math.min(body.length, 64), StandardCharsets.UTF_8).trim();
        return s.startsWith("<");
    }

    static List<Mutant> of(String prefix, WireCapture.Wire base, Random random) {
        List<Mutant> out = new ArrayList<>();
        String xml = new String(base.body(), StandardCharsets.UTF_8);
        Matcher m = LEAF.matcher(xml);
        while (m.find()) {
            String name = prefix + "<" + m.group(1) + ">: ";
            String[][] values = {{"text", "abc"}, {"empty", ""}, {"huge", "x".repeat(70_000)}, {"negative", "-1"},
                    {"over 2^63", "99999999999999999999"}, {"undeclared entity", "&bogus;"}, {"stray markup", "a<b"},
                    {"child element", "<Bogus>1</Bogus>"}};
            for (String[] v : values) {
                String doc = xml.substring(0, m.start(2)) + v[1] + xml.substring(m.end(2));
                boolean certain = v[0].equals("undeclared entity") || v[0].equals("stray markup");
                WireCapture.Wire w = Mutant.body(base, utf8(doc));
                out.add(certain ? Mutant.rejected(name + v[0], w) : Mutant.any(name + v[0], w));
            }
            out.add(Mutant.any(name + "removed", Mutant.body(base, utf8(xml.substring(0, m.start()) + xml.substring(m.end())))));
            out.add(Mutant.any(name + "repeated", Mutant.body(base, utf8(xml.substring(0, m.end()) + m.group() + xml.substring(m.end())))));
        }
        byte[] b = base.body();
        for (int i = 0; i < 3 && b.length > 1; i++) {
            int cut = 1 + random.nextInt(b.length - 1);
            out.add(Mutant.rejected(prefix + "XML cut at byte " + cut, Mutant.body(base, java.util.Arrays.copyOf(b, cut))));
        }
        int rootEnd = xml.indexOf('>', xml.indexOf("<", xml.startsWith("<?") ? 2 : 0));
        String body = rootEnd < 0 ? xml : xml.substring(rootEnd + 1);
        String laughs = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">"
                + "<!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">"
                + "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">"
                + "<!ENTITY lol4 \"&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;\">"
                + "<!ENTITY lol5 \"&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;\">"
                + "<!ENTITY lol6 \"&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;\">"
                + "<!ENTITY lol7 \"&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;\">"
                + "<!ENTITY lol8 \"&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;\">"
                + "<!ENTITY lol9 \"&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;\">]><lolz>&lol9;</lolz>";
        out.add(Mutant.rejected(prefix + "billion laughs", Mutant.body(base, utf8(laughs))));
        out.add(Mutant.rejected(prefix + "external entity", Mutant.body(base, utf8("<?xml version=\"1.0\"?><!DOCTYPE x "
                + "[<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>"))));
        out.add(Mutant.rejected(prefix + "nested 10,000 deep", Mutant.body(base, utf8("<a>".repeat(10_000) + "</a>".repeat(10_000)))));
        out.add(Mutant.rejected(prefix + "not UTF-8", Mutant.body(base, JsonMutations.concat(utf8("<a>"),
                new byte[]{(byte) 0xC3, 0x28, '<', '/', 'a', '>'}))));
        out.add(Mutant.rejected(prefix + "not XML", Mutant.body(base, utf8("{\"json\": true}"))));
        out.add(Mutant.any(prefix + "another root element", Mutant.body(base, utf8("<Bogus>" + body.replaceAll("</[^>]*>\\s*$", "")
                + "</Bogus>"))));
        out.add(Mutant.any(prefix + "empty body", Mutant.body(base, new byte[0])));
        return out;
    }

    /** Mutations of an aws-chunked body ({@code <hex size>;chunk-signature=...\r\n<bytes>\r\n ... 0\r\n<trailers>\r\n}). */
    static List<Mutant> chunked(String prefix, WireCapture.Wire base) {
        List<Mutant> out = new ArrayList<>();
        String body = new String(base.body(), StandardCharsets.ISO_8859_1);
        int firstLine = body.indexOf("\r\n");
        if (firstLine < 0) {
            return out;
        }
        String sizePart = body.substring(0, firstLine);
        int semi = sizePart.indexOf(';');
        String rest = semi < 0 ? "" : sizePart.substring(semi);
        String after = body.substring(firstLine);
        out.add(Mutant.rejected(prefix + "chunk size not hex", Mutant.body(base, latin1("zz" + rest + after))));
        out.add(Mutant.rejected(prefix + "chunk size 2^64-1", Mutant.body(base, latin1("ffffffffffffffff" + rest + after))));
        out.add(Mutant.rejected(prefix + "chunk size larger than the body", Mutant.body(base, latin1("ffff" + rest + after))));
        out.add(Mutant.rejected(prefix + "chunk size negative", Mutant.body(base, latin1("-5" + rest + after))));
        int last = body.lastIndexOf("\r\n0");
        if (last > 0) {
            out.add(Mutant.rejected(prefix + "no last chunk", Mutant.body(base, latin1(body.substring(0, last + 2)))));
        }
        out.add(Mutant.any(prefix + "decoded length that lies", Mutant.header(base, "x-amz-decoded-content-length", "999999")));
        out.add(Mutant.any(prefix + "decoded length not a number", Mutant.header(base, "x-amz-decoded-content-length", "many")));
        out.add(Mutant.any(prefix + "trailer checksum wrong", Mutant.body(base, latin1(body.replaceAll(
                "(x-amz-checksum-[a-z0-9]+:)[^\\r]*", "$1AAAAAA==")))));
        out.add(Mutant.any(prefix + "chunk signature garbage", Mutant.body(base, latin1(body.replaceAll(
                "chunk-signature=[0-9a-f]+", "chunk-signature=%%%")))));
        return out;
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] latin1(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }
}
