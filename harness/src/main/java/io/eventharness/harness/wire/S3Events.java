package io.eventharness.harness.wire;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.s3.model.FilterRule;
import software.amazon.awssdk.services.s3.model.FilterRuleName;
import software.amazon.awssdk.services.s3.model.NotificationConfigurationFilter;

/**
 * What one entry of a bucket's notification configuration listens to, as
 * {@code PutBucketNotificationConfiguration} takes it: the event types ({@code Events}), a key prefix and suffix
 * ({@code Filter.Key.FilterRules}) and an optional {@code Id}. Immutable: each method returns a copy.
 *
 * <pre>{@code
 * cloud.wire().s3ToLambda(bucket, thumbnailer, S3Events.created().prefix("images/").suffix(".jpg"));
 * cloud.wire().s3ToSqs(bucket, queueUrl, S3Events.of("s3:ObjectRemoved:*").id("removals"));
 * }</pre>
 *
 * <p>As in AWS, two entries of one bucket whose event types, prefixes and suffixes overlap are refused
 * ({@code InvalidArgument}, "Configurations overlap"): give each destination its own prefix or suffix.
 */
public record S3Events(List<String> events, String prefix, String suffix, String id) {

    public S3Events {
        if (events == null || events.isEmpty()) {
            throw new IllegalArgumentException("name at least one event type, such as s3:ObjectCreated:*");
        }
        events = List.copyOf(events);
    }

    /** These event types ({@code s3:ObjectCreated:*}, {@code s3:ObjectRemoved:Delete}, ...), every key. */
    public static S3Events of(String... events) {
        return new S3Events(List.of(events), null, null, null);
    }

    /** {@code s3:ObjectCreated:*}: every put, copy, POST and completed multipart upload. */
    public static S3Events created() {
        return of("s3:ObjectCreated:*");
    }

    /** Only keys starting with {@code prefix}. */
    public S3Events prefix(String prefix) {
        return new S3Events(events, prefix, suffix, id);
    }

    /** Only keys ending with {@code suffix}. */
    public S3Events suffix(String suffix) {
        return new S3Events(events, prefix, suffix, id);
    }

    /** The configuration's {@code Id} (the records' {@code s3.configurationId}); S3 makes one up without it. */
    public S3Events id(String id) {
        return new S3Events(events, prefix, suffix, id);
    }

    /** The {@code Filter} of the configuration entry; null without a prefix or suffix. */
    NotificationConfigurationFilter filter() {
        List<FilterRule> rules = new ArrayList<>();
        if (prefix != null) {
            rules.add(FilterRule.builder().name(FilterRuleName.PREFIX).value(prefix).build());
        }
        if (suffix != null) {
            rules.add(FilterRule.builder().name(FilterRuleName.SUFFIX).value(suffix).build());
        }
        return rules.isEmpty() ? null : NotificationConfigurationFilter.builder().key(k -> k.filterRules(rules)).build();
    }

    /** {@code s3:ObjectCreated:*, prefix images/, suffix .jpg}, for the story. */
    @Override
    public String toString() {
        return String.join(", ", events) + (prefix == null ? "" : ", prefix " + prefix) + (suffix == null ? "" : ", suffix " + suffix)
                + (id == null ? "" : ", id " + id);
    }
}
