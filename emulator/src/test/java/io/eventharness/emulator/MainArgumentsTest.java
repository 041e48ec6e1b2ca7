package io.eventharness.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventharness.emulator.lambda.LambdaService;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The standalone emulator's flags, as {@link Main} turns them into an {@link Emulator.Builder}. */
class MainArgumentsTest {

    @Test
    void defaults() {
        Emulator.Settings b = Main.parse().settings();
        assertThat(b.port()).isEqualTo(4566);
        assertThat(b.host()).isEqualTo("127.0.0.1");
        assertThat(b.lambdaKeepAlive()).isEqualTo(Duration.ofMinutes(10));
        assertThat(b.lambdaAsyncWorkers()).isEqualTo(LambdaService.defaultAsyncWorkers()).isGreaterThanOrEqualTo(4);
        assertThat(b.requestLog()).as("no request log unless asked").isNull();
    }

    @Test
    void requestLogFlag() {
        assertThat(Main.parse("--request-log").settings().requestLog()).isNotNull();
    }

    @Test
    void theBannerNamesWhatItServes() {
        try (Emulator e = Emulator.builder().withDynamicPort().build().start()) {
            assertThat(Main.banner(e)).isEqualTo("Event Harness emulator listening on " + e.endpoint() + "\n"
                    + "  region       us-east-1\n"
                    + "  account      000000000000\n"
                    + "  credentials  any, not checked (export AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test "
                    + "AWS_DEFAULT_REGION=us-east-1)\n"
                    + "  policies     stored, not enforced (--enforce-policies enforces them)\n"
                    + "  services     " + String.join(", ", Emulator.SERVICES) + "\n"
                    + "  admin        " + e.endpoint() + "/_harness/health (clock, trail, settle: see the README)\n"
                    + "  request log  off (--request-log turns it on)");
        }
    }

    @Test
    void signaturesAndPoliciesAreOptIn() {
        assertThat(Main.parse().settings().verifySignatures()).isFalse();
        assertThat(Main.parse().settings().enforcePolicies()).isFalse();
        assertThat(Main.parse("--verify-signatures", "--enforce-policies").settings())
                .extracting(Emulator.Settings::verifySignatures, Emulator.Settings::enforcePolicies).containsExactly(true, true);
        assertThat(Main.USAGE).contains("--verify-signatures", "--enforce-policies");
    }

    @Test
    void theS3DestinationPolicyCheckIsOnUnlessSkipped() {
        assertThat(Main.parse().settings().s3DestinationPolicyCheck()).isTrue();
        assertThat(Main.parse("--skip-s3-destination-policy-check").settings().s3DestinationPolicyCheck()).isFalse();
        assertThat(Main.USAGE).contains("--skip-s3-destination-policy-check");
    }

    @Test
    void lambdaFlags() {
        Emulator.Settings b = Main.parse("--port", "0", "--lambda-keep-alive", "90s", "--lambda-async-workers", "3").settings();
        assertThat(b.port()).isZero();
        assertThat(b.lambdaKeepAlive()).isEqualTo(Duration.ofSeconds(90));
        assertThat(b.lambdaAsyncWorkers()).isEqualTo(3);
    }

    @ParameterizedTest
    @CsvSource({"0, PT0S", "500ms, PT0.5S", "90s, PT1M30S", "10m, PT10M", "2h, PT2H", "1d, PT24H", "PT10M, PT10M"})
    void keepAliveDurations(String flag, String expected) {
        assertThat(Main.parse("--lambda-keep-alive", flag).settings().lambdaKeepAlive()).isEqualTo(Duration.parse(expected));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "--lambda-keep-alive soon|--lambda-keep-alive needs a duration such as 90s, 10m or 2h, got 'soon'",
            "--lambda-keep-alive 10|--lambda-keep-alive needs a unit (ms, s, m, h, d), got '10'",
            "--lambda-keep-alive -PT1M|--lambda-keep-alive needs a duration such as 90s, 10m or 2h, got '-PT1M'",
            "--lambda-async-workers 0|--lambda-async-workers needs a whole number of at least 1, got '0'",
            "--lambda-async-workers many|--lambda-async-workers needs a whole number of at least 1, got 'many'",
            "--lambda-async-workers|--lambda-async-workers needs a value"})
    void badValuesSayWhatIsWrong(String args, String message) {
        assertThatThrownBy(() -> Main.parse(args.split(" "))).isInstanceOf(IllegalArgumentException.class).hasMessage(message);
    }
}
