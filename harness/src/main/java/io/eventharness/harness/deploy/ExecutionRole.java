package io.eventharness.harness.deploy;

import java.util.List;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;

/**
 * The execution role test functions run with, one per test run: trusts {@code lambda.amazonaws.com},
 * and holds what the harness's deploy and wiring helpers need on a real account:
 * <ul>
 *   <li>{@code AWSLambdaBasicExecutionRole}: logs reach CloudWatch;</li>
 *   <li>{@code AWSLambdaSQSQueueExecutionRole}, {@code AWSLambdaKinesisExecutionRole},
 *       {@code AWSLambdaDynamoDBExecutionRole}: event source mappings may poll queues and streams
 *       (AWS checks these when the mapping is created);</li>
 *   <li>an inline policy {@value #INLINE_POLICY}: {@code sqs:SendMessage}, {@code sns:Publish} and
 *       {@code lambda:InvokeFunction} on this run's resources (names starting with the run prefix), for
 *       dead-letter queues, asynchronous-invocation destinations and stream mappings' on-failure destinations;
 *       {@code s3:ListBucket}, {@code s3:GetObject}, {@code s3:PutObject}, {@code s3:DeleteObject} on this run's
 *       buckets, for functions that read and write them; the item operations of DynamoDB on this run's tables and their
 *       indexes, and {@code kinesis:PutRecord}, {@code kinesis:PutRecords} on this run's streams.</li>
 * </ul>
 * {@link #ensure} is idempotent: a role left by an earlier run with the same prefix gets what it lacks.
 *
 * <pre>{@code
 * String arn = ExecutionRole.ensure(iam, "eh1x2-lambda-exec", "eh1x2");
 * ExecutionRole.delete(iam, "eh1x2-lambda-exec");
 * }</pre>
 */
public final class ExecutionRole {
    static final String TRUST = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Principal\":{\"Service\":\"lambda.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";
    public static final String BASIC = "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole";
    public static final String SQS_QUEUE = "arn:aws:iam::aws:policy/service-role/AWSLambdaSQSQueueExecutionRole";
    public static final String KINESIS = "arn:aws:iam::aws:policy/service-role/AWSLambdaKinesisExecutionRole";
    public static final String DYNAMODB = "arn:aws:iam::aws:policy/service-role/AWSLambdaDynamoDBExecutionRole";
    /** The managed policies every harness execution role has attached. */
    public static final List<String> MANAGED = List.of(BASIC, SQS_QUEUE, KINESIS, DYNAMODB);
    public static final String INLINE_POLICY = "event-harness-destinations";

    private ExecutionRole() {
    }

    /** The role's ARN, creating it if it does not exist; attaches and puts what it lacks either way. */
    public static String ensure(IamClient iam, String roleName, String resourcePrefix) {
        String arn;
        try {
            arn = iam.getRole(b -> b.roleName(roleName)).role().arn();
        } catch (NoSuchEntityException e) {
            arn = iam.createRole(b -> b.roleName(roleName).assumeRolePolicyDocument(TRUST)
                    .description("Event Harness: execution role of test functions")).role().arn();
        }
        for (String policy : MANAGED) {
            iam.attachRolePolicy(b -> b.roleName(roleName).policyArn(policy)); // attaching twice is not an error
        }
        iam.putRolePolicy(b -> b.roleName(roleName).policyName(INLINE_POLICY).policyDocument(destinations(resourcePrefix)));
        return arn;
    }

    /**
     * The inline policy: send to this run's queues and topics, invoke this run's functions (DLQs, destinations); list,
     * read, write and delete objects in this run's buckets (a function that reads its input bucket and writes a report);
     * read and write items of this run's tables, put records on this run's streams.
     */
    static String destinations(String prefix) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"DeadLettersAndDestinations\",\"Effect\":\"Allow\","
                + "\"Action\":[\"sqs:SendMessage\",\"sns:Publish\",\"lambda:InvokeFunction\"],"
                + "\"Resource\":[\"arn:aws:sqs:*:*:" + prefix + "-*\",\"arn:aws:sns:*:*:" + prefix + "-*\","
                + "\"arn:aws:lambda:*:*:function:" + prefix + "-*\"]},"
                + "{\"Sid\":\"RunBuckets\",\"Effect\":\"Allow\",\"Action\":[\"s3:ListBucket\",\"s3:GetObject\",\"s3:PutObject\","
                + "\"s3:DeleteObject\"],\"Resource\":[\"arn:aws:s3:::" + prefix + "-*\",\"arn:aws:s3:::" + prefix + "-*/*\"]},"
                + "{\"Sid\":\"RunTables\",\"Effect\":\"Allow\",\"Action\":[\"dynamodb:GetItem\",\"dynamodb:PutItem\","
                + "\"dynamodb:UpdateItem\",\"dynamodb:DeleteItem\",\"dynamodb:Query\",\"dynamodb:Scan\",\"dynamodb:BatchGetItem\","
                + "\"dynamodb:BatchWriteItem\",\"dynamodb:ConditionCheckItem\"],\"Resource\":[\"arn:aws:dynamodb:*:*:table/" + prefix
                + "-*\",\"arn:aws:dynamodb:*:*:table/" + prefix + "-*/index/*\"]},"
                + "{\"Sid\":\"RunStreams\",\"Effect\":\"Allow\",\"Action\":[\"kinesis:PutRecord\",\"kinesis:PutRecords\"],"
                + "\"Resource\":[\"arn:aws:kinesis:*:*:stream/" + prefix + "-*\"]}]}";
    }

    /** Deletes the role (detaching and deleting its policies first); quiet when it is gone. */
    public static void delete(IamClient iam, String roleName) {
        try {
            iam.listAttachedRolePolicies(b -> b.roleName(roleName)).attachedPolicies()
                    .forEach(p -> iam.detachRolePolicy(b -> b.roleName(roleName).policyArn(p.policyArn())));
            iam.listRolePolicies(b -> b.roleName(roleName)).policyNames()
                    .forEach(p -> iam.deleteRolePolicy(b -> b.roleName(roleName).policyName(p)));
            iam.deleteRole(b -> b.roleName(roleName));
        } catch (NoSuchEntityException gone) {
            // deleted already
        }
    }
}
