package io.eventharness.emulator.sqs;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The settable attributes one queue has at one moment, defaults included ({@link SqsAttributes} checks them):
 * immutable, replaced whole when they are set.
 */
record QueueAttributes(Map<String, String> asMap) {

    QueueAttributes {
        asMap = Collections.unmodifiableMap(new LinkedHashMap<>(asMap));
    }

    String get(String name) {
        return asMap.get(name);
    }

    int intValue(String name) {
        return Integer.parseInt(asMap.get(name));
    }

    /** The redrive policy; empty when the queue has none. */
    Optional<RedrivePolicy> redrivePolicy() {
        return RedrivePolicy.parse(asMap.get("RedrivePolicy"));
    }

    /** These attributes with validated changes applied; an empty value removes an attribute. */
    QueueAttributes with(Map<String, String> changes) {
        Map<String, String> next = new LinkedHashMap<>(asMap);
        changes.forEach((k, v) -> {
            if (v.isEmpty()) {
                next.remove(k);
            } else {
                next.put(k, v);
            }
        });
        return new QueueAttributes(next);
    }
}
