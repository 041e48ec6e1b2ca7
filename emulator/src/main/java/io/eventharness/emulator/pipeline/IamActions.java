package io.eventharness.emulator.pipeline;

import io.eventharness.emulator.core.Arn;
import io.eventharness.emulator.lambda.LambdaService;
import io.eventharness.emulator.protocol.Call;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;

/**
 * What IAM authorizes for an operation: its action and resource ARN as the Service Authorization Reference gives
 * them ("Actions, resources, and condition keys for …"), read from the typed request. The action is the service's
 * prefix and the operation's name unless the reference names it otherwise ({@code lambda:InvokeFunction} for
 * Invoke, {@code s3:ListBucket} for ListObjectsV2, a batch's single action); the resource is {@code *} for an
 * operation that names none ({@code sqs:ListQueues}). Some calls need several permissions: a batch over several
 * tables, CopyObject (the source read, the target written), CreateFunction with a role ({@code iam:PassRole}).
 *
 * <p>Differs from AWS: IAM resources are named without their path ({@code role/name}); S3 object versions are
 * authorized as the object ({@code s3:GetObject}, not {@code s3:GetObjectVersion}).
 */
final class IamActions {
    /**
     * One permission a call needs.
     *
     * @param context request context keys the call carries ({@code s3:prefix}, {@code iam:PassedToService})
     */
    record Access(String action, String resource, Map<String, String> context) {
        Access(String action, String resource) {
            this(action, resource, Map.of());
        }
    }

    private static final Map<String, String> RENAMED = Map.ofEntries(
            Map.entry("lambda:Invoke", "lambda:InvokeFunction"),
            Map.entry("lambda:InvokeWithResponseStream", "lambda:InvokeFunction"),
            Map.entry("sqs:SendMessageBatch", "sqs:SendMessage"),
            Map.entry("sqs:DeleteMessageBatch", "sqs:DeleteMessage"),
            Map.entry("sqs:ChangeMessageVisibilityBatch", "sqs:ChangeMessageVisibility"),
            Map.entry("sns:PublishBatch", "sns:Publish"),
            Map.entry("s3:ListObjects", "s3:ListBucket"),
            Map.entry("s3:ListObjectsV2", "s3:ListBucket"),
            Map.entry("s3:HeadBucket", "s3:ListBucket"),
            Map.entry("s3:HeadObject", "s3:GetObject"),
            Map.entry("s3:ListBuckets", "s3:ListAllMyBuckets"),
            Map.entry("s3:CreateMultipartUpload", "s3:PutObject"),
            Map.entry("s3:UploadPart", "s3:PutObject"),
            Map.entry("s3:UploadPartCopy", "s3:PutObject"),
            Map.entry("s3:CompleteMultipartUpload", "s3:PutObject"),
            Map.entry("s3:CopyObject", "s3:PutObject"),
            Map.entry("s3:DeleteObjects", "s3:DeleteObject"),
            Map.entry("s3:ListParts", "s3:ListMultipartUploadParts"),
            Map.entry("s3:ListMultipartUploads", "s3:ListBucketMultipartUploads"),
            Map.entry("s3:ListObjectVersions", "s3:ListBucketVersions"),
            Map.entry("s3:PutBucketNotificationConfiguration", "s3:PutBucketNotification"),
            Map.entry("s3:GetBucketNotificationConfiguration", "s3:GetBucketNotification"),
            Map.entry("s3:DeleteBucketTagging", "s3:PutBucketTagging"),
            Map.entry("s3:GetBucketCors", "s3:GetBucketCORS"),
            Map.entry("s3:PutBucketCors", "s3:PutBucketCORS"),
            Map.entry("s3:DeleteBucketCors", "s3:PutBucketCORS"),
            Map.entry("s3:GetBucketLifecycleConfiguration", "s3:GetLifecycleConfiguration"),
            Map.entry("s3:PutBucketLifecycleConfiguration", "s3:PutLifecycleConfiguration"),
            Map.entry("s3:DeleteBucketLifecycle", "s3:PutLifecycleConfiguration"),
            Map.entry("s3:GetBucketEncryption", "s3:GetEncryptionConfiguration"),
            Map.entry("s3:PutBucketEncryption", "s3:PutEncryptionConfiguration"),
            Map.entry("s3:DeleteBucketEncryption", "s3:PutEncryptionConfiguration"),
            Map.entry("s3:GetPublicAccessBlock", "s3:GetBucketPublicAccessBlock"),
            Map.entry("s3:PutPublicAccessBlock", "s3:PutBucketPublicAccessBlock"),
            Map.entry("s3:DeletePublicAccessBlock", "s3:PutBucketPublicAccessBlock"),
            Map.entry("s3:SelectObjectContent", "s3:GetObject"),
            Map.entry("s3:DeleteObjectTagging", "s3:DeleteObjectTagging"));

    /** Operations any authenticated caller may make: IAM authorizes nothing for them. */
    private static final List<String> UNAUTHORIZED = List.of("sts:GetCallerIdentity");

    private IamActions() {
    }

    /** The IAM action of an operation, {@code <prefix>:<name>}. */
    static String action(String prefix, String operation) {
        String plain = prefix + ":" + operation;
        return RENAMED.getOrDefault(plain, plain);
    }

    /** The permissions the call needs; empty for an operation IAM does not authorize. */
    static List<Access> of(String prefix, String operation, Object request, Call call) {
        String action = action(prefix, operation);
        if (UNAUTHORIZED.contains(action)) {
            return List.of();
        }
        Members m = new Members(request);
        String region = call.region();
        return switch (prefix) {
            case "s3" -> s3(action, operation, m);
            case "lambda" -> lambda(action, m, region);
            case "dynamodb" -> dynamodb(action, operation, m, region);
            default -> List.of(new Access(action, resource(prefix, operation, m, call)));
        };
    }

    private static String resource(String prefix, String operation, Members m, Call call) {
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

    private static List<Access> s3(String action, String operation, Members m) {
        String bucket = m.get("Bucket") != null ? m.get("Bucket") : m.get("DestinationBucket"); // CopyObject, UploadPartCopy
        if (bucket == null) {
            return List.of(new Access(action, "*"));
        }
        String bucketArn = "arn:aws:s3:::" + bucket;
        List<Access> out = new ArrayList<>();
        if (operation.equals("DeleteObjects")) {
            out.add(new Access(action, bucketArn + "/*")); // each key is checked by AWS; one wildcard stands for them
            return out;
        }
        String key = m.get("Key") != null ? m.get("Key") : m.get("DestinationKey");
        if (action.equals("s3:ListBucket") && m.get("Prefix") != null) {
            out.add(new Access(action, bucketArn, Map.of("s3:prefix", m.get("Prefix"))));
        } else {
            out.add(new Access(action, key == null ? bucketArn : bucketArn + "/" + key));
        }
        String copySource = m.get("CopySource"); // as sent: x-amz-copy-source; an SDK's builder may name the parts
        if (copySource == null && m.get("SourceBucket") != null && m.get("SourceKey") != null) {
            out.add(new Access("s3:GetObject", "arn:aws:s3:::" + m.get("SourceBucket") + "/" + m.get("SourceKey")));
        } else if (copySource != null) {
            String source = copySource.startsWith("/") ? copySource.substring(1) : copySource;
            int q = source.indexOf('?');
            out.add(new Access("s3:GetObject", "arn:aws:s3:::" + java.net.URLDecoder.decode(q < 0 ? source : source.substring(0, q),
                    java.nio.charset.StandardCharsets.UTF_8)));
        }
        return out;
    }

    private static List<Access> lambda(String action, Members m, String region) {
        String name = m.get("FunctionName");
        List<Access> out = new ArrayList<>();
        if (name != null) {
            String arn = LambdaService.functionArn(name, m.get("Qualifier"), region).map(Arn::toString).orElse(null);
            if (arn == null) {
                return List.of(); // not a function name: the operation refuses it with Lambda's own error
            }
            out.add(new Access(action, arn));
        } else if (m.get("UUID") != null) {
            out.add(new Access(action, Arn.of("lambda", region, "event-source-mapping:" + m.get("UUID")).toString()));
        } else {
            out.add(new Access(action, "*"));
        }
        String role = m.get("Role");
        if (role != null) {
            out.add(new Access("iam:PassRole", role, Map.of("iam:PassedToService", "lambda.amazonaws.com")));
        }
        return out;
    }

    private static List<Access> dynamodb(String action, String operation, Members m, String region) {
        if (m.get("StreamArn") != null) {
            return List.of(new Access(action, m.get("StreamArn")));
        }
        String table = m.get("TableName");
        if (table != null) {
            String index = m.get("IndexName");
            return List.of(new Access(action, tableArn(table, region) + (index == null ? "" : "/index/" + index)));
        }
        Object items = m.raw("RequestItems");
        if (items instanceof Map<?, ?> byTable) { // BatchGetItem, BatchWriteItem: one permission per table
            String each = operation.equals("BatchGetItem") ? "dynamodb:BatchGetItem" : "dynamodb:BatchWriteItem";
            return byTable.keySet().stream().map(t -> new Access(each, tableArn(t.toString(), region))).toList();
        }
        Object transact = m.raw("TransactItems");
        if (transact instanceof Collection<?> list) { // TransactWriteItems, TransactGetItems: each item's own action
            List<Access> out = new ArrayList<>();
            for (Object item : list) {
                Members it = new Members(item);
                for (String kind : List.of("Put", "Update", "Delete", "ConditionCheck", "Get")) {
                    Object part = it.raw(kind);
                    if (part != null) {
                        String t = new Members(part).get("TableName");
                        String act = kind.equals("ConditionCheck") ? "dynamodb:ConditionCheckItem" : "dynamodb:" + kind + "Item";
                        out.add(new Access(act, tableArn(t, region)));
                    }
                }
            }
            return out;
        }
        return List.of(new Access(action, "*"));
    }

    private static String tableArn(String nameOrArn, String region) {
        return nameOrArn.startsWith("arn:") ? nameOrArn : Arn.of("dynamodb", region, "table/" + nameOrArn).toString();
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

    private static String sns(String operation, Members m, String region) {
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

    private static String logs(Members m, String region) {
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

    private static String events(String operation, Members m, String region) {
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

    private static String scheduler(String operation, Members m, String region) {
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

    private static String iam(String operation, Members m, Call call) {
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

    /** The members of an SDK request by their wire names, read through the model's fields. */
    private record Members(Object request) {
        Object raw(String name) {
            if (!(request instanceof SdkPojo pojo)) {
                return null;
            }
            for (SdkField<?> f : pojo.sdkFields()) {
                if (f.memberName().equals(name)) {
                    return f.getValueOrDefault(request);
                }
            }
            return null;
        }

        String get(String name) {
            Object v = raw(name);
            return v == null ? null : v.toString();
        }
    }
}
