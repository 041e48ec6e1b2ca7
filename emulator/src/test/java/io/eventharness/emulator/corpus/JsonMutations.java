package io.eventharness.emulator.corpus;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamWriteConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Mutations of a JSON (or CBOR) request body, member by member: each member of the document, and each member one
 * level down, given a value of every wrong type, null, nothing, a huge value, bad text and absurd nesting; and an
 * unknown member next to it. The document itself: truncated, garbage, not an object.
 */
final class JsonMutations {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String SPLICE = "@@splice@@";
    private static final ObjectMapper JSON = new ObjectMapper(com.fasterxml.jackson.core.JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(Integer.MAX_VALUE).build())
            .streamWriteConstraints(StreamWriteConstraints.builder().maxNestingDepth(100_000).build()).build());
    private static final ObjectMapper CBOR = new CBORMapper(CBORFactory.builder()
            .streamWriteConstraints(StreamWriteConstraints.builder().maxNestingDepth(100_000).build()).build());

    private final boolean cbor;
    private final ObjectMapper mapper;

    private JsonMutations(boolean cbor) {
        this.cbor = cbor;
        this.mapper = cbor ? CBOR : JSON;
    }

    static final JsonMutations IN_JSON = new JsonMutations(false);
    static final JsonMutations IN_CBOR = new JsonMutations(true);

    /** The body's mutants, named {@code prefix member: what}; none when the body is not a document. */
    List<Mutant> of(String prefix, WireCapture.Wire base) {
        List<Mutant> out = new ArrayList<>();
        JsonNode doc;
        try {
            doc = base.body().length == 0 ? NODES.objectNode() : mapper.readTree(base.body());
        } catch (IOException e) {
            return out;
        }
        if (!(doc instanceof ObjectNode root)) {
            return out;
        }
        List<String> names = new ArrayList<>();
        root.fieldNames().forEachRemaining(names::add);
        for (String name : names) {
            JsonNode value = root.get(name);
            if (value instanceof ObjectNode inner) {
                List<String> innerNames = new ArrayList<>();
                inner.fieldNames().forEachRemaining(innerNames::add);
                for (String n : innerNames) {
                    JsonNode iv = inner.get(n);
                    nested(out, prefix + name + "." + n, base, root, iv, v -> inner.set(n, v));
                }
            } else if (value instanceof ArrayNode arr && !arr.isEmpty()) {
                JsonNode first = arr.get(0);
                nested(out, prefix + name + "[0]", base, root, first, v -> arr.set(0, v));
                if (first instanceof ObjectNode element) {
                    List<String> elementNames = new ArrayList<>();
                    element.fieldNames().forEachRemaining(elementNames::add);
                    for (String n : elementNames) {
                        JsonNode ev = element.get(n);
                        nested(out, prefix + name + "[0]." + n, base, root, ev, v -> element.set(n, v));
                    }
                }
            }
            member(out, prefix + name, base, root, value, v -> root.set(name, v), () -> root.remove(name));
        }
        ObjectNode unknown = root.deepCopy();
        unknown.put("BogusMember", "x");
        out.add(Mutant.any(prefix + "unknown member", Mutant.body(base, bytes(unknown))));
        return out;
    }

    /** A top-level member: every mutation, and its removal. */
    private void member(List<Mutant> out, String name, WireCapture.Wire base, ObjectNode root, JsonNode value,
                        Consumer<JsonNode> set, Runnable remove) {
        nested(out, name, base, root, value, set);
        ObjectNode without = root.deepCopy();
        remove.run();
        out.add(Mutant.any(name + ": removed", Mutant.body(base, bytes(root))));
        root.removeAll();
        root.setAll(without);
    }

    /** Replaces the value with each wrong value, in a copy of the document, and restores it. */
    private void nested(List<Mutant> out, String name, WireCapture.Wire base, ObjectNode root, JsonNode value,
                        Consumer<JsonNode> set) {
        for (Map.Entry<String, JsonNode> wrong : wrongValues(value).entrySet()) {
            set.accept(wrong.getValue());
            byte[] body = bytes(root);
            boolean certain = !wrong.getKey().startsWith("~");
            String what = name + ": " + (certain ? wrong.getKey() : wrong.getKey().substring(1));
            out.add(certain ? Mutant.rejected(what, Mutant.body(base, body)) : Mutant.any(what, Mutant.body(base, body)));
        }
        set.accept(NODES.nullNode());
        out.add(Mutant.any(name + ": null", Mutant.body(base, bytes(root))));
        set.accept(new TextNode(SPLICE));
        String[] splices = {"nested 10,000 deep", "invalid UTF-8", "control characters", "lone surrogate"};
        for (String s : splices) {
            byte[] body = splice(bytes(root), s);
            boolean certain = !s.equals("control characters") && !(s.equals("lone surrogate") && value.isTextual());
            out.add(certain ? Mutant.rejected(name + ": " + s, Mutant.body(base, body)) : Mutant.any(name + ": " + s, Mutant.body(base, body)));
        }
        set.accept(value);
    }

    /**
     * Values of the wrong type for {@code v} (certainly refused), and, named with a leading {@code ~}, values of its
     * type that may or may not be valid (huge, negative, fractional).
     */
    private Map<String, JsonNode> wrongValues(JsonNode v) {
        Map<String, JsonNode> m = new java.util.LinkedHashMap<>();
        if (!v.isTextual() && !v.isBinary()) {
            m.put("a string", new TextNode("x"));
        }
        if (v.isTextual() || v.isBinary()) {
            m.put("~huge string", new TextNode("x".repeat(70_000)));
            m.put("~empty string", new TextNode(""));
        }
        if (!v.isNumber()) {
            m.put("a number", NODES.numberNode(12345));
        } else {
            m.put("~number over 2^63", NODES.numberNode(new BigInteger("99999999999999999999")));
            m.put("~number over 2^31", NODES.numberNode(2_147_483_648L));
            m.put("~negative number", NODES.numberNode(-1));
            m.put("~fraction", NODES.numberNode(1.5));
            if (!cbor) {
                m.put("~1e400", NODES.numberNode(new java.math.BigDecimal("1e400")));
            }
        }
        if (!v.isBoolean()) {
            m.put("a boolean", NODES.booleanNode(true));
        }
        if (!v.isObject()) {
            ObjectNode o = NODES.objectNode();
            o.put("x", 1);
            m.put("an object", o);
        } else {
            m.put("~empty object", NODES.objectNode());
            ObjectNode big = NODES.objectNode();
            for (int i = 0; i < 5_000; i++) {
                big.put("k" + i, "v");
            }
            m.put("~5,000 members", big);
        }
        if (!v.isArray()) {
            m.put("a list", NODES.arrayNode().add("x"));
        } else {
            m.put("~empty list", NODES.arrayNode());
            m.put("~list of null", NODES.arrayNode().addNull());
            m.put("~list of mixed types", NODES.arrayNode().add(1).add("x").add(NODES.objectNode()).add(NODES.arrayNode()));
            ArrayNode big = NODES.arrayNode();
            JsonNode e = v.isEmpty() ? new TextNode("x") : v.get(0);
            for (int i = 0; i < 10_000; i++) {
                big.add(e.deepCopy());
            }
            m.put("~10,000 elements", big);
        }
        if (cbor && !v.isBinary()) {
            m.put("a byte string", NODES.binaryNode(new byte[]{1, 2, 3}));
        }
        return m;
    }

    /** The document with the text {@value #SPLICE} replaced by raw bytes that no tree can hold. */
    private byte[] splice(byte[] doc, String what) {
        byte[] marker = bytes(new TextNode(SPLICE));
        byte[] raw;
        if (cbor) {
            raw = switch (what) {
                case "nested 10,000 deep" -> repeatThen((byte) 0x81, 10_000, (byte) 0x00);
                case "invalid UTF-8" -> new byte[]{0x62, (byte) 0xC3, 0x28};
                case "control characters" -> new byte[]{0x63, 0x00, 0x07, 0x1F};
                default -> new byte[]{0x63, (byte) 0xED, (byte) 0xA0, (byte) 0x80}; // a surrogate, UTF-8 encoded
            };
        } else {
            raw = switch (what) {
                case "nested 10,000 deep" -> ("[".repeat(10_000) + "]".repeat(10_000)).getBytes(StandardCharsets.UTF_8);
                case "invalid UTF-8" -> new byte[]{'"', (byte) 0xC3, 0x28, '"'};
                case "control characters" -> "\"a\\u0000\\u0007b\"".getBytes(StandardCharsets.UTF_8);
                default -> "\"\\ud800\"".getBytes(StandardCharsets.UTF_8);
            };
        }
        int at = indexOf(doc, marker);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(doc, 0, at);
        out.writeBytes(raw);
        out.write(doc, at + marker.length, doc.length - at - marker.length);
        return out.toByteArray();
    }

    /** Mutations of the document as a whole: cut short, garbage, a value that is not an object. */
    List<Mutant> document(String prefix, WireCapture.Wire base, java.util.Random random) {
        List<Mutant> out = new ArrayList<>();
        byte[] b = base.body();
        for (int i = 0; i < 3 && b.length > 1; i++) {
            int cut = 1 + random.nextInt(b.length - 1);
            out.add(Mutant.rejected(prefix + "body cut at byte " + cut, Mutant.body(base, java.util.Arrays.copyOf(b, cut))));
        }
        byte[] garbage = new byte[256 + random.nextInt(2048)];
        random.nextBytes(garbage);
        garbage[0] = (byte) 0xFF; // neither JSON nor a well-formed CBOR item
        out.add(Mutant.rejected(prefix + "binary garbage", Mutant.body(base, garbage)));
        out.add(Mutant.rejected(prefix + "document is a list", Mutant.body(base, bytes(NODES.arrayNode().add(1)))));
        out.add(Mutant.rejected(prefix + "document is a string", Mutant.body(base, bytes(new TextNode("x")))));
        out.add(Mutant.rejected(prefix + "document is a number", Mutant.body(base, bytes(NODES.numberNode(1)))));
        out.add(Mutant.rejected(prefix + "document followed by garbage", Mutant.body(base, concat(b, "} ]]".getBytes(StandardCharsets.UTF_8)))));
        out.add(Mutant.any(prefix + "empty body", Mutant.body(base, new byte[0])));
        if (cbor) {
            // a byte string and a map that claim 2^62 bytes and entries: refused, never allocated
            out.add(Mutant.rejected(prefix + "byte string claiming 2^62 bytes", Mutant.body(base,
                    new byte[]{0x5B, 0x40, 0, 0, 0, 0, 0, 0, 0, 1, 2})));
            out.add(Mutant.rejected(prefix + "map claiming 2^62 entries", Mutant.body(base,
                    new byte[]{(byte) 0xBB, 0x40, 0, 0, 0, 0, 0, 0, 0, 0x61, 'a', 1})));
            out.add(Mutant.rejected(prefix + "indefinite map never closed", Mutant.body(base, new byte[]{(byte) 0xBF, 0x61, 'a', 1})));
            out.add(Mutant.rejected(prefix + "reserved additional information", Mutant.body(base, new byte[]{(byte) 0xBC})));
        }
        return out;
    }

    byte[] bytes(JsonNode n) {
        try {
            return mapper.writeValueAsBytes(n);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] repeatThen(byte b, int n, byte last) {
        byte[] out = new byte[n + 1];
        java.util.Arrays.fill(out, b);
        out[n] = last;
        return out;
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new IllegalStateException("no splice marker");
    }

    /** Names of the document's members, in order (for reports). */
    static List<String> names(JsonNode n) {
        List<String> out = new ArrayList<>();
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            out.add(it.next());
        }
        return out;
    }
}
