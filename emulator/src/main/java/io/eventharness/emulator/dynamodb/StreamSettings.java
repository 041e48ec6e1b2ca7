package io.eventharness.emulator.dynamodb;

import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

/** The checks of a {@code StreamSpecification} in CreateTable and UpdateTable. */
final class StreamSettings {
    private StreamSettings() {
    }

    static void validate(StreamSpecification s) {
        if (s == null) {
            return;
        }
        new Constraints().notNull(s.streamEnabled(), "streamSpecification.streamEnabled")
                .enumValue(s.streamViewType(), s.streamViewTypeAsString(), "streamSpecification.streamViewType",
                        "NEW_IMAGE, OLD_IMAGE, NEW_AND_OLD_IMAGES, KEYS_ONLY").check();
        if (s.streamEnabled() && s.streamViewType() == null) {
            throw DynamoDbErrors.validation("One or more parameter values were invalid: StreamViewType is required when StreamEnabled is true");
        }
        if (!s.streamEnabled() && s.streamViewType() != null && s.streamViewType() != StreamViewType.UNKNOWN_TO_SDK_VERSION) {
            throw DynamoDbErrors.validation("One or more parameter values were invalid: StreamViewType cannot be specified when StreamEnabled is false");
        }
    }
}
