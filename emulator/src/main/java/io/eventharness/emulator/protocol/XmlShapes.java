package io.eventharness.emulator.protocol;

import io.eventharness.emulator.protocol.ServiceSpec.QueryName;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.protocol.MarshallLocation;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.MapTrait;
import software.amazon.awssdk.core.traits.TimestampFormatTrait;
import software.amazon.awssdk.core.traits.XmlAttributeTrait;

/**
 * XML ↔ SDK model objects, driven by {@code sdkFields()}: restXml bodies (S3) and query-protocol
 * responses. Element names are the fields' location names, or the service's legacy query names.
 * Lists are wrapped ({@code <Name><member>}) unless flattened; maps are
 * {@code <entry><key/><value/></entry>}; timestamps are ISO-8601.
 */
public final class XmlShapes {
    private static final ThreadLocal<DocumentBuilder> PARSER = ThreadLocal.withInitial(XmlShapes::newParser);

    private final Map<String, QueryName> names;

    public XmlShapes(Map<String, QueryName> names) {
        this.names = names;
    }

    public static final XmlShapes PLAIN = new XmlShapes(Map.of());

    private static DocumentBuilder newParser() {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setExpandEntityReferences(false);
            return f.newDocumentBuilder();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Parses a document; malformed XML raises ShapeException. */
    public static Element parse(byte[] xml) {
        try {
            DocumentBuilder p = PARSER.get();
            p.reset();
            p.setErrorHandler(null);
            return p.parse(new ByteArrayInputStream(xml)).getDocumentElement();
        } catch (Exception e) {
            throw new ShapeException("The XML you provided was not well-formed or did not validate against our published schema");
        }
    }

    QueryName override(Object owner, SdkField<?> f) {
        if (names.isEmpty()) {
            return null;
        }
        Class<?> c = owner.getClass();
        if (c.getEnclosingClass() != null && c.getSimpleName().equals("BuilderImpl")) {
            c = c.getEnclosingClass();
        }
        String ownerName = c.getSimpleName();
        QueryName n = names.get(ownerName + "." + f.memberName());
        return n != null ? n : names.get(f.memberName());
    }

    // ---- reading ------------------------------------------------------------------------------

    public Object readPojo(Element el, Supplier<SdkPojo> constructor) {
        SdkPojo b = constructor.get();
        readInto(el, b);
        return Shapes.build(b);
    }

    public void readInto(Element el, SdkPojo builder) {
        for (SdkField<?> f : builder.sdkFields()) {
            if (f.location() != MarshallLocation.PAYLOAD) {
                continue;
            }
            if (f.containsTrait(XmlAttributeTrait.class)) {
                String attr = attribute(el, f.locationName());
                if (attr != null) {
                    f.set(builder, Shapes.scalarFromText(f, attr, TimestampFormatTrait.Format.ISO_8601));
                }
                continue;
            }
            Object v = readField(el, f, builder);
            if (v != null) {
                f.set(builder, v);
            }
        }
    }

    private static String attribute(Element el, String qname) {
        int colon = qname.indexOf(':');
        String local = colon >= 0 ? qname.substring(colon + 1) : qname;
        for (int i = 0; i < el.getAttributes().getLength(); i++) {
            Node a = el.getAttributes().item(i);
            String n = a.getLocalName() != null ? a.getLocalName() : a.getNodeName();
            if (n.equals(local)) {
                return a.getNodeValue();
            }
        }
        return null;
    }

    private Object readField(Element parent, SdkField<?> f, Object owner) {
        MarshallingType<?> t = f.marshallingType();
        QueryName qn = override(owner, f);
        String name = qn != null ? qn.name() : f.locationName();
        if (t == MarshallingType.LIST) {
            ListTrait lt = f.getTrait(ListTrait.class);
            boolean flat = qn != null ? qn.flattened() : lt.isFlattened();
            List<Element> items;
            if (flat) {
                items = children(parent, name);
                if (items.isEmpty()) {
                    return null;
                }
            } else {
                Element wrapper = child(parent, name);
                if (wrapper == null) {
                    return null;
                }
                String member = lt.memberLocationName() != null ? lt.memberLocationName() : "member";
                items = children(wrapper, member);
            }
            List<Object> out = new ArrayList<>(items.size());
            for (Element e : items) {
                out.add(readValue(e, lt.memberFieldInfo()));
            }
            return out;
        } else if (t == MarshallingType.MAP) {
            MapTrait mt = f.getTrait(MapTrait.class);
            boolean flat = qn != null ? qn.flattened() : mt.isFlattened();
            String k = qn != null && qn.keyName() != null ? qn.keyName() : mt.keyLocationName();
            String v = qn != null && qn.valueName() != null ? qn.valueName() : mt.valueLocationName();
            List<Element> entries;
            if (flat) {
                entries = children(parent, name);
            } else {
                Element wrapper = child(parent, name);
                if (wrapper == null) {
                    return null;
                }
                entries = children(wrapper, "entry");
            }
            if (entries.isEmpty()) {
                return null;
            }
            Map<String, Object> out = new LinkedHashMap<>();
            for (Element e : entries) {
                Element key = child(e, k);
                Element val = child(e, v);
                if (key != null) {
                    out.put(key.getTextContent(), val == null ? null : readValue(val, mt.valueFieldInfo()));
                }
            }
            return out;
        }
        Element c = child(parent, name);
        return c == null ? null : readValue(c, f);
    }

    private Object readValue(Element e, SdkField<?> f) {
        if (f.marshallingType() == MarshallingType.SDK_POJO) {
            return readPojo(e, f.constructor());
        }
        return Shapes.scalarFromText(f, e.getTextContent(), TimestampFormatTrait.Format.ISO_8601);
    }

    static Element child(Element parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && name.equals(localName(e))) {
                return e;
            }
        }
        return null;
    }

    static List<Element> children(Element parent, String name) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && name.equals(localName(e))) {
                out.add(e);
            }
        }
        return out;
    }

    public static String localName(Element e) {
        return e.getLocalName() != null ? e.getLocalName() : e.getTagName();
    }

    // ---- writing ------------------------------------------------------------------------------

    /** Writes the payload members of {@code pojo} as child elements. */
    public void writeFields(Object pojo, XmlWriter w) {
        for (SdkField<?> f : ((SdkPojo) pojo).sdkFields()) {
            if (f.location() != MarshallLocation.PAYLOAD || f.containsTrait(XmlAttributeTrait.class)) {
                continue;
            }
            Object v = f.getValueOrDefault(pojo);
            if (JsonShapes.isAbsent(v)) {
                continue;
            }
            writeField(pojo, f, v, w);
        }
    }

    /** Writes one element for {@code pojo}, with its XML attributes (e.g. {@code xsi:type}). */
    public void writeElement(String name, Object pojo, String xmlns, XmlWriter w) {
        StringBuilder attrs = new StringBuilder();
        if (xmlns != null) {
            attrs.append("xmlns=\"").append(xmlns).append('"');
        }
        for (SdkField<?> f : ((SdkPojo) pojo).sdkFields()) {
            if (f.containsTrait(XmlAttributeTrait.class)) {
                Object v = f.getValueOrDefault(pojo);
                if (v != null) {
                    String an = f.locationName();
                    if (an.startsWith("xsi:")) {
                        attrs.append(attrs.length() > 0 ? " " : "").append("xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"");
                    }
                    attrs.append(attrs.length() > 0 ? " " : "").append(an).append("=\"")
                            .append(XmlWriter.escapeAttribute(String.valueOf(v))).append('"');
                }
            }
        }
        if (attrs.length() > 0) {
            w.startWithAttributes(name, attrs.toString());
        } else {
            w.start(name);
        }
        writeFields(pojo, w);
        w.end(name);
    }

    private void writeField(Object owner, SdkField<?> f, Object v, XmlWriter w) {
        MarshallingType<?> t = f.marshallingType();
        QueryName qn = override(owner, f);
        String name = qn != null ? qn.name() : f.locationName();
        if (t == MarshallingType.LIST) {
            ListTrait lt = f.getTrait(ListTrait.class);
            boolean flat = qn != null ? qn.flattened() : lt.isFlattened();
            if (flat) {
                for (Object e : (List<?>) v) {
                    writeValue(name, e, lt.memberFieldInfo(), w);
                }
            } else {
                String member = lt.memberLocationName() != null ? lt.memberLocationName() : "member";
                w.start(name);
                for (Object e : (List<?>) v) {
                    writeValue(member, e, lt.memberFieldInfo(), w);
                }
                w.end(name);
            }
        } else if (t == MarshallingType.MAP) {
            MapTrait mt = f.getTrait(MapTrait.class);
            boolean flat = qn != null ? qn.flattened() : mt.isFlattened();
            String k = qn != null && qn.keyName() != null ? qn.keyName() : mt.keyLocationName();
            String val = qn != null && qn.valueName() != null ? qn.valueName() : mt.valueLocationName();
            if (!flat) {
                w.start(name);
            }
            for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
                w.start(flat ? name : "entry");
                w.element(k, String.valueOf(e.getKey()));
                writeValue(val, e.getValue(), mt.valueFieldInfo(), w);
                w.end(flat ? name : "entry");
            }
            if (!flat) {
                w.end(name);
            }
        } else {
            writeValue(name, v, f, w);
        }
    }

    private void writeValue(String name, Object v, SdkField<?> f, XmlWriter w) {
        if (v == null) {
            return;
        }
        if (f.marshallingType() == MarshallingType.SDK_POJO) {
            writeElement(name, v, null, w);
        } else {
            w.element(name, Shapes.scalarToText(f, v, TimestampFormatTrait.Format.ISO_8601));
        }
    }
}
