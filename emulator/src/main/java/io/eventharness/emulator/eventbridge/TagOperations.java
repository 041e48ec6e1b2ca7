package io.eventharness.emulator.eventbridge;

import io.eventharness.emulator.core.Arn;
import io.eventharness.emulator.protocol.Call;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.eventbridge.model.ListTagsForResourceRequest;
import software.amazon.awssdk.services.eventbridge.model.ListTagsForResourceResponse;
import software.amazon.awssdk.services.eventbridge.model.Tag;
import software.amazon.awssdk.services.eventbridge.model.TagResourceRequest;
import software.amazon.awssdk.services.eventbridge.model.TagResourceResponse;
import software.amazon.awssdk.services.eventbridge.model.UntagResourceRequest;
import software.amazon.awssdk.services.eventbridge.model.UntagResourceResponse;

/** {@code TagResource}, {@code UntagResource}, {@code ListTagsForResource} of rules and event buses, by ARN. */
public final class TagOperations {
    private final EventBuses buses;

    TagOperations(EventBuses buses) {
        this.buses = buses;
    }

    public TagResourceResponse tagResource(TagResourceRequest r, Call call) {
        Map<String, String> tags = tags(r.hasTags() ? r.tags() : List.of());
        resolve(r.resourceARN()).tag(tags);
        return TagResourceResponse.builder().build();
    }

    public UntagResourceResponse untagResource(UntagResourceRequest r, Call call) {
        resolve(r.resourceARN()).untag(r.hasTagKeys() ? r.tagKeys() : List.of());
        return UntagResourceResponse.builder().build();
    }

    public ListTagsForResourceResponse listTagsForResource(ListTagsForResourceRequest r, Call call) {
        return ListTagsForResourceResponse.builder().tags(resolve(r.resourceARN()).tags().entrySet().stream()
                .map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList()).build();
    }

    static Map<String, String> tags(List<Tag> tags) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Tag t : tags) {
            if (t.key() == null || t.key().isEmpty() || t.key().length() > 128) {
                throw EventBridgeErrors.constraint(t.key(), "tags.member.key", "Member must have length between 1 and 128");
            }
            if (t.value() == null || t.value().length() > 256) {
                throw EventBridgeErrors.constraint(t.value(), "tags.member.value", "Member must have length between 0 and 256");
            }
            out.put(t.key(), t.value());
        }
        return out;
    }

    /** Something that has tags. */
    private interface Tagged {
        Map<String, String> tags();

        void tag(Map<String, String> added);

        void untag(List<String> keys);
    }

    private Tagged resolve(String resourceArn) {
        Arn arn = Arn.tryParse(resourceArn).filter(a -> a.service().equals("events"))
                .orElseThrow(() -> EventBridgeErrors.validation("Parameter ResourceARN is not valid."));
        if (arn.resourceType().equals("event-bus")) {
            EventBus bus = buses.require(resourceArn, arn.region());
            return new Tagged() {
                public Map<String, String> tags() {
                    return bus.tags();
                }

                public void tag(Map<String, String> added) {
                    bus.tag(added);
                }

                public void untag(List<String> keys) {
                    bus.untag(keys);
                }
            };
        }
        if (arn.resourceType().equals("rule")) {
            String name = arn.resourceName(); // rule/<name> on the default bus, rule/<bus>/<name> on another
            String id = arn.resourceId();
            String busName = id.equals(name) ? EventBuses.DEFAULT : id.substring(0, id.length() - name.length() - 1);
            EventBus bus = buses.require(busName, arn.region());
            EventRule rule = RuleOperations.require(bus, name, "resourceARN");
            return new Tagged() {
                public Map<String, String> tags() {
                    return rule.tags();
                }

                public void tag(Map<String, String> added) {
                    rule.tag(added);
                }

                public void untag(List<String> keys) {
                    rule.untag(keys);
                }
            };
        }
        throw EventBridgeErrors.resourceNotFound("Resource " + resourceArn + " does not exist.");
    }
}
