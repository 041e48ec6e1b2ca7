package io.eventharness.emulator.sqs;

import io.eventharness.emulator.protocol.ServiceSpec.QueryName;
import java.util.Map;

/**
 * SQS's query-protocol names (the AWS CLI v2 from Debian and boto3 1.26 still speak it), which the
 * SDK's JSON model no longer carries: {@code Attribute.N.Name}, {@code MessageAttribute.N.Value.StringValue},
 * {@code SendMessageBatchRequestEntry.N.Id}, {@code <Message>} in results, …
 */
final class SqsQueryNames {
    private SqsQueryNames() {
    }

    static final Map<String, QueryName> NAMES = Map.ofEntries(
            Map.entry("AttributeNames", QueryName.flat("AttributeName")),
            Map.entry("MessageAttributeNames", QueryName.flat("MessageAttributeName")),
            Map.entry("MessageSystemAttributeNames", QueryName.flat("MessageSystemAttributeName")),
            Map.entry("Attributes", QueryName.flatMap("Attribute", "Name", "Value")),
            Map.entry("MessageAttributes", QueryName.flatMap("MessageAttribute", "Name", "Value")),
            Map.entry("MessageSystemAttributes", QueryName.flatMap("MessageSystemAttribute", "Name", "Value")),
            Map.entry("tags", QueryName.flatMap("Tag", "Key", "Value")),
            Map.entry("Tags", QueryName.flatMap("Tag", "Key", "Value")),
            Map.entry("TagKeys", QueryName.flat("TagKey")),
            Map.entry("StringListValues", QueryName.flat("StringListValue")),
            Map.entry("BinaryListValues", QueryName.flat("BinaryListValue")),
            Map.entry("SendMessageBatchRequest.Entries", QueryName.flat("SendMessageBatchRequestEntry")),
            Map.entry("DeleteMessageBatchRequest.Entries", QueryName.flat("DeleteMessageBatchRequestEntry")),
            Map.entry("ChangeMessageVisibilityBatchRequest.Entries", QueryName.flat("ChangeMessageVisibilityBatchRequestEntry")),
            Map.entry("SendMessageBatchResponse.Successful", QueryName.flat("SendMessageBatchResultEntry")),
            Map.entry("DeleteMessageBatchResponse.Successful", QueryName.flat("DeleteMessageBatchResultEntry")),
            Map.entry("ChangeMessageVisibilityBatchResponse.Successful", QueryName.flat("ChangeMessageVisibilityBatchResultEntry")),
            Map.entry("Failed", QueryName.flat("BatchResultErrorEntry")),
            Map.entry("Messages", QueryName.flat("Message")),
            Map.entry("QueueUrls", QueryName.flat("QueueUrl")),
            Map.entry("queueUrls", QueryName.flat("QueueUrl")),
            Map.entry("AWSAccountIds", QueryName.flat("AWSAccountId")),
            Map.entry("Actions", QueryName.flat("ActionName")));
}
