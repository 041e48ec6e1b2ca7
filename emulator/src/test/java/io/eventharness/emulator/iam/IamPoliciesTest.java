package io.eventharness.emulator.iam;

import static io.eventharness.emulator.iam.IamRolesTest.TRUST;
import static io.eventharness.emulator.iam.IamRolesTest.decode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventharness.emulator.TestAws;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AttachedPolicy;
import software.amazon.awssdk.services.iam.model.DeleteConflictException;
import software.amazon.awssdk.services.iam.model.EntityAlreadyExistsException;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.iam.model.InvalidInputException;
import software.amazon.awssdk.services.iam.model.LimitExceededException;
import software.amazon.awssdk.services.iam.model.MalformedPolicyDocumentException;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.Policy;
import software.amazon.awssdk.services.iam.model.PolicyScopeType;

class IamPoliciesTest {
    static final String BASIC = "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole";
    static final String EXECUTE = "arn:aws:iam::aws:policy/AWSLambdaExecute";
    static final String ALLOW_SQS = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Action\":[\"sqs:SendMessage\"],\"Resource\":\"arn:aws:sqs:us-east-1:000000000000:orders\"}]}";

    private final IamClient iam = TestAws.iam();

    private String role() {
        String name = TestAws.unique("role");
        iam.createRole(b -> b.roleName(name).assumeRolePolicyDocument(TRUST));
        return name;
    }

    @Test
    void attachAwsManagedPoliciesAndDeleteConflict() {
        String role = role();
        iam.attachRolePolicy(b -> b.roleName(role).policyArn(BASIC));
        iam.attachRolePolicy(b -> b.roleName(role).policyArn(EXECUTE));
        iam.attachRolePolicy(b -> b.roleName(role).policyArn(EXECUTE)); // attaching twice is a no-op
        assertThat(iam.listAttachedRolePolicies(b -> b.roleName(role)).attachedPolicies())
                .extracting(AttachedPolicy::policyName).containsExactlyInAnyOrder("AWSLambdaBasicExecutionRole", "AWSLambdaExecute");
        assertThat(iam.listAttachedRolePolicies(b -> b.roleName(role).pathPrefix("/service-role/")).attachedPolicies())
                .extracting(AttachedPolicy::policyArn).containsExactly(BASIC);

        assertThatThrownBy(() -> iam.deleteRole(b -> b.roleName(role)))
                .isInstanceOf(DeleteConflictException.class).hasMessageContaining("detach")
                .satisfies(e -> assertThat(((IamException) e).statusCode()).isEqualTo(409));
        iam.detachRolePolicy(b -> b.roleName(role).policyArn(BASIC));
        iam.detachRolePolicy(b -> b.roleName(role).policyArn(EXECUTE));
        assertThatThrownBy(() -> iam.detachRolePolicy(b -> b.roleName(role).policyArn(EXECUTE)))
                .isInstanceOf(NoSuchEntityException.class);
        iam.deleteRole(b -> b.roleName(role));
    }

    @Test
    void unknownOrMalformedPolicyArns() {
        String role = role();
        assertThatThrownBy(() -> iam.attachRolePolicy(b -> b.roleName(role).policyArn("arn:aws:iam::000000000000:policy/" + TestAws.unique("nope"))))
                .isInstanceOf(NoSuchEntityException.class).hasMessageContaining("does not exist or is not attachable");
        assertThatThrownBy(() -> iam.attachRolePolicy(b -> b.roleName(role).policyArn("arn:aws:s3:::not-a-policy-arn")))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> iam.attachRolePolicy(b -> b.roleName(role + "-missing").policyArn(BASIC)))
                .isInstanceOf(NoSuchEntityException.class);
        for (int i = 0; i < 10; i++) {
            int n = i;
            iam.attachRolePolicy(b -> b.roleName(role).policyArn("arn:aws:iam::aws:policy/Managed" + n));
        }
        assertThatThrownBy(() -> iam.attachRolePolicy(b -> b.roleName(role).policyArn(BASIC)))
                .isInstanceOf(LimitExceededException.class).hasMessageContaining("PoliciesPerRole");
    }

    @Test
    void inlineRolePolicies() {
        String role = role();
        iam.putRolePolicy(b -> b.roleName(role).policyName("send").policyDocument(ALLOW_SQS));
        iam.putRolePolicy(b -> b.roleName(role).policyName("also").policyDocument(ALLOW_SQS));
        var got = iam.getRolePolicy(b -> b.roleName(role).policyName("send"));
        assertThat(got.roleName()).isEqualTo(role);
        assertThat(got.policyDocument()).startsWith("%7B%22Version%22");
        assertThat(decode(got.policyDocument())).isEqualTo(ALLOW_SQS);
        assertThat(iam.listRolePolicies(b -> b.roleName(role)).policyNames()).containsExactly("also", "send");
        assertThat(iam.listRolePoliciesPaginator(b -> b.roleName(role).maxItems(1)).policyNames()).containsExactly("also", "send");

        assertThatThrownBy(() -> iam.deleteRole(b -> b.roleName(role))).isInstanceOf(DeleteConflictException.class);
        assertThatThrownBy(() -> iam.putRolePolicy(b -> b.roleName(role).policyName("bad").policyDocument(TRUST)))
                .isInstanceOf(MalformedPolicyDocumentException.class); // an identity policy names no principal
        assertThatThrownBy(() -> iam.putRolePolicy(b -> b.roleName(role).policyName("bad")
                .policyDocument("{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:*\"}]}")))
                .isInstanceOf(MalformedPolicyDocumentException.class).hasMessageContaining("resources");
        String huge = ALLOW_SQS.replace("orders", "o".repeat(5000));
        iam.putRolePolicy(b -> b.roleName(role).policyName("big1").policyDocument(huge));
        assertThatThrownBy(() -> iam.putRolePolicy(b -> b.roleName(role).policyName("big2").policyDocument(huge)))
                .isInstanceOf(LimitExceededException.class);

        iam.deleteRolePolicy(b -> b.roleName(role).policyName("send"));
        iam.deleteRolePolicy(b -> b.roleName(role).policyName("also"));
        iam.deleteRolePolicy(b -> b.roleName(role).policyName("big1"));
        assertThatThrownBy(() -> iam.getRolePolicy(b -> b.roleName(role).policyName("send"))).isInstanceOf(NoSuchEntityException.class);
        assertThatThrownBy(() -> iam.deleteRolePolicy(b -> b.roleName(role).policyName("send"))).isInstanceOf(NoSuchEntityException.class);
        iam.deleteRole(b -> b.roleName(role));
    }

    @Test
    void customerManagedPolicies() {
        String name = TestAws.unique("send-orders");
        Policy p = iam.createPolicy(b -> b.policyName(name).path("/app/").policyDocument(ALLOW_SQS).description("send")).policy();
        assertThat(p.arn()).isEqualTo("arn:aws:iam::000000000000:policy/app/" + name);
        assertThat(p.policyId()).startsWith("ANPA");
        assertThat(p.defaultVersionId()).isEqualTo("v1");
        assertThat(p.attachmentCount()).isZero();
        assertThatThrownBy(() -> iam.createPolicy(b -> b.policyName(name).policyDocument(ALLOW_SQS)))
                .isInstanceOf(EntityAlreadyExistsException.class);
        assertThatThrownBy(() -> iam.createPolicy(b -> b.policyName(TestAws.unique("bad")).policyDocument("{nope")))
                .isInstanceOf(MalformedPolicyDocumentException.class);

        String role = role();
        iam.attachRolePolicy(b -> b.roleName(role).policyArn(p.arn()));
        Policy got = iam.getPolicy(b -> b.policyArn(p.arn())).policy();
        assertThat(got.attachmentCount()).isEqualTo(1);
        assertThat(got.description()).isEqualTo("send");
        var version = iam.getPolicyVersion(b -> b.policyArn(p.arn()).versionId("v1")).policyVersion();
        assertThat(version.isDefaultVersion()).isTrue();
        assertThat(decode(version.document())).isEqualTo(ALLOW_SQS);
        assertThatThrownBy(() -> iam.getPolicyVersion(b -> b.policyArn(p.arn()).versionId("v2"))).isInstanceOf(NoSuchEntityException.class);

        assertThat(iam.listPoliciesPaginator(b -> b.scope(PolicyScopeType.LOCAL).pathPrefix("/app/").maxItems(1)).policies())
                .extracting(Policy::policyName).contains(name);
        assertThat(iam.listPolicies(b -> b.scope(PolicyScopeType.LOCAL).onlyAttached(true).maxItems(1000)).policies())
                .extracting(Policy::arn).contains(p.arn());
        assertThat(iam.listPolicies(b -> b.scope(PolicyScopeType.AWS).maxItems(1000)).policies())
                .extracting(Policy::arn).contains(BASIC, EXECUTE).doesNotContain(p.arn());

        assertThatThrownBy(() -> iam.deletePolicy(b -> b.policyArn(p.arn())))
                .isInstanceOf(DeleteConflictException.class);
        iam.detachRolePolicy(b -> b.roleName(role).policyArn(p.arn()));
        iam.deletePolicy(b -> b.policyArn(p.arn()));
        assertThatThrownBy(() -> iam.getPolicy(b -> b.policyArn(p.arn()))).isInstanceOf(NoSuchEntityException.class);
        assertThatThrownBy(() -> iam.attachRolePolicy(b -> b.roleName(role).policyArn(p.arn()))).isInstanceOf(NoSuchEntityException.class);
    }

    @Test
    void awsManagedPolicyDocumentsCanBeRead() {
        Policy basic = iam.getPolicy(b -> b.policyArn(BASIC)).policy();
        assertThat(basic.policyName()).isEqualTo("AWSLambdaBasicExecutionRole");
        assertThat(basic.path()).isEqualTo("/service-role/");
        assertThat(basic.policyId()).isEqualTo(iam.getPolicy(b -> b.policyArn(BASIC)).policy().policyId());
        String doc = decode(iam.getPolicyVersion(b -> b.policyArn(BASIC).versionId("v1")).policyVersion().document());
        assertThat(doc).contains("logs:CreateLogGroup", "logs:PutLogEvents");
        assertThatThrownBy(() -> iam.deletePolicy(b -> b.policyArn(BASIC))).isInstanceOf(IamException.class)
                .satisfies(e -> assertThat(((IamException) e).statusCode()).isEqualTo(403));
    }
}
