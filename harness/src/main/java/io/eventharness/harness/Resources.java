package io.eventharness.harness;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.cloudwatchlogs.model.CreateLogGroupRequest;
import software.amazon.awssdk.services.iam.model.CreateRoleRequest;
import software.amazon.awssdk.services.lambda.model.CreateEventSourceMappingResponse;
import software.amazon.awssdk.services.lambda.model.CreateFunctionRequest;
import software.amazon.awssdk.services.s3.model.CreateBucketRequest;
import software.amazon.awssdk.services.sns.model.CreateTopicResponse;
import software.amazon.awssdk.services.sns.model.SubscribeResponse;
import software.amazon.awssdk.services.sqs.model.CreateQueueResponse;

/**
 * What a test created, recorded by an SDK interceptor on the test's clients, so that everything is
 * torn down after the test whichever way it was created (harness helper or plain SDK call).
 */
final class Resources implements ExecutionInterceptor {

    /** One created resource: its kind and its id (name, URL or ARN). */
    record Created(Kind kind, String id) {
    }

    enum Kind { BUCKET, QUEUE, TOPIC, SUBSCRIPTION, FUNCTION, EVENT_SOURCE_MAPPING, ROLE, LOG_GROUP }

    private final Deque<Created> created = new ArrayDeque<>();

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        SdkRequest req = context.request();
        SdkResponse res = context.response();
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
        }
        if (c != null) {
            synchronized (created) {
                created.push(c);
            }
        }
    }

    /** Most recent first: the order to delete in. */
    List<Created> newestFirst() {
        synchronized (created) {
            return new ArrayList<>(created);
        }
    }

    void clear() {
        synchronized (created) {
            created.clear();
        }
    }
}
