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
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;

/** The Scheduler role trusts Scheduler for this account only and reaches only this run's targets. */
@EventHarness
class SchedulerRoleTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void itTrustsSchedulerOfThisAccountAndAllowsTheTargetActionsOnThisRunsResourcesOnly(Harness harness) throws Exception {
        try (Cloud cloud = harness.newCloud("scheduler role")) {
            IamClient iam = cloud.iam();
            String role = cloud.name("sched");

            String arn = SchedulerRole.ensure(iam, role, "run42", "123456789012");
            assertThat(SchedulerRole.ensure(iam, role, "run42", "123456789012")).as("idempotent").isEqualTo(arn);

            JsonNode trust = JSON.readTree(URLDecoder.decode(iam.getRole(b -> b.roleName(role)).role().assumeRolePolicyDocument(),
                    StandardCharsets.UTF_8)).get("Statement").get(0);
            assertThat(trust.path("Principal").path("Service").asText()).isEqualTo("scheduler.amazonaws.com");
            assertThat(trust.path("Condition").path("StringEquals").path("aws:SourceAccount").asText()).isEqualTo("123456789012");
            JsonNode statement = JSON.readTree(URLDecoder.decode(iam.getRolePolicy(b -> b.roleName(role)
                    .policyName(SchedulerRole.INLINE_POLICY)).policyDocument(), StandardCharsets.UTF_8)).get("Statement").get(0);
            assertThat(statement.get("Action").toString()).contains("lambda:InvokeFunction", "sqs:SendMessage", "sns:Publish", "events:PutEvents");
            assertThat(statement.get("Resource")).allSatisfy(r -> assertThat(r.asText()).matches(".*(run42-\\*|event-bus/default)"));

            SchedulerRole.delete(iam, role);
            assertThatThrownBy(() -> iam.getRole(b -> b.roleName(role))).isInstanceOf(NoSuchEntityException.class);
        }
    }
}
