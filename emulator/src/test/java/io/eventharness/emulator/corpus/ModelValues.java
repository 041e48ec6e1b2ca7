package io.eventharness.emulator.corpus;

import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.MapTrait;
import software.amazon.awssdk.utils.builder.SdkBuilder;

/**
 * A valid-looking request of any operation, made from its SDK model class: every member gets a value of its type
 * ({@code sdkFields()}: strings, numbers, booleans, timestamps, blobs, lists of one, maps of one, structures down to
 * a few levels; one member of a union). A member named like a fixture ({@code QueueUrl}, {@code TableName},
 * {@code FunctionName}...) gets the fixture's value, so that mutations of the request reach past "not found"; an
 * operation that deletes gets names of nothing, so the fixtures survive the corpus.
 */
final class ModelValues {
    private static final int MAX_DEPTH = 4;
    static final Instant WHEN = Instant.parse("2026-01-01T00:00:00Z");

    private final Map<String, String> fixtures;

    /** @param fixtures member name → the value every request gets for it */
    ModelValues(Map<String, String> fixtures) {
        this.fixtures = fixtures;
    }

    /** The operation's request, filled; {@code operation} decides whether fixtures are named (not for deletes). */
    Object request(String operation, Class<?> requestClass) {
        boolean destructive = operation.startsWith("Delete") || operation.startsWith("Purge") || operation.startsWith("Remove")
                || operation.startsWith("Deregister") || operation.startsWith("Abort");
        SdkPojo b = builder(requestClass);
        fill(b, requestClass, 0, destructive);
        return ((SdkBuilder<?, ?>) b).build();
    }

    private void fill(SdkPojo builder, Class<?> modelClass, int depth, boolean destructive) {
        boolean union = isUnion(modelClass);
        for (SdkField<?> f : builder.sdkFields()) {
            Object v = value(f, depth, destructive);
            if (v != null) {
                f.set(builder, v);
                if (union) {
                    return;
                }
            }
        }
    }

    private Object value(SdkField<?> f, int depth, boolean destructive) {
        MarshallingType<?> t = f.marshallingType();
        String fixture = fixtures.get(f.memberName());
        if (t == MarshallingType.STRING) {
            return fixture == null ? "x" : destructive ? fixture + "-absent" : fixture;
        } else if (t == MarshallingType.INTEGER) {
            return f.memberName().equals("WaitTimeSeconds") ? 0 : 1;
        } else if (t == MarshallingType.LONG) {
            return 1L;
        } else if (t == MarshallingType.SHORT) {
            return (short) 1;
        } else if (t == MarshallingType.BYTE) {
            return (byte) 1;
        } else if (t == MarshallingType.FLOAT) {
            return 1.5f;
        } else if (t == MarshallingType.DOUBLE) {
            return 1.5d;
        } else if (t == MarshallingType.BIG_DECIMAL) {
            return BigDecimal.ONE;
        } else if (t == MarshallingType.BOOLEAN) {
            return Boolean.FALSE;
        } else if (t == MarshallingType.INSTANT) {
            return WHEN;
        } else if (t == MarshallingType.SDK_BYTES) {
            return SdkBytes.fromUtf8String("data");
        } else if (depth >= MAX_DEPTH) {
            return null;
        } else if (t == MarshallingType.SDK_POJO) {
            SdkPojo b = f.constructor().get();
            fill(b, builtClass(b), depth + 1, destructive);
            return ((SdkBuilder<?, ?>) b).build();
        } else if (t == MarshallingType.LIST) {
            Object member = value(f.getTrait(ListTrait.class).memberFieldInfo(), depth + 1, destructive);
            return member == null ? null : List.of(member);
        } else if (t == MarshallingType.MAP) {
            Object v = value(f.getTrait(MapTrait.class).valueFieldInfo(), depth + 1, destructive);
            return v == null ? null : Map.of("k", v);
        }
        return null; // documents and other kinds: left out
    }

    static SdkPojo builder(Class<?> modelClass) {
        try {
            return (SdkPojo) modelClass.getMethod("builder").invoke(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException(modelClass + " is not an SDK model class", e);
        }
    }

    /** The model class a builder builds: {@code Foo.Builder}'s {@code build()} returns a {@code Foo}. */
    private static Class<?> builtClass(SdkPojo builder) {
        for (Class<?> i : builder.getClass().getInterfaces()) {
            if (i.getEnclosingClass() != null) {
                return i.getEnclosingClass();
            }
        }
        return builder.getClass().getEnclosingClass();
    }

    /** A union (DynamoDB's {@code AttributeValue}, say) has a nested {@code Type} enum and one member set. */
    private static boolean isUnion(Class<?> modelClass) {
        if (modelClass == null) {
            return false;
        }
        for (Class<?> c : modelClass.getDeclaredClasses()) {
            if (c.isEnum() && c.getSimpleName().equals("Type")) {
                for (Method m : modelClass.getMethods()) {
                    if (m.getName().equals("type") && m.getReturnType() == c) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
