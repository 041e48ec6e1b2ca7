package io.eventharness.emulator.kinesis;

import static io.eventharness.emulator.kinesis.KinesisFixture.failure;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.kinesis.model.InvalidArgumentException;
import software.amazon.awssdk.services.kinesis.model.ResourceNotFoundException;
import software.amazon.awssdk.services.kinesis.model.Tag;
import software.amazon.awssdk.services.kinesis.model.ValidationException;

/** A stream's tags through both APIs: the stream one (by name or ARN) and the resource one (by ARN). */
class KinesisTagsTest {
    private final KinesisFixture f = KinesisFixture.shared();

    private static List<String> pairs(List<Tag> tags) {
        return tags.stream().map(t -> t.key() + "=" + t.value()).toList();
    }

    @Test
    void theStreamApiAddsListsPagesAndRemoves() {
        String name = f.stream(1);

        f.kinesis.addTagsToStream(b -> b.streamName(name).tags(Map.of("b", "2", "a", "1", "c", "3")));
        f.kinesis.addTagsToStream(b -> b.streamName(name).tags(Map.of("a", "one")));
        var page = f.kinesis.listTagsForStream(b -> b.streamName(name).limit(2));
        var rest = f.kinesis.listTagsForStream(b -> b.streamName(name).exclusiveStartTagKey("b"));

        assertThat(pairs(page.tags())).containsExactly("a=one", "b=2");
        assertThat(page.hasMoreTags()).isTrue();
        assertThat(pairs(rest.tags())).containsExactly("c=3");
        assertThat(rest.hasMoreTags()).isFalse();
        f.kinesis.removeTagsFromStream(b -> b.streamARN(f.arnOf(name)).tagKeys("a", "absent"));
        assertThat(pairs(f.kinesis.listTagsForStream(b -> b.streamName(name)).tags())).containsExactly("b=2", "c=3");
    }

    @Test
    void theResourceApiTagsTheStreamOfAnArn() {
        String name = f.stream(1);
        String arn = f.arnOf(name);

        f.kinesis.tagResource(b -> b.resourceARN(arn).tags(Map.of("env", "test", "team", "orders")));
        f.kinesis.untagResource(b -> b.resourceARN(arn).tagKeys("env"));

        assertThat(pairs(f.kinesis.listTagsForResource(b -> b.resourceARN(arn)).tags())).containsExactly("team=orders");
        assertThat(pairs(f.kinesis.listTagsForStream(b -> b.streamName(name)).tags())).containsExactly("team=orders");
        assertThat(failure(() -> f.kinesis.listTagsForResource(b -> b.resourceARN(arn + "-absent"))))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void fiftyTagsAtMostAndNoneOfAws() {
        String name = f.stream(1);
        Map<String, String> fifty = new HashMap<>();
        for (int i = 0; i < 50; i++) {
            fifty.put("k" + i, "v");
        }
        f.kinesis.addTagsToStream(b -> b.streamName(name).tags(fifty));

        assertThat(failure(() -> f.kinesis.addTagsToStream(b -> b.streamName(name).tags(Map.of("one-more", "v")))).awsErrorDetails()
                .errorMessage()).isEqualTo("Failed to add tags to stream " + name + " under account 000000000000 because a "
                        + "given stream cannot have more than 50 tags associated with it.");
        assertThat(failure(() -> f.kinesis.addTagsToStream(b -> b.streamName(name).tags(Map.of("aws:reserved", "v")))))
                .isInstanceOf(InvalidArgumentException.class);
        assertThat(failure(() -> f.kinesis.addTagsToStream(b -> b.streamName(name).tags(Map.of("k", "v".repeat(257))))))
                .isInstanceOf(ValidationException.class);
        assertThat(f.kinesis.listTagsForStream(b -> b.streamName(name)).tags()).hasSize(50);
    }
}
