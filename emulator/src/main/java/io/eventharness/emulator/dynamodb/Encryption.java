package io.eventharness.emulator.dynamodb;

import io.eventharness.emulator.core.Arn;
import software.amazon.awssdk.services.dynamodb.model.SSEDescription;
import software.amazon.awssdk.services.dynamodb.model.SSESpecification;
import software.amazon.awssdk.services.dynamodb.model.SSEStatus;
import software.amazon.awssdk.services.dynamodb.model.SSEType;

/**
 * Encryption at rest as a table describes it. Every DynamoDB table is encrypted; a specification with
 * {@code Enabled: true} asks for a KMS key (the AWS managed {@code alias/aws/dynamodb}, or the one named), which
 * DescribeTable then shows. There is nothing to encrypt in the emulator: this is what the table reports, not more.
 */
final class Encryption {
    private Encryption() {
    }

    /** What DescribeTable shows for a specification; null for the default (AWS owned key: no SSEDescription). */
    static SSEDescription describe(SSESpecification s, String region) {
        if (s == null || !Boolean.TRUE.equals(s.enabled())) {
            if (s != null && (s.sseType() != null || s.kmsMasterKeyId() != null)) {
                throw DynamoDbErrors.validation("One or more parameter values were invalid: SSEType and KMSMasterKeyId can only be specified when SSE is enabled");
            }
            return null;
        }
        if (s.sseType() != null && s.sseType() != SSEType.KMS) {
            throw DynamoDbErrors.validation("One or more parameter values were invalid: Unsupported SSEType: " + s.sseTypeAsString());
        }
        String key = s.kmsMasterKeyId();
        String keyArn = key == null ? Arn.of("kms", region, "alias/aws/dynamodb").toString()
                : key.startsWith("arn:") ? key : Arn.of("kms", region, (key.startsWith("alias/") ? "" : "key/") + key).toString();
        return SSEDescription.builder().status(SSEStatus.ENABLED).sseType(SSEType.KMS).kmsMasterKeyArn(keyArn).build();
    }
}
