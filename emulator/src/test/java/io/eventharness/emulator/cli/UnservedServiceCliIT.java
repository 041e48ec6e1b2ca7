package io.eventharness.emulator.cli;

import static io.eventharness.emulator.cli.Cli.aws;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * A service the standalone emulator does not serve, through Debian's AWS CLI v2 and boto3: the error names the
 * service and those served, in each protocol's envelope (awsJson, query, restJson1, restXml), at the first attempt.
 */
class UnservedServiceCliIT {
    private static final int SERVICE_ERROR = 254;
    private static final String SERVED = "it serves " + String.join(", ", io.eventharness.emulator.Emulator.SERVICES);

    @Test
    void eachProtocolsClientReadsTheError() {
        for (String[] call : new String[][] {
                {"ssm", "describe-parameters"},         // awsJson 1.1
                {"cloudformation", "list-stacks"},      // query
                {"apigateway", "get-rest-apis"},        // restJson1
                {"route53", "list-hosted-zones"}}) {    // restXml
            Cli.Result r = aws(Cli.systemAws(), call).failsWith(SERVICE_ERROR, "NotImplemented");
            assertThat(r.stderr()).as(String.join(" ", call))
                    .contains("The Event Harness emulator does not serve " + call[0] + "; " + SERVED);
        }
    }

    @Test
    void boto3GetsAClientErrorWithTheCode() {
        JsonNode r = Boto3.run("""
                out(error_of(lambda: client("ssm").describe_parameters()))
                """);
        assertThat(r.path("type").asText()).isEqualTo("ClientError");
        assertThat(r.path("code").asText()).isEqualTo("NotImplemented");
        assertThat(r.path("status").asInt()).isEqualTo(501);
    }
}
