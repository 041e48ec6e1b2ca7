package io.eventharness.harness;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.cloudwatchlogs.model.CreateLogGroupRequest;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.eventbridge.model.CreateEventBusRequest;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResultEntry;
import software.amazon.awssdk.services.eventbridge.model.PutRuleRequest;
import software.amazon.awssdk.services.iam.model.CreateRoleRequest;
import software.amazon.awssdk.services.kinesis.model.CreateStreamRequest;
import software.amazon.awssdk.services.lambda.model.CreateEventSourceMappingResponse;
import software.amazon.awssdk.services.lambda.model.CreateFunctionRequest;
import software.amazon.awssdk.services.s3.model.CreateBucketRequest;
import software.amazon.awssdk.services.scheduler.model.CreateScheduleGroupRequest;
import software.amazon.awssdk.services.scheduler.model.CreateScheduleRequest;
import software.amazon.awssdk.services.sns.model.CreateTopicResponse;
import software.amazon.awssdk.services.sns.model.SubscribeResponse;
import software.amazon.awssdk.services.sqs.model.CreateQueueResponse;

/**
 * What a test created, recorded by an SDK interceptor on the test's clients, so that everything is
 * torn down after the test whichever way it was created (harness helper or plain SDK call); and the ids of the
 * events it put on EventBridge (nothing to tear down), so that its story tells where they went.
 */
final class Resources implements ExecutionInterceptor {

    /**
     * One created resource: its kind and its id (name, URL or ARN; for a rule {@code <bus>/<rule>}, for a schedule
     * {@code <group>/<schedule>}: what deleting it takes, the last part its name).
     */
    record Created(Kind kind, String id) {
        /** The part of a {@code <parent>/<name>} id before the last slash. */
        String parent() {
            return id.substring(0, id.lastIndexOf('/'));
        }

        /** The part of a {@code <parent>/<name>} id after the last slash (rule and schedule names have none). */
        String child() {
            return id.substring(id.lastIndexOf('/') + 1);
        }
    }

    enum Kind { BUCKET, QUEUE, TOPIC, SUBSCRIPTION, FUNCTION, EVENT_SOURCE_MAPPING, ROLE, LOG_GROUP, EVENT_BUS, RULE, SCHEDULE_GROUP,
        SCHEDULE, STREAM, TABLE }

    private static final String DEFAULT = "default"; // the default event bus and the default schedule group

    private final Deque<Created> created = new ArrayDeque<>();
    private final Set<String> eventIds = ConcurrentHashMap.newKeySet();

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        SdkRequest req = context.request();
        SdkResponse res = context.response();
        if (res instanceof PutEventsResponse r) {
            r.entries().stream().map(PutEventsResultEntry::eventId).filter(id -> id != null).forEach(eventIds::add);
            return;
        }
        Created c = null;
        if (req instanceof CreateBucketRequest r) {
            c = new Created(Kind.BUCKET, r.bucket());
        } else if (res instanceof CreateQueueResponse r) {
            c = new Created(Kind.QUEUE, r.queueUrl());
        } else if (res instanceof CreateTopicResponse r) {
            c = new Created(Kind.TOPIC, r.topicArn());
        } else if (res instanceof SubscribeResponse r && r.subscriptionArn() != null) {
            c = new Created(Kind.SUBSCRIPTION, r.subscriptionArn());
        } else if (req instanceof CreateFunctionRequest r) {
            c = new Created(Kind.FUNCTION, r.functionName());
        } else if (res instanceof CreateEventSourceMappingResponse r) {
            c = new Created(Kind.EVENT_SOURCE_MAPPING, r.uuid());
        } else if (req instanceof CreateRoleRequest r) {
            c = new Created(Kind.ROLE, r.roleName());
        } else if (req instanceof CreateLogGroupRequest r) {
            c = new Created(Kind.LOG_GROUP, r.logGroupName());
        } else if (req instanceof CreateEventBusRequest r) {
            c = new Created(Kind.EVENT_BUS, r.name());
        } else if (req instanceof PutRuleRequest r) {
            c = new Created(Kind.RULE, (r.eventBusName() == null ? DEFAULT : r.eventBusName()) + "/" + r.name());
        } else if (req instanceof CreateScheduleGroupRequest r) {
            c = new Created(Kind.SCHEDULE_GROUP, r.name());
        } else if (req instanceof CreateStreamRequest r) {
            c = new Created(Kind.STREAM, r.streamName());
        } else if (req instanceof CreateTableRequest r) {
            c = new Created(Kind.TABLE, r.tableName());
        } else if (req instanceof CreateScheduleRequest r) {
            c = new Created(Kind.SCHEDULE, (r.groupName() == null ? DEFAULT : r.groupName()) + "/" + r.name());
        }
        if (c != null) {
            synchronized (created) {
                if (!created.contains(c)) { // PutRule again (an update) is still one rule
                    created.push(c);
                }
            }
        }
    }

    /** Most recent first: the order to delete in. */
    List<Created> newestFirst() {
        synchronized (created) {
            return new ArrayList<>(created);
        }
    }

    /** The ids of the events the test put (PutEvents), accepted ones only. */
    Set<String> eventIds() {
        return Set.copyOf(eventIds);
    }

    void clear() {
        synchronized (created) {
            created.clear();
        }
        eventIds.clear();
    }
}
