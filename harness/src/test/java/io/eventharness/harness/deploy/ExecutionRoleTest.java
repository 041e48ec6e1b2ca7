package io.eventharness.harness.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.eventharness.harness.Cloud;
import io.eventharness.harness.EventHarness;
import io.eventharness.harness.Harness;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AttachedPolicy;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;

/** The execution role holds what the wiring helpers need on a real account. */
@EventHarness
class ExecutionRoleTest {

    @Test
    void theRoleCanLogPollQueuesAndStreamsAndSendToThisRunsDeadLetterTargets(Harness harness) throws Exception {
        try (Cloud cloud = harness.newCloud("role")) {
            IamClient iam = cloud.iam();
            String role = cloud.name("exec");

            String arn = ExecutionRole.ensure(iam, role, "run42");
            assertThat(ExecutionRole.ensure(iam, role, "run42")).as("idempotent").isEqualTo(arn);

            assertThat(iam.listAttachedRolePolicies(b -> b.roleName(role)).attachedPolicies())
                    .extracting(AttachedPolicy::policyArn)
                    .containsExactlyInAnyOrderElementsOf(ExecutionRole.MANAGED)
                    .contains("arn:aws:iam::aws:policy/service-role/AWSLambdaSQSQueueExecutionRole");
            String doc = iam.getRolePolicy(b -> b.roleName(role).policyName(ExecutionRole.INLINE_POLICY)).policyDocument();
            JsonNode statement = new ObjectMapper().readTree(URLDecoder.decode(doc, StandardCharsets.UTF_8)).get("Statement").get(0);
            assertThat(statement.get("Action").toString()).contains("sqs:SendMessage", "sns:Publish", "lambda:InvokeFunction");
            assertThat(statement.get("Resource").toString()).contains("arn:aws:sqs:*:*:run42-*", "arn:aws:sns:*:*:run42-*");
            JsonNode buckets = new ObjectMapper().readTree(URLDecoder.decode(doc, StandardCharsets.UTF_8)).get("Statement").get(1);
            assertThat(buckets.get("Action").toString()).contains("s3:ListBucket", "s3:GetObject", "s3:PutObject", "s3:DeleteObject");
            assertThat(buckets.get("Resource").toString()).contains("\"arn:aws:s3:::run42-*\"", "\"arn:aws:s3:::run42-*/*\"");
            JsonNode tables = new ObjectMapper().readTree(URLDecoder.decode(doc, StandardCharsets.UTF_8)).get("Statement").get(2);
            assertThat(tables.get("Action").toString()).contains("dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:Query");
            assertThat(tables.get("Resource").toString()).contains("\"arn:aws:dynamodb:*:*:table/run42-*\"");
            JsonNode streams = new ObjectMapper().readTree(URLDecoder.decode(doc, StandardCharsets.UTF_8)).get("Statement").get(3);
            assertThat(streams.get("Action").toString()).contains("kinesis:PutRecord", "kinesis:PutRecords");
            assertThat(streams.get("Resource").toString()).contains("\"arn:aws:kinesis:*:*:stream/run42-*\"");

            ExecutionRole.delete(iam, role);
            assertThatThrownBy(() -> iam.getRole(b -> b.roleName(role))).isInstanceOf(NoSuchEntityException.class);
            ExecutionRole.delete(iam, role); // gone already: quiet
        }
    }
}
