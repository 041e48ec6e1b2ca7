package io.eventharness.emulator.sns;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.sns.model.Tag;

/** Topic tags as SNS checks them ("Amazon SNS topic tagging"): at most 50, keys of 1–128 and values of 0–256 characters. */
final class SnsTags {
    static final int MAX = 50;

    private SnsTags() {
    }

    static Map<String, String> of(List<Tag> tags) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Tag t : tags) {
            if (t.key() == null || t.key().isEmpty() || t.key().length() > 128 || t.key().startsWith("aws:")) {
                throw SnsErrors.invalidParameter("Invalid parameter: Tags Reason: a tag key must be 1 to 128 characters and not start with aws:");
            }
            if (t.value() == null || t.value().length() > 256) {
                throw SnsErrors.invalidParameter("Invalid parameter: Tags Reason: a tag value must be 0 to 256 characters");
            }
            if (out.put(t.key(), t.value()) != null) {
                throw SnsErrors.invalidParameter("Invalid parameter: Duplicated keys are not allowed.");
            }
        }
        if (out.size() > MAX) {
            throw SnsErrors.tagLimit();
        }
        return out;
    }

    static List<Tag> toList(Map<String, String> tags) {
        List<Tag> out = new ArrayList<>();
        tags.forEach((k, v) -> out.add(Tag.builder().key(k).value(v).build()));
        return out;
    }
}
