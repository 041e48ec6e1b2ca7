package io.eventharness.emulator.sns;

import io.eventharness.emulator.core.Arn;
import io.eventharness.emulator.protocol.Call;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.sns.model.CreateTopicRequest;
import software.amazon.awssdk.services.sns.model.CreateTopicResponse;
import software.amazon.awssdk.services.sns.model.DeleteTopicRequest;
import software.amazon.awssdk.services.sns.model.DeleteTopicResponse;
import software.amazon.awssdk.services.sns.model.GetTopicAttributesRequest;
import software.amazon.awssdk.services.sns.model.GetTopicAttributesResponse;
import software.amazon.awssdk.services.sns.model.ListTopicsRequest;
import software.amazon.awssdk.services.sns.model.ListTopicsResponse;
import software.amazon.awssdk.services.sns.model.SetTopicAttributesRequest;
import software.amazon.awssdk.services.sns.model.SetTopicAttributesResponse;
import software.amazon.awssdk.services.sns.model.Topic;

/** Topic operations: create (idempotent with the same attributes and tags), list, attributes, delete. */
public final class TopicOperations {
    private static final Pattern TOPIC_NAME = Pattern.compile("[A-Za-z0-9_-]{1,256}");
    private static final Pattern FIFO_TOPIC_NAME = Pattern.compile("[A-Za-z0-9_-]{1,251}\\.fifo");

    private final SnsTopics topics;

    TopicOperations(SnsTopics topics) {
        this.topics = topics;
    }

    public CreateTopicResponse createTopic(CreateTopicRequest r, Call call) {
        String name = r.name();
        if (name == null) {
            throw SnsErrors.missing("name");
        }
        Map<String, String> given = r.attributes();
        String fifoAttr = given.get("FifoTopic");
        if (fifoAttr != null && !fifoAttr.equalsIgnoreCase("true") && !fifoAttr.equalsIgnoreCase("false")) {
            throw SnsErrors.invalidParameter("Invalid parameter: Attributes Reason: FifoTopic: Invalid value [" + fifoAttr
                    + "]. Must be true or false.");
        }
        boolean fifo = "true".equalsIgnoreCase(fifoAttr);
        if (fifo && !FIFO_TOPIC_NAME.matcher(name).matches()) {
            throw SnsErrors.invalidParameter("Fifo Topic names must end with .fifo and must be made up of only uppercase and "
                    + "lowercase ASCII letters, numbers, underscores, and hyphens, and must be between 1 and 256 characters long.");
        }
        if (!fifo && !TOPIC_NAME.matcher(name).matches()) {
            throw SnsErrors.invalidParameter("Invalid parameter: Topic Name");
        }
        Map<String, String> attributes = TopicAttributes.forCreate(given, fifo);
        Map<String, String> tags = SnsTags.of(r.tags());
        Arn arn = SnsArns.topic(name, call.region());
        SnsTopic existing = topics.addIfAbsent(new SnsTopic(name, arn, fifo, attributes, tags));
        if (existing != null) {
            existing.checkSame(attributes, tags);
        }
        return CreateTopicResponse.builder().topicArn(arn.toString()).build();
    }

    /** Deleting a topic that does not exist is no error; its subscriptions go with it. */
    public DeleteTopicResponse deleteTopic(DeleteTopicRequest r, Call call) {
        topics.delete(SnsArns.topic(r.topicArn(), "TopicArn", call.region()));
        return DeleteTopicResponse.builder().build();
    }

    /** ListTopics: the region's topics in ARN order, 100 at a time. */
    public ListTopicsResponse listTopics(ListTopicsRequest r, Call call) {
        List<String> arns = topics.topicArns(call.region()).stream().map(Arn::toString).sorted().toList();
        Page<String> page = Page.of(arns, r.nextToken(), Page.SIZE);
        return ListTopicsResponse.builder().topics(page.items().stream().map(a -> Topic.builder().topicArn(a).build()).toList())
                .nextToken(page.nextToken()).build();
    }

    public GetTopicAttributesResponse getTopicAttributes(GetTopicAttributesRequest r, Call call) {
        SnsTopic t = topics.topic(r.topicArn(), "TopicArn", call.region(), "GetTopicAttributes");
        return GetTopicAttributesResponse.builder().attributes(t.describe()).build();
    }

    public SetTopicAttributesResponse setTopicAttributes(SetTopicAttributesRequest r, Call call) {
        SnsTopic t = topics.topic(r.topicArn(), "TopicArn", call.region(), "SetTopicAttributes");
        t.setAttribute(r.attributeName(), TopicAttributes.forSet(r.attributeName(), r.attributeValue(), t.fifo()));
        return SetTopicAttributesResponse.builder().build();
    }
}
