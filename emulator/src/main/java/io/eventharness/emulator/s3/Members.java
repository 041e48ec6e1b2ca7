package io.eventharness.emulator.s3;

import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;

/**
 * Reads and writes SDK model members by their model name ({@code ContentType}, {@code ChecksumCRC32}),
 * so that the members S3's request and response shapes share are handled once.
 */
final class Members {
    private Members() {
    }

    static Object get(Object pojo, String member) {
        SdkField<?> f = field((SdkPojo) pojo, member);
        return f == null ? null : f.getValueOrDefault(pojo);
    }

    /** Sets a member of a builder; a null value leaves it unset. */
    static void set(Object builder, String member, Object value) {
        if (value == null) {
            return;
        }
        SdkField<?> f = field((SdkPojo) builder, member);
        if (f == null) {
            throw new IllegalArgumentException(builder.getClass() + " has no member " + member);
        }
        f.set(builder, value);
    }

    /** Whether a model object or builder has a member of this name. */
    static boolean has(Object pojo, String member) {
        return field((SdkPojo) pojo, member) != null;
    }

    private static SdkField<?> field(SdkPojo pojo, String member) {
        for (SdkField<?> f : pojo.sdkFields()) {
            if (f.memberName().equals(member)) {
                return f;
            }
        }
        return null;
    }
}
