package io.eventharness.harness;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;

/** Deletes what a test created, newest first; a resource that is already gone is not an error. */
final class Teardown {
    private static final Logger LOG = LoggerFactory.getLogger(Teardown.class);

    private Teardown() {
    }

    static void run(Clients c, List<Resources.Created> created) {
        for (Resources.Created r : created) {
            try {
                delete(c, r);
            } catch (RuntimeException e) {
                LOG.debug("teardown of {} {}: {}", r.kind(), r.id(), e.toString());
            }
        }
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
            default -> throw new IllegalStateException("unknown kind " + r.kind());
        }
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
            // already gone
        }
    }
}
