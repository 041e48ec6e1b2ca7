package io.eventharness.emulator.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventharness.emulator.pipeline.IamActions.Access;
import io.eventharness.emulator.protocol.Call;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;
import software.amazon.awssdk.services.eventbridge.model.PutRuleRequest;
import software.amazon.awssdk.services.kinesis.model.PutRecordRequest;
import software.amazon.awssdk.services.lambda.model.CreateFunctionRequest;
import software.amazon.awssdk.services.lambda.model.InvokeRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.PutLogEventsRequest;
import software.amazon.awssdk.services.s3.model.CopyObjectRequest;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.scheduler.model.CreateScheduleRequest;
import software.amazon.awssdk.services.sns.model.UnsubscribeRequest;
import software.amazon.awssdk.services.sqs.model.ListQueuesRequest;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequest;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityRequest;

/**
 * Each operation's IAM action and resource, as the Service Authorization Reference gives them, read from the typed
 * request (the member names are the models').
 */
class IamActionsTest {
    private static final Call CALL = Call.internal("r", "eu-west-1", "http://localhost");

    private static List<Access> of(String prefix, String op, Object request) {
        return IamActions.of(prefix, op, request, CALL);
    }

    @Test
    void lambdaInvokeIsInvokeFunctionOnTheQualifiedFunction() {
        assertThat(of("lambda", "Invoke", InvokeRequest.builder().functionName("orders").qualifier("live").build()))
                .containsExactly(new Access("lambda:InvokeFunction", "arn:aws:lambda:eu-west-1:000000000000:function:orders:live"));
        assertThat(of("lambda", "Invoke", InvokeRequest.builder()
                .functionName("arn:aws:lambda:eu-west-1:000000000000:function:orders").build()))
                .containsExactly(new Access("lambda:InvokeFunction", "arn:aws:lambda:eu-west-1:000000000000:function:orders"));
    }

    @Test
    void creatingAFunctionPassesItsRole() {
        assertThat(of("lambda", "CreateFunction", CreateFunctionRequest.builder().functionName("f")
                .role("arn:aws:iam::000000000000:role/r").build())).containsExactly(
                new Access("lambda:CreateFunction", "arn:aws:lambda:eu-west-1:000000000000:function:f"),
                new Access("iam:PassRole", "arn:aws:iam::000000000000:role/r", Map.of("iam:PassedToService", "lambda.amazonaws.com")));
    }

    @Test
    void sqsBatchesAreTheirSingleActionOnTheQueueOfTheUrl() {
        assertThat(of("sqs", "SendMessageBatch", SendMessageBatchRequest.builder()
                .queueUrl("http://localhost:4566/000000000000/orders").build()))
                .containsExactly(new Access("sqs:SendMessage", "arn:aws:sqs:eu-west-1:000000000000:orders"));
        assertThat(of("sqs", "ListQueues", ListQueuesRequest.builder().build())).containsExactly(new Access("sqs:ListQueues", "*"));
    }

    @Test
    void s3ListingIsListBucketWithItsPrefixAndACopyReadsItsSource() {
        assertThat(of("s3", "ListObjectsV2", ListObjectsV2Request.builder().bucket("b").prefix("in/").build()))
                .containsExactly(new Access("s3:ListBucket", "arn:aws:s3:::b", Map.of("s3:prefix", "in/")));
        assertThat(of("s3", "CopyObject", CopyObjectRequest.builder().destinationBucket("to").destinationKey("k2")
                .sourceBucket("from").sourceKey("a b.txt").build())).containsExactly(
                new Access("s3:PutObject", "arn:aws:s3:::to/k2"), new Access("s3:GetObject", "arn:aws:s3:::from/a b.txt"));
        assertThat(of("s3", "CopyObject", CopyObjectRequest.builder().destinationBucket("to").destinationKey("k2")
                .copySource("/from/a%20b.txt?versionId=v1").build())).as("as the wire has it").containsExactly(
                new Access("s3:PutObject", "arn:aws:s3:::to/k2"), new Access("s3:GetObject", "arn:aws:s3:::from/a b.txt"));
    }

    @Test
    void dynamoDbNamesTablesIndexesAndEachTableOfABatch() {
        assertThat(of("dynamodb", "Query", QueryRequest.builder().tableName("t").indexName("byDate").build()))
                .containsExactly(new Access("dynamodb:Query", "arn:aws:dynamodb:eu-west-1:000000000000:table/t/index/byDate"));
        WriteRequest put = WriteRequest.builder().putRequest(PutRequest.builder().item(Map.of("id", AttributeValue.fromS("1"))).build())
                .build();
        assertThat(of("dynamodb", "BatchWriteItem", BatchWriteItemRequest.builder().requestItems(Map.of("a", List.of(put))).build()))
                .containsExactly(new Access("dynamodb:BatchWriteItem", "arn:aws:dynamodb:eu-west-1:000000000000:table/a"));
    }

    @Test
    void otherServicesNameTheirResources() {
        assertThat(of("kinesis", "PutRecord", PutRecordRequest.builder().streamName("s").build()))
                .containsExactly(new Access("kinesis:PutRecord", "arn:aws:kinesis:eu-west-1:000000000000:stream/s"));
        assertThat(of("logs", "PutLogEvents", PutLogEventsRequest.builder().logGroupName("/aws/lambda/f").logStreamName("x").build()))
                .containsExactly(new Access("logs:PutLogEvents",
                        "arn:aws:logs:eu-west-1:000000000000:log-group:/aws/lambda/f:log-stream:x"));
        assertThat(of("events", "PutRule", PutRuleRequest.builder().name("nightly").build()))
                .containsExactly(new Access("events:PutRule", "arn:aws:events:eu-west-1:000000000000:rule/nightly"));
        assertThat(of("scheduler", "CreateSchedule", CreateScheduleRequest.builder().name("s").build()))
                .containsExactly(new Access("scheduler:CreateSchedule", "arn:aws:scheduler:eu-west-1:000000000000:schedule/default/s"));
        assertThat(of("sns", "Unsubscribe", UnsubscribeRequest.builder()
                .subscriptionArn("arn:aws:sns:eu-west-1:000000000000:topic:0b9e2e55-0000-4d6b-9e49-4e0d0e2f8c11").build()))
                .containsExactly(new Access("sns:Unsubscribe", "arn:aws:sns:eu-west-1:000000000000:topic"));
    }

    @Test
    void getCallerIdentityNeedsNoPermission() {
        assertThat(of("sts", "GetCallerIdentity", GetCallerIdentityRequest.builder().build())).isEmpty();
    }
}
