package io.eventharness.emulator.kinesis;

import io.eventharness.emulator.core.Arn;
import io.eventharness.emulator.protocol.Call;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.kinesis.model.AddTagsToStreamRequest;
import software.amazon.awssdk.services.kinesis.model.AddTagsToStreamResponse;
import software.amazon.awssdk.services.kinesis.model.ListTagsForResourceRequest;
import software.amazon.awssdk.services.kinesis.model.ListTagsForResourceResponse;
import software.amazon.awssdk.services.kinesis.model.ListTagsForStreamRequest;
import software.amazon.awssdk.services.kinesis.model.ListTagsForStreamResponse;
import software.amazon.awssdk.services.kinesis.model.RemoveTagsFromStreamRequest;
import software.amazon.awssdk.services.kinesis.model.RemoveTagsFromStreamResponse;
import software.amazon.awssdk.services.kinesis.model.Tag;
import software.amazon.awssdk.services.kinesis.model.TagResourceRequest;
import software.amazon.awssdk.services.kinesis.model.TagResourceResponse;
import software.amazon.awssdk.services.kinesis.model.UntagResourceRequest;
import software.amazon.awssdk.services.kinesis.model.UntagResourceResponse;

/**
 * A stream's tags, at most 50: the stream API (AddTagsToStream, RemoveTagsFromStream, ListTagsForStream, by name
 * or ARN) and the resource API (TagResource, UntagResource, ListTagsForResource, by ARN). Consumers are not
 * simulated, so a resource ARN must be a stream's.
 */
public final class TagOperations {
    private final KinesisStreams streams;
    private final StreamLocator locator;

    TagOperations(KinesisStreams streams, StreamLocator locator) {
        this.streams = streams;
        this.locator = locator;
    }

    public AddTagsToStreamResponse addTagsToStream(AddTagsToStreamRequest r, Call call) {
        KinesisStream s = locator.find(r.streamName(), r.streamARN(), r.streamId(), call);
        s.tag(given(r.hasTags() ? r.tags() : null), KinesisShapes.MAX_TAGS);
        return AddTagsToStreamResponse.builder().build();
    }

    public RemoveTagsFromStreamResponse removeTagsFromStream(RemoveTagsFromStreamRequest r, Call call) {
        KinesisStream s = locator.find(r.streamName(), r.streamARN(), r.streamId(), call);
        s.untag(keys(r.hasTagKeys() ? r.tagKeys() : null));
        return RemoveTagsFromStreamResponse.builder().build();
    }

    /** The tags by key, at most {@code Limit} (1 to 50, default 50) after {@code ExclusiveStartTagKey}. */
    public ListTagsForStreamResponse listTagsForStream(ListTagsForStreamRequest r, Call call) {
        KinesisStream s = locator.find(r.streamName(), r.streamARN(), r.streamId(), call);
        int limit = Constraints.range(r.limit(), 1, 50, 50, "limit");
        String after = r.exclusiveStartTagKey();
        List<Tag> all = tags(s).stream().filter(t -> after == null || t.key().compareTo(after) > 0).toList();
        return ListTagsForStreamResponse.builder().tags(all.subList(0, Math.min(limit, all.size())))
                .hasMoreTags(all.size() > limit).build();
    }

    public TagResourceResponse tagResource(TagResourceRequest r) {
        resource(r.resourceARN(), r.streamId()).tag(given(r.hasTags() ? r.tags() : null), KinesisShapes.MAX_TAGS);
        return TagResourceResponse.builder().build();
    }

    public UntagResourceResponse untagResource(UntagResourceRequest r) {
        resource(r.resourceARN(), r.streamId()).untag(keys(r.hasTagKeys() ? r.tagKeys() : null));
        return UntagResourceResponse.builder().build();
    }

    public ListTagsForResourceResponse listTagsForResource(ListTagsForResourceRequest r) {
        return ListTagsForResourceResponse.builder().tags(tags(resource(r.resourceARN(), r.streamId()))).build();
    }

    private KinesisStream resource(String arn, String streamId) {
        StreamLocator.refuseStreamId(streamId);
        if (arn == null) {
            throw KinesisErrors.missing("resourceARN");
        }
        Arn parsed = StreamLocator.parseStreamArn(arn, "resourceARN");
        return streams.get(parsed);
    }

    private static Map<String, String> given(Map<String, String> tags) {
        if (tags == null) {
            throw KinesisErrors.missing("tags");
        }
        if (tags.isEmpty()) {
            throw KinesisErrors.constraint("{}", "tags", "Member must have length greater than or equal to 1");
        }
        return KinesisShapes.tags(tags, "tags");
    }

    private static List<String> keys(List<String> keys) {
        if (keys == null) {
            throw KinesisErrors.missing("tagKeys");
        }
        if (keys.isEmpty() || keys.size() > 50) {
            throw KinesisErrors.constraint(keys, "tagKeys", keys.isEmpty()
                    ? "Member must have length greater than or equal to 1" : "Member must have length less than or equal to 50");
        }
        for (String k : keys) {
            if (k == null || k.isEmpty() || k.length() > 128) {
                throw KinesisErrors.constraint(keys, "tagKeys", "Member must satisfy constraint: [Member must have length "
                        + "less than or equal to 128, Member must have length greater than or equal to 1]");
            }
        }
        return keys;
    }

    private static List<Tag> tags(KinesisStream s) {
        return s.tags().entrySet().stream().map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList();
    }
}
