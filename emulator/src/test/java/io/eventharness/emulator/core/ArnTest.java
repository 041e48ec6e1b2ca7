package io.eventharness.emulator.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ArnTest {

    @Test
    void partsOfAQueueArn() {
        Arn a = Arn.parse("arn:aws:sqs:eu-west-1:123456789012:orders");
        assertThat(a.partition()).isEqualTo("aws");
        assertThat(a.service()).isEqualTo("sqs");
        assertThat(a.region()).isEqualTo("eu-west-1");
        assertThat(a.account()).isEqualTo("123456789012");
        assertThat(a.resource()).isEqualTo("orders");
        assertThat(a.resourceType()).isEqualTo("orders");
        assertThat(a.resourceId()).isEqualTo("orders");
        assertThat(a.inEmulatedAccount()).isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "arn:aws:lambda:us-east-1:000000000000:function:resize:prod | function | resize:prod | prod",
            "arn:aws:iam::000000000000:role/service-role/exec | role | service-role/exec | exec",
            "arn:aws:dynamodb:us-east-1:000000000000:table/t/stream/2026-12-07T00:00:00.000 | table | t/stream/2026-12-07T00:00:00.000 | 00.000",
            "arn:aws:s3:::bucket/key/with:colon | bucket | key/with:colon | colon",
            "arn:aws:sns:us-east-1:000000000000:topic:6f1c | topic | 6f1c | 6f1c"})
    void resourcesWithTypes(String text, String type, String id, String name) {
        Arn a = Arn.parse(text);
        assertThat(a.resourceType()).isEqualTo(type);
        assertThat(a.resourceId()).isEqualTo(id);
        assertThat(a.resourceName()).isEqualTo(name);
        assertThat(a).hasToString(text);
    }

    @Test
    void builtInTheEmulatedAccount() {
        assertThat(Arn.of("lambda", "us-west-2", "function:f")).hasToString("arn:aws:lambda:us-west-2:000000000000:function:f");
        assertThat(Arn.global("iam", "role/r")).hasToString("arn:aws:iam::000000000000:role/r");
        assertThat(Arn.global("iam", "role/r").inEmulatedAccount()).isTrue();
        assertThat(Arn.parse("arn:aws:sqs:us-east-1:000000000000:q").withResource("dlq"))
                .hasToString("arn:aws:sqs:us-east-1:000000000000:dlq");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"not-an-arn", "arn:aws:sqs:us-east-1:000000000000", "arn::sqs:r:a:q",
            "arn:aws::r:a:q", "arn:aws:sqs:r:a:", "urn:aws:sqs:r:a:q"})
    void malformedTextIsRefusedWithAReason(String text) {
        assertThatThrownBy(() -> Arn.parse(text)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(text);
        assertThat(Arn.tryParse(text)).isEmpty();
        assertThat(Arn.serviceOf(text)).isEmpty();
    }

    @Test
    void nullIsNoArn() {
        assertThat(Arn.tryParse(null)).isEmpty();
        assertThatThrownBy(() -> Arn.parse(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
