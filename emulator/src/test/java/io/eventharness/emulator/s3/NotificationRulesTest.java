package io.eventharness.emulator.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventharness.emulator.core.AwsException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.model.Event;
import software.amazon.awssdk.services.s3.model.NotificationConfiguration;

/** The destination check, with a lookup that knows one queue (the SDK tests run with every ARN accepted). */
class NotificationRulesTest {
    private static final String KNOWN = "arn:aws:sqs:us-east-1:000000000000:known";
    private static final String MISSING = "arn:aws:sqs:us-east-1:000000000000:missing";
    private final S3Destinations destinations = arn -> arn.toString().equals(KNOWN);

    private static NotificationConfiguration to(String arn) {
        return NotificationConfiguration.builder().queueConfigurations(q -> q.queueArn(arn).events(Event.S3_OBJECT_CREATED)).build();
    }

    @Test
    void missingDestinationIsRejectedUnlessValidationIsSkipped() {
        assertThat(NotificationRules.validate(to(KNOWN), destinations, false).queueConfigurations()).hasSize(1);
        assertThatThrownBy(() -> NotificationRules.validate(to(MISSING), destinations, false))
                .isInstanceOfSatisfying(AwsException.class, e -> {
                    assertThat(e.code()).isEqualTo("InvalidArgument");
                    assertThat(e.getMessage()).startsWith("Unable to validate the following destination configurations").contains(MISSING);
                });
        assertThat(NotificationRules.validate(to(MISSING), destinations, true).queueConfigurations()).hasSize(1);
    }
}
