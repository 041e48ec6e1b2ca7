package io.eventharness.emulator.cli;

import static io.eventharness.emulator.cli.Cli.aws;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** STS (query protocol) through Debian's AWS CLI v2 and boto3: who the test credentials are. */
class StsCliIT {

    @Test
    void getCallerIdentity() {
        JsonNode id = aws(Cli.systemAws(), "sts", "get-caller-identity").json();
        assertThat(id.path("Account").asText()).isEqualTo("000000000000");
        assertThat(id.path("Arn").asText()).startsWith("arn:aws:").contains(":000000000000:");
        assertThat(id.path("UserId").asText()).isNotEmpty();
    }

    @Test
    void boto3GetCallerIdentity() {
        JsonNode id = Boto3.run("""
                out(client("sts").get_caller_identity())
                """);
        assertThat(id.path("Account").asText()).isEqualTo("000000000000");
        assertThat(id.path("Arn").asText()).contains(":000000000000:");
    }
}
