package io.eventharness.emulator.protocol;

import io.eventharness.emulator.protocol.ServiceSpec.QueryName;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Supplier;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.MapTrait;
import software.amazon.awssdk.core.traits.TimestampFormatTrait;

/**
 * Query-protocol form parameters → SDK model objects, driven by {@code sdkFields()}:
 * {@code Name}, lists {@code Name.member.N} (flattened: {@code Name.N}), maps
 * {@code Name.entry.N.key}/{@code .value} (flattened: {@code Name.N.key}), structures {@code Name.Field}.
 */
public final class QueryShapes {
    private final XmlShapes naming;

    public QueryShapes(XmlShapes naming) {
        this.naming = naming;
    }

    public Object read(Map<String, String> params, Supplier<SdkPojo> constructor) {
        return readPojo(params, "", constructor);
    }

    private Object readPojo(Map<String, String> params, String prefix, Supplier<SdkPojo> constructor) {
        SdkPojo b = constructor.get();
        for (SdkField<?> f : b.sdkFields()) {
            Object v = readField(params, prefix, f, b);
            if (v != null) {
                f.set(b, v);
            }
        }
        return Shapes.build(b);
    }

    private Object readField(Map<String, String> params, String prefix, SdkField<?> f, Object owner) {
        QueryName qn = naming.override(owner, f);
        String name = prefix + (qn != null ? qn.name() : f.locationName());
        MarshallingType<?> t = f.marshallingType();
        if (t == MarshallingType.LIST) {
            ListTrait lt = f.getTrait(ListTrait.class);
            boolean flat = qn != null ? qn.flattened() : lt.isFlattened();
            String base = flat ? name + "." : name + "." + (lt.memberLocationName() != null ? lt.memberLocationName() : "member") + ".";
            TreeSet<Integer> idx = indices(params, base);
            if (idx.isEmpty()) {
                return params.containsKey(name) ? new ArrayList<>() : null;
            }
            List<Object> out = new ArrayList<>(idx.size());
            for (int i : idx) {
                out.add(present(readValue(params, base + i, lt.memberFieldInfo()), base + i));
            }
            return out;
        } else if (t == MarshallingType.MAP) {
            MapTrait mt = f.getTrait(MapTrait.class);
            boolean flat = qn != null ? qn.flattened() : mt.isFlattened();
            String k = qn != null && qn.keyName() != null ? qn.keyName() : mt.keyLocationName();
            String v = qn != null && qn.valueName() != null ? qn.valueName() : mt.valueLocationName();
            String base = flat ? name + "." : name + ".entry.";
            TreeSet<Integer> idx = indices(params, base);
            if (idx.isEmpty()) {
                return null;
            }
            Map<String, Object> out = new LinkedHashMap<>();
            for (int i : idx) {
                String key = params.get(base + i + "." + k);
                if (key == null) {
                    throw new ShapeException("map entry " + base + i + " has no " + k);
                }
                out.put(key, present(readValue(params, base + i + "." + v, mt.valueFieldInfo()), base + i + "." + v));
            }
            return out;
        }
        return readValue(params, name, f);
    }

    private Object readValue(Map<String, String> params, String name, SdkField<?> f) {
        if (f.marshallingType() == MarshallingType.SDK_POJO) {
            String p = name + ".";
            for (String k : params.keySet()) {
                if (k.startsWith(p)) {
                    return readPojo(params, p, f.constructor());
                }
            }
            return null;
        }
        if (f.marshallingType() == MarshallingType.LIST || f.marshallingType() == MarshallingType.MAP) {
            int dot = name.lastIndexOf('.');
            return readField(params, name.substring(0, dot + 1), f, new Object());
        }
        String s = params.get(name);
        return s == null ? null : Shapes.scalarFromText(f, s, TimestampFormatTrait.Format.ISO_8601);
    }

    /** A list member or map value that the form names without giving it ({@code Entry.1.Id=a} of a list of strings). */
    private static Object present(Object value, String name) {
        if (value == null) {
            throw new ShapeException("no value for " + name);
        }
        return value;
    }

    private static TreeSet<Integer> indices(Map<String, String> params, String base) {
        TreeSet<Integer> out = new TreeSet<>();
        for (String k : params.keySet()) {
            if (k.startsWith(base)) {
                int end = k.indexOf('.', base.length());
                String n = end < 0 ? k.substring(base.length()) : k.substring(base.length(), end);
                try {
                    int i = Integer.parseInt(n);
                    if (i >= 1) {
                        out.add(i);
                    }
                } catch (NumberFormatException ignored) {
                    // not an index
                }
            }
        }
        return out;
    }
}
