package io.eventharness.emulator.dynamodb;

import io.eventharness.emulator.core.Arn;
import io.eventharness.emulator.core.AwsException;
import io.eventharness.emulator.protocol.Call;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.model.ListTagsOfResourceRequest;
import software.amazon.awssdk.services.dynamodb.model.ListTagsOfResourceResponse;
import software.amazon.awssdk.services.dynamodb.model.Tag;
import software.amazon.awssdk.services.dynamodb.model.TagResourceRequest;
import software.amazon.awssdk.services.dynamodb.model.TagResourceResponse;
import software.amazon.awssdk.services.dynamodb.model.UntagResourceRequest;
import software.amazon.awssdk.services.dynamodb.model.UntagResourceResponse;

/** TagResource, UntagResource, ListTagsOfResource on tables (by table ARN); at most 50 tags a table. */
public final class TagOperations {
    private static final int MAX_TAGS = 50;

    private final Tables tables;

    TagOperations(Tables tables) {
        this.tables = tables;
    }

    /** Tags of a request, checked: keys 1 to 128 characters, values up to 256, no key twice. */
    static List<Tag> valid(List<Tag> tags) {
        new Constraints().noNulls(tags, "tags").check();
        Constraints c = new Constraints();
        for (Tag t : tags) {
            c.notNull(t.key(), "tags.member.key").notNull(t.value(), "tags.member.value")
                    .length(t.key(), "tags.member.key", 1, 128).length(t.value(), "tags.member.value", 0, 256);
        }
        c.check();
        if (tags.stream().map(Tag::key).distinct().count() < tags.size()) {
            throw DynamoDbErrors.validation("Duplicate tag keys found. Tag keys must be unique.");
        }
        return tags;
    }

    public TagResourceResponse tagResource(TagResourceRequest r, Call call) {
        if (r.resourceArn() == null) {
            throw DynamoDbErrors.validation("Invalid TableArn");
        }
        if (!r.hasTags()) {
            throw DynamoDbErrors.constraint(null, "tags", "Member must not be null");
        }
        checkArn(r.resourceArn());
        if (r.tags().isEmpty()) {
            throw DynamoDbErrors.validation("Atleast one Tag needs to be provided as Input.");
        }
        List<Tag> tags = valid(r.tags());
        return tables.locked(() -> {
            Table t = table(r.resourceArn(), call);
            long added = tags.stream().filter(x -> !t.tags().containsKey(x.key())).count();
            if (t.tags().size() + added > MAX_TAGS) {
                throw DynamoDbErrors.limitExceeded("Too many tags: a table can have at most " + MAX_TAGS);
            }
            tags.forEach(x -> t.tag(x.key(), x.value()));
            return TagResourceResponse.builder().build();
        });
    }

    public UntagResourceResponse untagResource(UntagResourceRequest r, Call call) {
        if (r.resourceArn() == null) {
            throw DynamoDbErrors.validation("Invalid TableArn");
        }
        if (!r.hasTagKeys()) {
            throw DynamoDbErrors.constraint(null, "tagKeys", "Member must not be null");
        }
        checkArn(r.resourceArn());
        new Constraints().noNulls(r.tagKeys(), "tagKeys").check();
        if (r.tagKeys().isEmpty()) {
            throw DynamoDbErrors.validation("Atleast one Tag Key needs to be provided as Input.");
        }
        return tables.locked(() -> {
            checkArn(r.resourceArn());
            Table t = tables.find(call.region(), r.resourceArn());
            if (t == null) {
                throw DynamoDbErrors.tableNotFound();
            }
            r.tagKeys().forEach(t::untag);
            return UntagResourceResponse.builder().build();
        });
    }

    /** All tags at once (a table has at most 50): no NextToken. */
    public ListTagsOfResourceResponse listTagsOfResource(ListTagsOfResourceRequest r, Call call) {
        return tables.locked(() -> {
            Table t = table(r.resourceArn(), call);
            List<Tag> tags = new ArrayList<>();
            t.tags().forEach((k, v) -> tags.add(Tag.builder().key(k).value(v).build()));
            return ListTagsOfResourceResponse.builder().tags(tags).build();
        });
    }

    /** A table ARN, or "Invalid TableArn" (checked before the other members). */
    private static void checkArn(String resourceArn) {
        if (resourceArn == null) {
            throw DynamoDbErrors.validation("Invalid TableArn");
        }
        Arn arn = Arn.tryParse(resourceArn).orElse(null);
        if (arn == null || !arn.service().equals("dynamodb") || !arn.resourceType().equals("table") || arn.resourceId().contains("/")
                || arn.resourceId().length() < 3) {
            throw DynamoDbErrors.validation("Invalid TableArn: Invalid ResourceArn provided as input " + resourceArn);
        }
    }

    /** The table a resource ARN names: InvalidTableArn for text that is not a table ARN, not found for a missing table. */
    private Table table(String resourceArn, Call call) {
        checkArn(resourceArn);
        Table t = tables.find(call.region(), resourceArn);
        if (t == null) {
            throw AwsException.of(400, "ResourceNotFoundException", "Requested resource not found: ResourcArn: " + resourceArn + " not found");
        }
        return t;
    }
}
