package io.eventharness.harness.wire;

import java.util.Map;
import software.amazon.awssdk.services.lambda.model.ResourceConflictException;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The resource-based permissions a trigger needs, as real AWS checks them: a statement in a function's resource
 * policy, or one merged into a queue's or topic's policy (whose Set*Attributes replaces the whole document, so each
 * is read, merged with {@link ResourcePolicies} and written back, one at a time).
 */
final class ResourceGrants {
    private final WiringClients c;

    ResourceGrants(WiringClients clients) {
        this.c = clients;
    }

    /** A statement in the function's resource policy letting {@code principal} invoke it for {@code sourceArn}. */
    void allowInvoke(FunctionTarget fn, String principal, String sourceArn) {
        String sid = principal.substring(0, principal.indexOf('.')) + "-" + Integer.toHexString(sourceArn.hashCode());
        try {
            c.lambda().addPermission(b -> b.functionName(fn.name()).statementId(sid).action("lambda:InvokeFunction")
                    .principal(principal).sourceArn(sourceArn));
        } catch (ResourceConflictException e) {
            // the same statement exists already
        }
    }

    /** Adds a statement to the queue's policy (SetQueueAttributes replaces the whole document, so read and merge). */
    void allowToQueue(String queueUrl, String queueArn, String principal, String sourceArn) {
        synchronized (ResourceGrants.class) { // two tests' wirings do not share queues, but one test's threads might
            String current = c.sqs().getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNames(QueueAttributeName.POLICY))
                    .attributes().get(QueueAttributeName.POLICY);
            String policy = ResourcePolicies.allowSend(current, queueArn, principal, sourceArn);
            c.sqs().setQueueAttributes(b -> b.queueUrl(queueUrl).attributes(Map.of(QueueAttributeName.POLICY, policy)));
        }
    }

    /** Adds a statement to the topic's policy (SetTopicAttributes replaces the whole document, so read and merge). */
    void allowToTopic(String topicArn, String principal, String sourceArn) {
        synchronized (ResourceGrants.class) {
            String current = c.sns().getTopicAttributes(b -> b.topicArn(topicArn)).attributes().get("Policy");
            String policy = ResourcePolicies.allowPublish(current, topicArn, principal, sourceArn);
            c.sns().setTopicAttributes(b -> b.topicArn(topicArn).attributeName("Policy").attributeValue(policy));
        }
    }
}
