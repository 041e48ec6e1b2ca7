package io.eventharness.emulator.pipeline;

import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;

/** The members of an SDK request by their wire names, read through the model's fields (what IAM authorizes reads). */
record RequestMembers(Object request) {
    Object raw(String name) {
        if (!(request instanceof SdkPojo pojo)) {
            return null;
        }
        for (SdkField<?> f : pojo.sdkFields()) {
            if (f.memberName().equals(name)) {
                return f.getValueOrDefault(request);
            }
        }
        return null;
    }

    String get(String name) {
        Object v = raw(name);
        return v == null ? null : v.toString();
    }
}
