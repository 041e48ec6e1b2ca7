package io.eventharness.harness.wire;

/**
 * The attributes of an SNS subscription the wiring creates, as {@code Subscribe} takes them: raw message delivery
 * ({@code RawMessageDelivery}, SQS only), a filter policy ({@code FilterPolicy}) on the message attributes or the
 * message body ({@code FilterPolicyScope}), and a dead-letter queue ({@code RedrivePolicy}) for deliveries SNS cannot
 * make — the wiring also lets the topic send to that queue, as AWS requires. Immutable: each method returns a copy.
 *
 * <pre>{@code
 * cloud.wire().snsToSqs(topicArn, queueUrl, SubscriptionAttributes.raw()
 *         .filterPolicy("{\"kind\": [\"order\"]}").onMessageBody().deadLetterQueue(dlqUrl));
 * cloud.wire().snsToLambda(topicArn, fn, SubscriptionAttributes.enveloped().deadLetterQueue(dlqUrl));
 * }</pre>
 *
 * @param rawDelivery {@code RawMessageDelivery}
 * @param filterScope {@code MessageAttributes} (SNS's default) or {@code MessageBody}
 * @param deadLetterQueueUrl the URL of the subscription's dead-letter queue, or null
 */
public record SubscriptionAttributes(boolean rawDelivery, String filterPolicy, String filterScope, String deadLetterQueueUrl) {

    /** SNS's JSON envelope around the message (the default; the only form Lambda gets). */
    public static SubscriptionAttributes enveloped() {
        return new SubscriptionAttributes(false, null, null, null);
    }

    /** The message as published, its attributes as SQS message attributes ({@code RawMessageDelivery}). */
    public static SubscriptionAttributes raw() {
        return new SubscriptionAttributes(true, null, null, null);
    }

    /** Only messages this filter policy matches (on message attributes unless {@link #onMessageBody()}). */
    public SubscriptionAttributes filterPolicy(String json) {
        return new SubscriptionAttributes(rawDelivery, json, filterScope, deadLetterQueueUrl);
    }

    /** The filter policy applies to the JSON message body ({@code FilterPolicyScope: MessageBody}). */
    public SubscriptionAttributes onMessageBody() {
        return new SubscriptionAttributes(rawDelivery, filterPolicy, "MessageBody", deadLetterQueueUrl);
    }

    /** Deliveries that fail (the endpoint is gone, or refuses) go to this queue ({@code RedrivePolicy}). */
    public SubscriptionAttributes deadLetterQueue(String queueUrl) {
        return new SubscriptionAttributes(rawDelivery, filterPolicy, filterScope, queueUrl);
    }

    /** {@code raw, filter {...} on the body, dead-letter queue <url>}, for the story. */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(rawDelivery ? "raw" : "enveloped");
        if (filterPolicy != null) {
            b.append(", filter ").append(filterPolicy).append("MessageBody".equals(filterScope) ? " on the body" : " on attributes");
        }
        if (deadLetterQueueUrl != null) {
            b.append(", dead-letter queue ").append(deadLetterQueueUrl);
        }
        return b.toString();
    }
}
