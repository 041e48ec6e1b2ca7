package io.eventharness.emulator.protocol;

import java.nio.charset.StandardCharsets;

/** A small streaming XML writer: elements, escaped text, one declaration. */
public final class XmlWriter {
    private final StringBuilder sb = new StringBuilder(256);

    public XmlWriter declaration() {
        sb.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
        return this;
    }

    public XmlWriter start(String name) {
        sb.append('<').append(name).append('>');
        return this;
    }

    public XmlWriter start(String name, String xmlns) {
        sb.append('<').append(name);
        if (xmlns != null) {
            sb.append(" xmlns=\"").append(xmlns).append('"');
        }
        sb.append('>');
        return this;
    }

    /** Opens an element with raw attributes already formatted ({@code a="b"}). */
    public XmlWriter startWithAttributes(String name, String attributes) {
        sb.append('<').append(name).append(' ').append(attributes).append('>');
        return this;
    }

    public XmlWriter end(String name) {
        sb.append("</").append(name).append('>');
        return this;
    }

    public XmlWriter text(String s) {
        escape(s, false);
        return this;
    }

    public XmlWriter element(String name, String text) {
        start(name);
        text(text);
        return end(name);
    }

    void escape(String s, boolean attribute) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append(attribute ? "&quot;" : "\"");
                case '\r' -> sb.append("&#xD;");
                default -> {
                    if (c < 0x20 && c != '\n' && c != '\t') {
                        sb.append("&#x").append(Integer.toHexString(c)).append(';');
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
    }

    /**
     * The text with every character XML 1.0 cannot carry, not even as a reference (control characters but tab, line
     * feed and carriage return; unpaired surrogates; U+FFFE and U+FFFF), replaced by U+FFFD: for error messages that
     * quote what a client sent, which a client's XML parser must still be able to read.
     */
    public static String legible(String s) {
        if (s == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
            if (pair) {
                out.append(c).append(s.charAt(++i));
            } else if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || Character.isSurrogate(c) || c == 0xFFFE || c == 0xFFFF) {
                out.append('\uFFFD');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    public static String escapeAttribute(String s) {
        XmlWriter w = new XmlWriter();
        w.escape(s, true);
        return w.toString();
    }

    public byte[] bytes() {
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return sb.toString();
    }
}
