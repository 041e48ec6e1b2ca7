package io.eventharness.emulator.pipeline;

import io.eventharness.emulator.core.Arn;
import io.eventharness.emulator.lambda.LambdaService;
import io.eventharness.emulator.protocol.Call;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * What IAM authorizes for an operation: its action and resource ARN as the Service Authorization Reference gives
 * them ("Actions, resources, and condition keys for …"), read from the typed request. The action is the service's
 * prefix and the operation's name unless the reference names it otherwise ({@code lambda:InvokeFunction} for
 * Invoke, {@code s3:ListBucket} for ListObjectsV2, a batch's single action); the resource is {@code *} for an
 * operation that names none ({@code sqs:ListQueues}). Some calls need several permissions: a batch over several
 * tables, CopyObject (the source read, the target written), CreateFunction with a role ({@code iam:PassRole}):
 * S3's, Lambda's and DynamoDB's permissions are derived here; the other services' one resource by {@link IamResources}.
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
        RequestMembers m = new RequestMembers(request);
        String region = call.region();
        return switch (prefix) {
            case "s3" -> s3(action, operation, m);
            case "lambda" -> lambda(action, m, region);
            case "dynamodb" -> dynamodb(action, operation, m, region);
            default -> List.of(new Access(action, IamResources.of(prefix, operation, m, call)));
        };
    }


    private static List<Access> s3(String action, String operation, RequestMembers m) {
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

    private static List<Access> lambda(String action, RequestMembers m, String region) {
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

    private static List<Access> dynamodb(String action, String operation, RequestMembers m, String region) {
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
                RequestMembers it = new RequestMembers(item);
                for (String kind : List.of("Put", "Update", "Delete", "ConditionCheck", "Get")) {
                    Object part = it.raw(kind);
                    if (part != null) {
                        String t = new RequestMembers(part).get("TableName");
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

}
