package io.eventharness.emulator.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventharness.emulator.core.Arn;
import io.eventharness.emulator.core.AwsException;
import io.eventharness.emulator.s3.NotificationRules.DestinationCheck;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.model.Event;
import software.amazon.awssdk.services.s3.model.NotificationConfiguration;

/**
 * The destination checks, with a lookup that knows two queues, one of which allows S3 (the SDK tests cover the
 * real services behind it).
 */
class NotificationRulesTest {
    private static final String ALLOWING = "arn:aws:sqs:us-east-1:000000000000:allowing";
    private static final String CLOSED = "arn:aws:sqs:us-east-1:000000000000:closed";
    private static final String MISSING = "arn:aws:sqs:us-east-1:000000000000:missing";
    private static final Arn BUCKET = Arn.parse("arn:aws:s3:::uploads");
    private final S3Destinations destinations = new S3Destinations() {
        @Override
        public boolean exists(Arn d) {
            return d.toString().equals(ALLOWING) || d.toString().equals(CLOSED);
        }

        @Override
        public boolean allowsS3(Arn d, Arn bucket) {
            return d.toString().equals(ALLOWING) && bucket.equals(BUCKET);
        }
    };

    private static NotificationConfiguration to(String... arns) {
        NotificationConfiguration.Builder b = NotificationConfiguration.builder();
        // one prefix each, so that the configurations do not overlap
        b.queueConfigurations(java.util.stream.IntStream.range(0, arns.length).mapToObj(i -> software.amazon.awssdk.services.s3
                .model.QueueConfiguration.builder().queueArn(arns[i]).events(Event.S3_OBJECT_CREATED).filter(f -> f.key(k -> k
                        .filterRules(r -> r.name("PREFIX").value("p" + i + "/")))).build()).toList());
        return b.build();
    }

    private NotificationRules.Validated validate(NotificationConfiguration c, DestinationCheck check) {
        return NotificationRules.validate(c, destinations, check, BUCKET);
    }

    @Test
    void aDestinationThatExistsAndAllowsS3IsStoredAndTested() {
        NotificationRules.Validated v = validate(to(ALLOWING), DestinationCheck.EXISTENCE_AND_POLICY);
        assertThat(v.configuration().queueConfigurations()).singleElement().satisfies(q -> {
            assertThat(q.id()).isNotBlank();
            assertThat(q.filter().key().filterRules().get(0).nameAsString()).isEqualTo("Prefix"); // as S3 returns it
        });
        assertThat(v.tested()).containsExactly(Arn.parse(ALLOWING));
    }

    @Test
    void everyFailingDestinationIsNamedWithItsReason() {
        assertThatThrownBy(() -> validate(to(ALLOWING, MISSING, CLOSED), DestinationCheck.EXISTENCE_AND_POLICY))
                .isInstanceOfSatisfying(AwsException.class, e -> {
                    assertThat(e.code()).isEqualTo("InvalidArgument");
                    assertThat(e.getMessage()).isEqualTo("Unable to validate the following destination configurations");
                    assertThat(e.members()).containsExactly(
                            java.util.Map.entry("ArgumentName1", MISSING),
                            java.util.Map.entry("ArgumentValue1", "The destination queue does not exist"),
                            java.util.Map.entry("ArgumentName2", CLOSED),
                            java.util.Map.entry("ArgumentValue2",
                                    "Permissions on the destination queue do not allow S3 to publish notifications from this bucket"));
                });
    }

    @Test
    void withoutThePolicyCheckOnlyExistenceCountsAndSkippingChecksNothing() {
        assertThat(validate(to(CLOSED), DestinationCheck.EXISTENCE).tested()).containsExactly(Arn.parse(CLOSED));
        assertThatThrownBy(() -> validate(to(MISSING), DestinationCheck.EXISTENCE)).isInstanceOf(AwsException.class);
        NotificationRules.Validated skipped = validate(to(MISSING), DestinationCheck.SKIPPED);
        assertThat(skipped.configuration().queueConfigurations()).hasSize(1);
        assertThat(skipped.tested()).as("no test message without validation").isEmpty();
    }
}
