package io.eventharness.emulator.sns;

import io.eventharness.emulator.core.Arn;
import io.eventharness.emulator.protocol.Call;
import software.amazon.awssdk.services.sns.model.ListTagsForResourceRequest;
import software.amazon.awssdk.services.sns.model.ListTagsForResourceResponse;
import software.amazon.awssdk.services.sns.model.TagResourceRequest;
import software.amazon.awssdk.services.sns.model.TagResourceResponse;
import software.amazon.awssdk.services.sns.model.UntagResourceRequest;
import software.amazon.awssdk.services.sns.model.UntagResourceResponse;

/** Topic tags ("Amazon SNS topic tagging"): TagResource, UntagResource, ListTagsForResource. */
public final class TagOperations {
    private final SnsTopics topics;

    TagOperations(SnsTopics topics) {
        this.topics = topics;
    }

    public TagResourceResponse tagResource(TagResourceRequest r, Call call) {
        var tags = SnsTags.of(r.tags());
        tagged(r.resourceArn(), call).tag(tags);
        return TagResourceResponse.builder().build();
    }

    public UntagResourceResponse untagResource(UntagResourceRequest r, Call call) {
        tagged(r.resourceArn(), call).untag(r.tagKeys());
        return UntagResourceResponse.builder().build();
    }

    public ListTagsForResourceResponse listTagsForResource(ListTagsForResourceRequest r, Call call) {
        return ListTagsForResourceResponse.builder().tags(SnsTags.toList(tagged(r.resourceArn(), call).tags())).build();
    }

    /** The topic a ResourceArn names: InvalidParameter when it is no SNS ARN of the region, ResourceNotFound when absent. */
    private SnsTopic tagged(String arn, Call call) {
        if (arn == null) {
            throw SnsErrors.missing("resourceArn");
        }
        Arn a = Arn.tryParse(arn).filter(x -> x.service().equals("sns") && x.region().equals(call.region()))
                .orElseThrow(() -> SnsErrors.invalidParameter("Invalid parameter: ResourceArn"));
        return topics.find(a).orElseThrow(SnsErrors::resourceNotFound);
    }
}
