package io.eventharness.emulator.pipeline;

import io.eventharness.emulator.core.Arn;
import io.eventharness.emulator.protocol.Call;
import java.net.URI;

/**
 * The resource IAM authorizes an operation on, for the services whose every operation needs one permission (SQS,
 * SNS, Kinesis, CloudWatch Logs, EventBridge, EventBridge Scheduler, IAM, STS), read from the typed request as the
 * Service Authorization Reference's resource types name them; {@code *} for an operation that names none. The
 * action, and the services that need several permissions, are {@link IamActions}'.
 */
final class IamResources {
    private IamResources() {
    }

    /** The resource ARN of an operation of a service whose every operation needs one permission; {@code *} for none. */
    static String of(String prefix, String operation, RequestMembers m, Call call) {
        String region = call.region();
        return switch (prefix) {
            case "sqs" -> m.get("QueueUrl") != null ? queueArn(m.get("QueueUrl"), region)
                    : m.get("QueueName") != null ? Arn.of("sqs", region, m.get("QueueName")).toString() : "*";
            case "sns" -> sns(operation, m, region);
            case "kinesis" -> m.get("StreamARN") != null ? m.get("StreamARN") : m.get("ConsumerARN") != null ? m.get("ConsumerARN")
                    : m.get("StreamName") != null ? Arn.of("kinesis", region, "stream/" + m.get("StreamName")).toString() : "*";
            case "logs" -> logs(m, region);
            case "events" -> events(operation, m, region);
            case "scheduler" -> scheduler(operation, m, region);
            case "iam" -> iam(operation, m, call);
            case "sts" -> m.get("RoleArn") != null ? m.get("RoleArn") : "*";
            default -> "*";
        };
    }

    /** A queue URL's ARN: {@code http://host/<account>/<name>} → {@code arn:aws:sqs:<region>:<account>:<name>}. */
    private static String queueArn(String url, String region) {
        try {
            String[] path = URI.create(url).getPath().split("/");
            if (path.length == 3) {
                return new Arn("aws", "sqs", region, path[1], path[2]).toString();
            }
        } catch (IllegalArgumentException notAUrl) {
            // the operation refuses it
        }
        return "*";
    }

    private static String sns(String operation, RequestMembers m, String region) {
        if (m.get("TopicArn") != null) {
            return m.get("TopicArn");
        }
        if (m.get("TargetArn") != null) {
            return m.get("TargetArn");
        }
        if (operation.equals("CreateTopic") && m.get("Name") != null) {
            return Arn.of("sns", region, m.get("Name")).toString();
        }
        if (m.get("SubscriptionArn") != null) { // a subscription's operations are authorized on its topic
            return Arn.tryParse(m.get("SubscriptionArn")).map(a -> a.withResource(a.resourceType()).toString()).orElse("*");
        }
        return m.get("ResourceArn") != null ? m.get("ResourceArn") : "*";
    }

    private static String logs(RequestMembers m, String region) {
        String group = m.get("logGroupName");
        if (group == null) {
            String id = m.get("logGroupIdentifier");
            if (id != null && id.startsWith("arn:")) {
                return id;
            }
            group = id;
        }
        if (group == null) {
            return m.get("resourceArn") != null ? m.get("resourceArn") : "*";
        }
        String stream = m.get("logStreamName");
        return Arn.of("logs", region, "log-group:" + group + (stream == null ? "" : ":log-stream:" + stream)).toString();
    }

    private static String events(String operation, RequestMembers m, String region) {
        String bus = m.get("EventBusName");
        String rule = operation.endsWith("Rule") || operation.equals("PutTargets") || operation.equals("RemoveTargets")
                || operation.equals("ListTargetsByRule") ? (m.get("Rule") != null ? m.get("Rule") : m.get("Name")) : null;
        if (rule != null) {
            return rule.startsWith("arn:") ? rule
                    : Arn.of("events", region, "rule/" + (bus == null || bus.equals("default") ? "" : bus + "/") + rule).toString();
        }
        if (operation.endsWith("EventBus") && m.get("Name") != null) {
            return Arn.of("events", region, "event-bus/" + m.get("Name")).toString();
        }
        if (operation.equals("PutEvents")) {
            return Arn.of("events", region, "event-bus/default").toString(); // entries may name others; the default's
        }
        return m.get("ResourceARN") != null ? m.get("ResourceARN") : "*";
    }

    private static String scheduler(String operation, RequestMembers m, String region) {
        String name = m.get("Name");
        if (name == null) {
            return "*";
        }
        if (operation.endsWith("ScheduleGroup")) {
            return Arn.of("scheduler", region, "schedule-group/" + name).toString();
        }
        String group = m.get("GroupName") == null ? "default" : m.get("GroupName");
        return Arn.of("scheduler", region, "schedule/" + group + "/" + name).toString();
    }

    private static String iam(String operation, RequestMembers m, Call call) {
        if (m.get("PolicyArn") != null) {
            return m.get("PolicyArn");
        }
        if (m.get("RoleName") != null) {
            return Arn.global("iam", "role/" + m.get("RoleName")).toString();
        }
        if (m.get("UserName") != null) {
            return Arn.global("iam", "user/" + m.get("UserName")).toString();
        }
        if (operation.equals("CreatePolicy") && m.get("PolicyName") != null) {
            return Arn.global("iam", "policy/" + m.get("PolicyName")).toString();
        }
        if (operation.endsWith("AccessKey") || operation.equals("ListAccessKeys") || operation.equals("GetUser")) {
            Arn self = call.principal().principalArn(); // without UserName: the caller's own user
            return self == null ? "*" : self.toString();
        }
        return "*";
    }
}
