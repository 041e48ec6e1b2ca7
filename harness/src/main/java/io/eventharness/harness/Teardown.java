package io.eventharness.harness;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.eventbridge.model.ListTargetsByRuleResponse;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;

/**
 * Deletes what a test created, newest first. A resource that is already gone is not an error; one that
 * could not be deleted is logged at WARN at once (on a real account a leaked resource costs money) and
 * returned, so the harness can list every leak again when the run ends.
 */
final class Teardown {
    private static final Logger LOG = LoggerFactory.getLogger(Teardown.class);

    /** A resource that is still there: what it is and why it could not be deleted. */
    record Leak(Resources.Created resource, String error) {
        @Override
        public String toString() {
            return resource.kind() + " " + resource.id() + " (" + error + ")";
        }
    }

    private Teardown() {
    }

    static List<Leak> run(Clients c, List<Resources.Created> created) {
        List<Leak> leaks = new ArrayList<>();
        for (Resources.Created r : created) {
            try {
                delete(c, r);
            } catch (RuntimeException e) {
                if (isGone(e)) {
                    continue;
                }
                Leak leak = new Leak(r, e.getClass().getSimpleName() + ": " + e.getMessage());
                LOG.warn("Event Harness could not delete {} {}: it is left behind ({})", r.kind(), r.id(), leak.error());
                leaks.add(leak);
            }
        }
        return leaks;
    }

    /** The 404s of each service: the resource was deleted already (by the test itself, say). */
    static boolean isGone(RuntimeException e) {
        if (e instanceof AwsServiceException a) {
            String code = a.awsErrorDetails() == null ? "" : String.valueOf(a.awsErrorDetails().errorCode());
            return a.statusCode() == 404 || code.equals("NoSuchBucket") || code.equals("NoSuchEntity") || code.equals("NotFound")
                    || code.equals("ResourceNotFoundException") || code.contains("NonExistentQueue") || code.contains("QueueDoesNotExist");
        }
        return false;
    }

    private static void delete(Clients c, Resources.Created r) {
        switch (r.kind()) {
            case EVENT_SOURCE_MAPPING -> c.lambda().deleteEventSourceMapping(b -> b.uuid(r.id()));
            case SUBSCRIPTION -> c.sns().unsubscribe(b -> b.subscriptionArn(r.id()));
            case FUNCTION -> {
                c.lambda().deleteFunction(b -> b.functionName(r.id()));
                quietly(() -> c.logs().deleteLogGroup(b -> b.logGroupName("/aws/lambda/" + r.id())));
            }
            case TOPIC -> c.sns().deleteTopic(b -> b.topicArn(r.id()));
            case QUEUE -> c.sqs().deleteQueue(b -> b.queueUrl(r.id()));
            case BUCKET -> emptyAndDelete(c.s3(), r.id());
            case ROLE -> deleteRole(c.iam(), r.id());
            case LOG_GROUP -> c.logs().deleteLogGroup(b -> b.logGroupName(r.id()));
            case RULE -> deleteRule(c, r.parent(), r.child());
            case EVENT_BUS -> c.events().deleteEventBus(b -> b.name(r.id()));
            case SCHEDULE -> c.scheduler().deleteSchedule(b -> b.groupName(r.parent()).name(r.child()));
            case SCHEDULE_GROUP -> c.scheduler().deleteScheduleGroup(b -> b.name(r.id()));
            case STREAM -> c.kinesis().deleteStream(b -> b.streamName(r.id()).enforceConsumerDeletion(true));
            case TABLE -> c.dynamoDb().deleteTable(b -> b.tableName(r.id()));
            default -> throw new IllegalStateException("unknown kind " + r.kind());
        }
    }

    /** A rule with targets cannot be deleted: remove them first. */
    private static void deleteRule(Clients c, String bus, String rule) {
        List<String> ids = new ArrayList<>();
        String token = null;
        do {
            String t = token;
            ListTargetsByRuleResponse page = c.events().listTargetsByRule(b -> b.eventBusName(bus).rule(rule).nextToken(t));
            page.targets().forEach(target -> ids.add(target.id()));
            token = page.nextToken();
        } while (token != null);
        for (int i = 0; i < ids.size(); i += 10) {
            List<String> batch = ids.subList(i, Math.min(ids.size(), i + 10));
            c.events().removeTargets(b -> b.eventBusName(bus).rule(rule).ids(batch));
        }
        c.events().deleteRule(b -> b.eventBusName(bus).name(rule));
    }

    private static void emptyAndDelete(S3Client s3, String bucket) {
        s3.listMultipartUploads(b -> b.bucket(bucket)).uploads().forEach(u ->
                quietly(() -> s3.abortMultipartUpload(b -> b.bucket(bucket).key(u.key()).uploadId(u.uploadId()))));
        String token = null;
        do {
            String t = token;
            var page = s3.listObjectsV2(b -> b.bucket(bucket).continuationToken(t));
            List<ObjectIdentifier> keys = page.contents().stream().map(o -> ObjectIdentifier.builder().key(o.key()).build()).toList();
            if (!keys.isEmpty()) {
                s3.deleteObjects(b -> b.bucket(bucket).delete(d -> d.objects(keys).quiet(true)));
            }
            token = page.nextContinuationToken();
        } while (token != null);
        s3.deleteBucket(b -> b.bucket(bucket));
    }

    private static void deleteRole(IamClient iam, String role) {
        iam.listAttachedRolePolicies(b -> b.roleName(role)).attachedPolicies()
                .forEach(p -> iam.detachRolePolicy(b -> b.roleName(role).policyArn(p.policyArn())));
        iam.listRolePolicies(b -> b.roleName(role)).policyNames()
                .forEach(p -> iam.deleteRolePolicy(b -> b.roleName(role).policyName(p)));
        iam.deleteRole(b -> b.roleName(role));
    }

    private static void quietly(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException ignored) {
            // the log group of a function that never logged does not exist
        }
    }
}
