package io.eventharness.emulator.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventharness.emulator.core.ResourcePolicy.ServiceRequest;
import org.junit.jupiter.api.Test;

/** IAM's evaluation of a resource policy for a service's request, as far as the emulator reads it. */
class ResourcePolicyTest {
    private static final String QUEUE = "arn:aws:sqs:us-east-1:000000000000:events";
    private static final ServiceRequest FROM_UPLOADS = new ServiceRequest("s3.amazonaws.com", "sqs:SendMessage", QUEUE,
            "arn:aws:s3:::uploads", "000000000000");

    private static String policy(String... statements) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[" + String.join(",", statements) + "]}";
    }

    private static String statement(String effect, String principal, String action, String condition) {
        return "{\"Effect\":\"" + effect + "\",\"Principal\":" + principal + ",\"Action\":" + action + ",\"Resource\":\"" + QUEUE
                + "\"" + (condition == null ? "" : ",\"Condition\":" + condition) + "}";
    }

    @Test
    void anAllowForTheServiceAndSourceAllows() {
        assertThat(ResourcePolicy.allows(policy(statement("Allow", "{\"Service\":\"s3.amazonaws.com\"}", "\"SQS:SendMessage\"",
                "{\"ArnLike\":{\"aws:SourceArn\":\"arn:aws:s3:*:*:upl*\"},\"StringEquals\":{\"AWS:SourceAccount\":\"000000000000\"}}")),
                FROM_UPLOADS)).isTrue();
        assertThat(ResourcePolicy.allows(policy(statement("Allow", "\"*\"", "[\"sqs:*\"]", null)), FROM_UPLOADS)).isTrue();
        assertThat(ResourcePolicy.allows(policy(statement("Allow", "{\"AWS\":\"*\"}", "\"*\"", null)), FROM_UPLOADS)).isTrue();
    }

    @Test
    void nothingAllowsWithoutAMatchingAllow() {
        assertThat(ResourcePolicy.allows(null, FROM_UPLOADS)).isFalse();
        assertThat(ResourcePolicy.allows("not json", FROM_UPLOADS)).isFalse();
        assertThat(ResourcePolicy.allows(policy(statement("Allow", "{\"Service\":\"sns.amazonaws.com\"}", "\"sqs:SendMessage\"", null)),
                FROM_UPLOADS)).as("another service").isFalse();
        assertThat(ResourcePolicy.allows(policy(statement("Allow", "{\"Service\":\"s3.amazonaws.com\"}", "\"sqs:ReceiveMessage\"", null)),
                FROM_UPLOADS)).as("another action").isFalse();
        assertThat(ResourcePolicy.allows(policy(statement("Allow", "{\"Service\":\"s3.amazonaws.com\"}", "\"sqs:SendMessage\"",
                "{\"ArnEquals\":{\"aws:SourceArn\":\"arn:aws:s3:::downloads\"}}")), FROM_UPLOADS)).as("another bucket").isFalse();
        // SNS's default topic policy: the owner's principals, with a condition a service's request does not carry
        assertThat(ResourcePolicy.allows(policy(statement("Allow", "{\"AWS\":\"*\"}", "\"sqs:SendMessage\"",
                "{\"StringEquals\":{\"AWS:SourceOwner\":\"000000000000\"}}")), FROM_UPLOADS)).isFalse();
    }

    @Test
    void aMatchingDenyWins() {
        assertThat(ResourcePolicy.allows(policy(statement("Allow", "\"*\"", "\"sqs:*\"", null),
                statement("Deny", "{\"Service\":[\"sns.amazonaws.com\",\"s3.amazonaws.com\"]}", "\"sqs:Send*\"", null)),
                FROM_UPLOADS)).isFalse();
    }
}
