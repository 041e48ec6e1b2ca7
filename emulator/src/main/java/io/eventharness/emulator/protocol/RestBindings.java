package io.eventharness.emulator.protocol;

import io.eventharness.emulator.http.HttpRequest;
import io.eventharness.emulator.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.protocol.MarshallLocation;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.MapTrait;
import software.amazon.awssdk.core.traits.PayloadTrait;
import software.amazon.awssdk.core.traits.TimestampFormatTrait;

/**
 * The REST protocols' non-body bindings, shared by restJson1 and restXml: path labels, query
 * parameters, headers (including prefixed header maps such as {@code x-amz-meta-}) and the status code.
 */
final class RestBindings {
    private RestBindings() {
    }

    /** The member that is the whole body ({@code @httpPayload}), or null. */
    static SdkField<?> payloadMember(SdkPojo pojo) {
        for (SdkField<?> f : pojo.sdkFields()) {
            if (f.containsTrait(PayloadTrait.class)) {
                return f;
            }
        }
        return null;
    }

    static boolean hasBodyMembers(SdkPojo pojo) {
        for (SdkField<?> f : pojo.sdkFields()) {
            if (f.location() == MarshallLocation.PAYLOAD) {
                return true;
            }
        }
        return false;
    }

    static void readNonPayload(HttpRequest req, Map<String, String> pathParams, SdkPojo builder) {
        Set<String> boundQuery = new java.util.HashSet<>();
        SdkField<?> queryMap = null;
        for (SdkField<?> f : builder.sdkFields()) {
            MarshallLocation loc = f.location();
            String name = f.locationName();
            Object v = null;
            if (loc == MarshallLocation.PATH || loc == MarshallLocation.GREEDY_PATH) {
                String s = pathParams.get(name);
                v = s == null ? null : Shapes.scalarFromText(f, s, TimestampFormatTrait.Format.ISO_8601);
            } else if (loc == MarshallLocation.QUERY_PARAM) {
                if (f.marshallingType() == MarshallingType.MAP) {
                    queryMap = f;
                    continue;
                }
                boundQuery.add(name);
                List<String> values = req.queryParams().get(name);
                if (values != null) {
                    if (f.marshallingType() == MarshallingType.LIST) {
                        SdkField<?> member = f.getTrait(ListTrait.class).memberFieldInfo();
                        List<Object> out = new ArrayList<>();
                        for (String s : values) {
                            out.add(Shapes.scalarFromText(member, s, TimestampFormatTrait.Format.ISO_8601));
                        }
                        v = out;
                    } else {
                        v = Shapes.scalarFromText(f, values.get(0), TimestampFormatTrait.Format.ISO_8601);
                    }
                }
            } else if (loc == MarshallLocation.HEADER) {
                v = readHeader(req, f);
            }
            if (v != null) {
                f.set(builder, v);
            }
        }
        if (queryMap != null) {
            Map<String, Object> rest = new LinkedHashMap<>();
            req.queryParams().forEach((k, vals) -> {
                if (!boundQuery.contains(k)) {
                    rest.put(k, vals.get(0));
                }
            });
            if (!rest.isEmpty()) {
                queryMap.set(builder, rest);
            }
        }
    }

    private static Object readHeader(HttpRequest req, SdkField<?> f) {
        String name = f.locationName();
        if (f.marshallingType() == MarshallingType.MAP) {
            Map<String, String> out = new LinkedHashMap<>();
            String prefix = name.toLowerCase(Locale.ROOT);
            for (String h : req.headers().names()) {
                if (h.toLowerCase(Locale.ROOT).startsWith(prefix)) {
                    out.put(h.substring(prefix.length()).toLowerCase(Locale.ROOT), req.header(h));
                }
            }
            return out.isEmpty() ? null : out;
        }
        String s = req.header(name);
        if (s == null) {
            return null;
        }
        if (f.marshallingType() == MarshallingType.LIST) {
            // a list travels as one comma-separated value or as the header repeated (the SDK v2 repeats it)
            SdkField<?> member = f.getTrait(ListTrait.class).memberFieldInfo();
            List<Object> out = new ArrayList<>();
            for (String value : req.headers().all(name)) {
                for (String part : value.split(",")) {
                    out.add(Shapes.scalarFromText(member, part.trim(), TimestampFormatTrait.Format.RFC_822));
                }
            }
            return out;
        }
        return Shapes.scalarFromText(f, s, TimestampFormatTrait.Format.RFC_822);
    }

    /** Writes header and status members; returns the status the response carries, or -1. */
    static int writeNonPayload(Object pojo, HttpResponse out) {
        int status = -1;
        for (SdkField<?> f : ((SdkPojo) pojo).sdkFields()) {
            Object v = f.getValueOrDefault(pojo);
            if (JsonShapes.isAbsent(v)) {
                continue;
            }
            if (f.location() == MarshallLocation.STATUS_CODE) {
                status = ((Number) v).intValue();
            } else if (f.location() == MarshallLocation.HEADER) {
                if (v instanceof Map<?, ?> m) {
                    m.forEach((k, val) -> out.header(f.locationName() + k, String.valueOf(val)));
                } else if (v instanceof List<?> l) {
                    SdkField<?> member = f.getTrait(ListTrait.class).memberFieldInfo();
                    List<String> parts = new ArrayList<>();
                    for (Object e : l) {
                        parts.add(Shapes.scalarToText(member, e, TimestampFormatTrait.Format.RFC_822));
                    }
                    out.header(f.locationName(), String.join(",", parts));
                } else {
                    out.header(f.locationName(), Shapes.scalarToText(f, v, TimestampFormatTrait.Format.RFC_822));
                }
            }
        }
        return status;
    }

    static MapTrait mapTrait(SdkField<?> f) {
        return f.getTrait(MapTrait.class);
    }
}
