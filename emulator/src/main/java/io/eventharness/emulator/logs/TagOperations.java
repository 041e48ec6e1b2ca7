package io.eventharness.emulator.logs;

import software.amazon.awssdk.services.cloudwatchlogs.model.ListTagsForResourceRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.ListTagsForResourceResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.ListTagsLogGroupRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.ListTagsLogGroupResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.TagLogGroupRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.TagLogGroupResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.TagResourceRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.TagResourceResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.UntagLogGroupRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.UntagLogGroupResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.UntagResourceRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.UntagResourceResponse;

/** Log group tags, by ARN (TagResource and friends) and by name (the older TagLogGroup API, deprecated by AWS). */
public final class TagOperations {
    private final LogGroups groups;

    TagOperations(LogGroups groups) {
        this.groups = groups;
    }

    public TagResourceResponse tagResource(TagResourceRequest r) {
        groups.requireByArn(r.resourceArn()).tag(r.tags());
        return TagResourceResponse.builder().build();
    }

    public UntagResourceResponse untagResource(UntagResourceRequest r) {
        groups.requireByArn(r.resourceArn()).untag(r.tagKeys());
        return UntagResourceResponse.builder().build();
    }

    public ListTagsForResourceResponse listTagsForResource(ListTagsForResourceRequest r) {
        return ListTagsForResourceResponse.builder().tags(groups.requireByArn(r.resourceArn()).tags()).build();
    }

    public TagLogGroupResponse tagLogGroup(TagLogGroupRequest r) {
        groups.require(r.logGroupName()).tag(r.tags());
        return TagLogGroupResponse.builder().build();
    }

    public UntagLogGroupResponse untagLogGroup(UntagLogGroupRequest r) {
        groups.require(r.logGroupName()).untag(r.tags());
        return UntagLogGroupResponse.builder().build();
    }

    public ListTagsLogGroupResponse listTagsLogGroup(ListTagsLogGroupRequest r) {
        return ListTagsLogGroupResponse.builder().tags(groups.require(r.logGroupName()).tags()).build();
    }
}
