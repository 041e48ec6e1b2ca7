package io.eventharness.emulator.dynamodb.streams;

import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.OperationType;

/**
 * A real change of one item, as the table hands it to its stream: the stream keeps of it what its view type says.
 *
 * @param eventName INSERT, MODIFY or REMOVE
 * @param keys      the item's key attributes
 * @param oldImage  the item before (null for INSERT)
 * @param newImage  the item after (null for REMOVE)
 * @param byTtl     whether Time to Live deleted the item (the record then names DynamoDB as the user)
 */
public record Change(OperationType eventName, Map<String, AttributeValue> keys, Map<String, AttributeValue> oldImage,
                     Map<String, AttributeValue> newImage, boolean byTtl) {

    /** The change from {@code before} to {@code after} (either null for an insert or a delete). */
    public static Change of(Map<String, AttributeValue> keys, Map<String, AttributeValue> before, Map<String, AttributeValue> after,
                            boolean byTtl) {
        OperationType t = before == null ? OperationType.INSERT : after == null ? OperationType.REMOVE : OperationType.MODIFY;
        return new Change(t, keys, before, after, byTtl);
    }
}
