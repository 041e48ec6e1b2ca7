package io.eventharness.emulator.protocol;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.core.traits.TimestampFormatTrait;
import software.amazon.awssdk.utils.builder.SdkBuilder;

/**
 * Helpers over the SDK model classes, which are the spec: builders, field values, and scalar
 * conversions shared by every codec.
 */
public final class Shapes {
    private static final Map<Class<?>, MethodHandle> BUILDERS = new ConcurrentHashMap<>();
    private static final DateTimeFormatter ISO_MILLIS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    /** RFC 9110's IMF-fixdate, the day always two digits ({@code RFC_1123_DATE_TIME} writes "Mon, 7 Dec"). */
    private static final DateTimeFormatter HTTP_DATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", java.util.Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private Shapes() {
    }

    /** A fresh builder of a model class ({@code SendMessageRequest.builder()}), which is an SdkPojo. */
    public static SdkPojo builderOf(Class<?> modelClass) {
        MethodHandle mh = BUILDERS.computeIfAbsent(modelClass, c -> {
            try {
                return MethodHandles.publicLookup().findStatic(c, "builder", MethodType.methodType(
                        c.getMethod("builder").getReturnType()));
            } catch (ReflectiveOperationException e) {
                throw new IllegalArgumentException(c + " is not an SDK model class", e);
            }
        });
        try {
            return (SdkPojo) mh.invoke();
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    public static Supplier<SdkPojo> builderSupplier(Class<?> modelClass) {
        return () -> builderOf(modelClass);
    }

    /** Builds what a builder holds. */
    public static Object build(SdkPojo builder) {
        return ((SdkBuilder<?, ?>) builder).build();
    }

    /**
     * Copies the members two model classes share by name ({@code FunctionConfiguration} →
     * {@code CreateFunctionResponse}): the spec has many shapes with the same members.
     */
    @SuppressWarnings("unchecked")
    public static <T> T convert(Object source, Class<T> target) {
        SdkPojo b = builderOf(target);
        java.util.Map<String, SdkField<?>> byName = new java.util.HashMap<>();
        for (SdkField<?> f : ((SdkPojo) source).sdkFields()) {
            byName.put(f.memberName(), f);
        }
        for (SdkField<?> f : b.sdkFields()) {
            SdkField<?> from = byName.get(f.memberName());
            if (from != null) {
                Object v = from.getValueOrDefault(source);
                if (!JsonShapes.isAbsent(v)) {
                    f.set(b, v);
                }
            }
        }
        return (T) build(b);
    }

    public static boolean is(SdkField<?> f, MarshallingType<?> t) {
        return f.marshallingType() == t;
    }

    /** A scalar from its text form (query strings, headers, XML text). */
    public static Object scalarFromText(SdkField<?> f, String text, TimestampFormatTrait.Format defaultFormat) {
        MarshallingType<?> t = f.marshallingType();
        try {
            if (t == MarshallingType.STRING) {
                return text;
            } else if (t == MarshallingType.INTEGER) {
                return Integer.valueOf(text.trim());
            } else if (t == MarshallingType.LONG) {
                return Long.valueOf(text.trim());
            } else if (t == MarshallingType.SHORT) {
                return Short.valueOf(text.trim());
            } else if (t == MarshallingType.BYTE) {
                return Byte.valueOf(text.trim());
            } else if (t == MarshallingType.FLOAT) {
                return Float.valueOf(text.trim());
            } else if (t == MarshallingType.DOUBLE) {
                return Double.valueOf(text.trim());
            } else if (t == MarshallingType.BIG_DECIMAL) {
                return new BigDecimal(text.trim());
            } else if (t == MarshallingType.BOOLEAN) {
                String s = text.trim();
                if (!s.equalsIgnoreCase("true") && !s.equalsIgnoreCase("false")) {
                    throw new ShapeException("expected a boolean for " + f.memberName() + " but got '" + text + "'");
                }
                return Boolean.valueOf(s);
            } else if (t == MarshallingType.INSTANT) {
                return parseInstant(text.trim(), formatOf(f, defaultFormat));
            } else if (t == MarshallingType.SDK_BYTES) {
                return SdkBytes.fromByteArray(Base64.getDecoder().decode(text.trim()));
            }
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new ShapeException("value '" + text + "' for " + f.memberName() + " is not a valid "
                    + t.getTargetClass().getSimpleName());
        } catch (IllegalArgumentException e) {
            throw new ShapeException("value for " + f.memberName() + " is not valid base64");
        }
        throw new ShapeException(f.memberName() + " cannot be given as text");
    }

    /** The text form of a scalar (query XML, restXml, headers). */
    public static String scalarToText(SdkField<?> f, Object value, TimestampFormatTrait.Format defaultFormat) {
        if (value instanceof Instant i) {
            return formatInstant(i, formatOf(f, defaultFormat));
        } else if (value instanceof SdkBytes b) {
            return Base64.getEncoder().encodeToString(b.asByteArrayUnsafe());
        } else if (value instanceof Double d && d == Math.rint(d) && !Double.isInfinite(d)) {
            return String.valueOf(d);
        }
        return String.valueOf(value);
    }

    public static TimestampFormatTrait.Format formatOf(SdkField<?> f, TimestampFormatTrait.Format dflt) {
        TimestampFormatTrait t = f.getTrait(TimestampFormatTrait.class);
        return t != null ? t.format() : dflt;
    }

    public static Instant parseInstant(String s, TimestampFormatTrait.Format format) {
        switch (format) {
            case RFC_822:
                return DateTimeFormatter.RFC_1123_DATE_TIME.parse(s, Instant::from);
            case UNIX_TIMESTAMP:
                return fromEpochSeconds(new BigDecimal(s));
            case UNIX_TIMESTAMP_MILLIS:
                return Instant.ofEpochMilli(Long.parseLong(s));
            default:
                if (!s.isEmpty() && Character.isDigit(s.charAt(0)) && s.indexOf('-') < 0) {
                    return fromEpochSeconds(new BigDecimal(s));
                }
                return DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(s, Instant::from);
        }
    }

    public static Instant fromEpochSeconds(BigDecimal seconds) {
        return Instant.ofEpochMilli(seconds.movePointRight(3).longValue());
    }

    public static String formatInstant(Instant i, TimestampFormatTrait.Format format) {
        switch (format) {
            case RFC_822:
                return HTTP_DATE.format(i);
            case UNIX_TIMESTAMP:
                return BigDecimal.valueOf(i.toEpochMilli()).movePointLeft(3).toPlainString();
            case UNIX_TIMESTAMP_MILLIS:
                return String.valueOf(i.toEpochMilli());
            default:
                return ISO_MILLIS.format(i);
        }
    }
}
