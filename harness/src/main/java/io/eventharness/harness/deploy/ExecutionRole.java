package io.eventharness.harness.deploy;

import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;

/**
 * The execution role functions run with: created when missing (trusting {@code lambda.amazonaws.com},
 * with {@code AWSLambdaBasicExecutionRole} attached so logs reach CloudWatch), one per test run.
 */
public final class ExecutionRole {
    static final String TRUST = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Principal\":{\"Service\":\"lambda.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";
    static final String BASIC = "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole";

    private ExecutionRole() {
    }

    /** The role's ARN, creating it if it does not exist. */
    public static String ensure(IamClient iam, String roleName) {
        try {
            return iam.getRole(b -> b.roleName(roleName)).role().arn();
        } catch (NoSuchEntityException e) {
            String arn = iam.createRole(b -> b.roleName(roleName).assumeRolePolicyDocument(TRUST)
                    .description("Event Harness: execution role of test functions")).role().arn();
            iam.attachRolePolicy(b -> b.roleName(roleName).policyArn(BASIC));
            return arn;
        }
    }

    /** Deletes the role (detaching its policy first); quiet when it is gone. */
    public static void delete(IamClient iam, String roleName) {
        try {
            iam.detachRolePolicy(b -> b.roleName(roleName).policyArn(BASIC));
        } catch (RuntimeException ignored) {
            // not attached, or gone
        }
        try {
            iam.deleteRole(b -> b.roleName(roleName));
        } catch (RuntimeException ignored) {
            // gone
        }
    }
}
