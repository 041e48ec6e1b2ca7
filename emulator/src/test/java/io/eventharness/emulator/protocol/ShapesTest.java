package io.eventharness.emulator.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.traits.TimestampFormatTrait;

class ShapesTest {
    /** HTTP dates (Last-Modified, Expires) are RFC 9110's IMF-fixdate: a day before the 10th has two digits too. */
    @Test
    void httpDatesHaveATwoDigitDay() {
        assertThat(Shapes.formatInstant(Instant.parse("2026-12-07T03:04:05Z"), TimestampFormatTrait.Format.RFC_822))
                .isEqualTo("Mon, 07 Dec 2026 03:04:05 GMT");
    }
}
