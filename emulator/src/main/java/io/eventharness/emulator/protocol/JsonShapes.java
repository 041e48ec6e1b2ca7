package io.eventharness.emulator.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.protocol.MarshallLocation;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.MapTrait;
import software.amazon.awssdk.core.traits.TimestampFormatTrait;
import software.amazon.awssdk.core.util.SdkAutoConstructList;
import software.amazon.awssdk.core.util.SdkAutoConstructMap;

/**
 * JSON (and CBOR, through the same Jackson tree) ↔ SDK model objects, driven by {@code sdkFields()}.
 * Wire names are the fields' location names. Timestamps are epoch seconds in JSON and epoch
 * milliseconds in CBOR; blobs are base64 text in JSON and byte strings in CBOR.
 */
public final class JsonShapes {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final boolean cbor;
    private final boolean sparse;

    private JsonShapes(boolean cbor, boolean sparse) {
        this.cbor = cbor;
        this.sparse = sparse;
    }

    /** JSON; a null in a list or as a map's value is refused ({@code [null]} is no list of strings). */
    public static final JsonShapes JSON = new JsonShapes(false, false);
    public static final JsonShapes CBOR = new JsonShapes(true, false);
    /** JSON whose lists and maps keep their nulls, for a service that reports them itself (DynamoDB's validator). */
    public static final JsonShapes JSON_SPARSE = new JsonShapes(false, true);
    public static final JsonShapes CBOR_SPARSE = new JsonShapes(true, true);

    // ---- reading ------------------------------------------------------------------------------

    /** Reads the payload members of {@code modelClass} from {@code node} into {@code builder}. */
    public void readInto(JsonNode node, SdkPojo builder) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return;
        }
        if (!node.isObject()) {
            throw new ShapeException("Start of structure or map found where not expected: expected an object");
        }
        for (SdkField<?> f : builder.sdkFields()) {
            if (f.location() != MarshallLocation.PAYLOAD) {
                continue;
            }
            JsonNode v = node.get(f.locationName());
            if (v != null && !v.isNull()) {
                f.set(builder, readValue(v, f));
            }
        }
    }

    public Object readPojo(JsonNode node, Supplier<SdkPojo> constructor) {
        SdkPojo b = constructor.get();
        readInto(node, b);
        return Shapes.build(b);
    }

    private Object readValue(JsonNode n, SdkField<?> f) {
        MarshallingType<?> t = f.marshallingType();
        String name = f.memberName();
        if (t == MarshallingType.STRING) {
            if (!n.isTextual()) {
                throw mismatch(name, "a string", n);
            }
            return n.textValue();
        } else if (t == MarshallingType.INTEGER) {
            return integral(n, name).intValue();
        } else if (t == MarshallingType.LONG) {
            return integral(n, name).longValue();
        } else if (t == MarshallingType.SHORT) {
            return integral(n, name).shortValue();
        } else if (t == MarshallingType.BYTE) {
            return (byte) integral(n, name).intValue();
        } else if (t == MarshallingType.FLOAT) {
            return number(n, name).floatValue();
        } else if (t == MarshallingType.DOUBLE) {
            return number(n, name).doubleValue();
        } else if (t == MarshallingType.BIG_DECIMAL) {
            return decimal(number(n, name), name);
        } else if (t == MarshallingType.BOOLEAN) {
            if (!n.isBoolean()) {
                throw mismatch(name, "a boolean", n);
            }
            return n.booleanValue();
        } else if (t == MarshallingType.INSTANT) {
            return readInstant(n, f);
        } else if (t == MarshallingType.SDK_BYTES) {
            if (n.isBinary()) {
                try {
                    return SdkBytes.fromByteArray(n.binaryValue());
                } catch (java.io.IOException e) {
                    throw new ShapeException("unreadable blob for " + name);
                }
            }
            if (!n.isTextual()) {
                throw mismatch(name, "a base64 string", n);
            }
            try {
                return SdkBytes.fromByteArray(Base64.getDecoder().decode(n.textValue()));
            } catch (IllegalArgumentException e) {
                throw new ShapeException("Value for " + name + " is not valid base64");
            }
        } else if (t == MarshallingType.SDK_POJO) {
            if (!n.isObject()) {
                throw mismatch(name, "an object", n);
            }
            return readPojo(n, f.constructor());
        } else if (t == MarshallingType.LIST) {
            if (!n.isArray()) {
                throw mismatch(name, "a list", n);
            }
            SdkField<?> member = f.getTrait(ListTrait.class).memberFieldInfo();
            List<Object> out = new ArrayList<>(n.size());
            for (JsonNode e : n) {
                out.add(e.isNull() ? absent(name) : readValue(e, member));
            }
            return out;
        } else if (t == MarshallingType.MAP) {
            if (!n.isObject()) {
                throw mismatch(name, "a map", n);
            }
            SdkField<?> value = f.getTrait(MapTrait.class).valueFieldInfo();
            Map<String, Object> out = new LinkedHashMap<>();
            Iterator<Map.Entry<String, JsonNode>> it = n.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                out.put(e.getKey(), e.getValue().isNull() ? absent(name) : readValue(e.getValue(), value));
            }
            return out;
        }
        throw new ShapeException("unsupported member type for " + name);
    }

    /** A null in a list or map: kept when sparse, else refused (it would reach the service as a null element). */
    private Object absent(String name) {
        if (!sparse) {
            throw new ShapeException("Value for " + name + " must not hold null");
        }
        return null;
    }

    private Instant readInstant(JsonNode n, SdkField<?> f) {
        if (n.isNumber()) {
            if (cbor && n.isIntegralNumber()) {
                return Instant.ofEpochMilli(n.longValue());
            }
            return Shapes.fromEpochSeconds(decimal(n, f.memberName()));
        }
        if (n.isTextual()) {
            try {
                return Shapes.parseInstant(n.textValue(), Shapes.formatOf(f, TimestampFormatTrait.Format.UNIX_TIMESTAMP));
            } catch (RuntimeException e) {
                throw new ShapeException("Value for " + f.memberName() + " is not a valid timestamp");
            }
        }
        throw mismatch(f.memberName(), "a timestamp", n);
    }

    private static JsonNode integral(JsonNode n, String name) {
        if (!n.isIntegralNumber() || !n.canConvertToLong()) {
            throw mismatch(name, "an integer", n);
        }
        return n;
    }

    /** A number's exact value; one too large for a double ({@code 1e400}, read as infinity) is no value. */
    private static java.math.BigDecimal decimal(JsonNode n, String name) {
        try {
            return n.decimalValue();
        } catch (NumberFormatException e) {
            throw new ShapeException("Value for " + name + " is not a finite number");
        }
    }

    private static JsonNode number(JsonNode n, String name) {
        if (!n.isNumber()) {
            throw mismatch(name, "a number", n);
        }
        return n;
    }

    private static ShapeException mismatch(String name, String expected, JsonNode got) {
        return new ShapeException("Value for " + name + " must be " + expected + ", got " + got.getNodeType().name().toLowerCase());
    }

    // ---- writing ------------------------------------------------------------------------------

    /** The payload members of a model object as a JSON object. */
    public ObjectNode write(Object pojo) {
        ObjectNode out = NODES.objectNode();
        for (SdkField<?> f : ((SdkPojo) pojo).sdkFields()) {
            if (f.location() != MarshallLocation.PAYLOAD) {
                continue;
            }
            Object v = f.getValueOrDefault(pojo);
            if (isAbsent(v)) {
                continue;
            }
            out.set(f.locationName(), writeValue(v, f));
        }
        return out;
    }

    /** An unset member: null, or a list or map the SDK auto-constructed. */
    public static boolean isAbsent(Object v) {
        return v == null || v instanceof SdkAutoConstructList || v instanceof SdkAutoConstructMap;
    }

    private JsonNode writeValue(Object v, SdkField<?> f) {
        if (v == null) {
            return NODES.nullNode();
        }
        MarshallingType<?> t = f.marshallingType();
        if (t == MarshallingType.SDK_POJO) {
            return write(v);
        } else if (t == MarshallingType.LIST) {
            SdkField<?> member = f.getTrait(ListTrait.class).memberFieldInfo();
            ArrayNode arr = NODES.arrayNode();
            for (Object e : (List<?>) v) {
                arr.add(writeValue(e, member));
            }
            return arr;
        } else if (t == MarshallingType.MAP) {
            SdkField<?> value = f.getTrait(MapTrait.class).valueFieldInfo();
            ObjectNode obj = NODES.objectNode();
            for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
                obj.set(String.valueOf(e.getKey()), writeValue(e.getValue(), value));
            }
            return obj;
        } else if (v instanceof Instant i) {
            TimestampFormatTrait.Format fmt = Shapes.formatOf(f, TimestampFormatTrait.Format.UNIX_TIMESTAMP);
            if (fmt == TimestampFormatTrait.Format.UNIX_TIMESTAMP || fmt == TimestampFormatTrait.Format.UNIX_TIMESTAMP_MILLIS) {
                return cbor ? NODES.numberNode(i.toEpochMilli())
                        : NODES.numberNode(BigDecimal.valueOf(i.toEpochMilli()).movePointLeft(3));
            }
            return NODES.textNode(Shapes.formatInstant(i, fmt));
        } else if (v instanceof SdkBytes b) {
            return cbor ? NODES.binaryNode(b.asByteArray()) : NODES.textNode(Base64.getEncoder().encodeToString(b.asByteArrayUnsafe()));
        } else if (v instanceof String s) {
            return NODES.textNode(s);
        } else if (v instanceof Integer i) {
            return NODES.numberNode(i);
        } else if (v instanceof Long l) {
            return NODES.numberNode(l);
        } else if (v instanceof Boolean b) {
            return NODES.booleanNode(b);
        } else if (v instanceof Double d) {
            return NODES.numberNode(d);
        } else if (v instanceof Float fl) {
            return NODES.numberNode(fl);
        } else if (v instanceof BigDecimal d) {
            return NODES.numberNode(d);
        } else if (v instanceof Short s) {
            return NODES.numberNode(s);
        } else if (v instanceof Byte b) {
            return NODES.numberNode(b);
        }
        return NODES.textNode(String.valueOf(v));
    }
}
