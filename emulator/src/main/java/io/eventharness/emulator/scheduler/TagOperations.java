package io.eventharness.emulator.scheduler;

import io.eventharness.emulator.core.Arn;
import io.eventharness.emulator.protocol.Call;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.scheduler.model.ListTagsForResourceRequest;
import software.amazon.awssdk.services.scheduler.model.ListTagsForResourceResponse;
import software.amazon.awssdk.services.scheduler.model.Tag;
import software.amazon.awssdk.services.scheduler.model.TagResourceRequest;
import software.amazon.awssdk.services.scheduler.model.TagResourceResponse;
import software.amazon.awssdk.services.scheduler.model.UntagResourceRequest;
import software.amazon.awssdk.services.scheduler.model.UntagResourceResponse;

/** {@code TagResource}, {@code UntagResource}, {@code ListTagsForResource}: schedule groups have tags (schedules do not, as in AWS). */
public final class TagOperations {
    private final ScheduleGroups groups;

    TagOperations(ScheduleGroups groups) {
        this.groups = groups;
    }

    public TagResourceResponse tagResource(TagResourceRequest r, Call call) {
        group(r.resourceArn()).tag(tags(r.hasTags() ? r.tags() : List.of()));
        return TagResourceResponse.builder().build();
    }

    public UntagResourceResponse untagResource(UntagResourceRequest r, Call call) {
        group(r.resourceArn()).untag(r.hasTagKeys() ? r.tagKeys() : List.of());
        return UntagResourceResponse.builder().build();
    }

    public ListTagsForResourceResponse listTagsForResource(ListTagsForResourceRequest r, Call call) {
        return ListTagsForResourceResponse.builder().tags(group(r.resourceArn()).tags().entrySet().stream()
                .map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList()).build();
    }

    static Map<String, String> tags(List<Tag> tags) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Tag t : tags) {
            if (t.key() == null || t.key().isEmpty() || t.key().length() > 128) {
                throw SchedulerErrors.constraint(t.key(), "tags.member.key", "Member must have length between 1 and 128");
            }
            if (t.value() == null || t.value().length() > 256) {
                throw SchedulerErrors.constraint(t.value(), "tags.member.value", "Member must have length between 1 and 256");
            }
            out.put(t.key(), t.value());
        }
        return out;
    }

    private ScheduleGroup group(String resourceArn) {
        Arn arn = Arn.tryParse(resourceArn).filter(a -> a.service().equals("scheduler") && a.resourceType().equals("schedule-group"))
                .orElseThrow(() -> SchedulerErrors.resourceNotFound(resourceArn));
        return groups.find(arn.resourceId(), arn.region()).orElseThrow(() -> SchedulerErrors.resourceNotFound(resourceArn));
    }
}
