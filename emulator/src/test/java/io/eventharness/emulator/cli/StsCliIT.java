package io.eventharness.emulator.cli;

import static io.eventharness.emulator.cli.Cli.aws;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** STS (query protocol) through Debian's AWS CLI v2 and boto3: who the test credentials are, and assumed roles. */
class StsCliIT {
    private static final String TRUST = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Principal\":{\"AWS\":\"arn:aws:iam::000000000000:root\"},\"Action\":\"sts:AssumeRole\"}]}";
    private static final int SERVICE_ERROR = 254;

    @Test
    void getCallerIdentity() {
        JsonNode id = aws(Cli.systemAws(), "sts", "get-caller-identity").json();
        assertThat(id.path("Account").asText()).isEqualTo("000000000000");
        assertThat(id.path("Arn").asText()).startsWith("arn:aws:").contains(":000000000000:");
        assertThat(id.path("UserId").asText()).isNotEmpty();
    }

    @Test
    void assumeRoleGivesCredentialsThatAreThatRole() {
        String role = Cli.unique("cli-assumed");
        String roleArn = aws(Cli.systemAws(), "iam", "create-role", "--role-name", role, "--assume-role-policy-document", TRUST)
                .json().path("Role").path("Arn").asText();
        JsonNode assumed = aws(Cli.systemAws(), "sts", "assume-role", "--role-arn", roleArn, "--role-session-name", "cli-session",
                "--duration-seconds", "900").json();
        String assumedArn = "arn:aws:sts::000000000000:assumed-role/" + role + "/cli-session";
        assertThat(assumed.path("AssumedRoleUser").path("Arn").asText()).isEqualTo(assumedArn);
        assertThat(assumed.path("AssumedRoleUser").path("AssumedRoleId").asText()).endsWith(":cli-session");
        JsonNode creds = assumed.path("Credentials");
        assertThat(creds.path("AccessKeyId").asText()).startsWith("ASIA");
        assertThat(creds.path("SessionToken").asText()).isNotEmpty();

        // A user exports the three values and is then the role.
        JsonNode id = Cli.awsWith(Map.of("AWS_ACCESS_KEY_ID", creds.path("AccessKeyId").asText(),
                "AWS_SECRET_ACCESS_KEY", creds.path("SecretAccessKey").asText(),
                "AWS_SESSION_TOKEN", creds.path("SessionToken").asText()), Cli.systemAws(), "sts", "get-caller-identity").json();
        assertThat(id.path("Arn").asText()).isEqualTo(assumedArn);
        assertThat(id.path("Account").asText()).isEqualTo("000000000000");

        aws(Cli.systemAws(), "sts", "assume-role", "--role-arn", roleArn + "-absent", "--role-session-name", "denied")
                .failsWith(SERVICE_ERROR, "AccessDenied");
    }

    @Test
    void boto3GetCallerIdentityAndAssumeRole() {
        JsonNode r = Boto3.run("""
                role = client("iam").create_role(RoleName="%s", AssumeRolePolicyDocument='%s')["Role"]["Arn"]
                creds = client("sts").assume_role(RoleArn=role, RoleSessionName="boto3")["Credentials"]
                session = boto3.client("sts", endpoint_url=os.environ["ENDPOINT"], aws_access_key_id=creds["AccessKeyId"],
                                       aws_secret_access_key=creds["SecretAccessKey"], aws_session_token=creds["SessionToken"])
                out({"me": client("sts").get_caller_identity(), "assumed": session.get_caller_identity()})
                """.formatted(Cli.unique("boto-assumed"), TRUST));
        assertThat(r.path("me").path("Account").asText()).isEqualTo("000000000000");
        assertThat(r.path("me").path("Arn").asText()).contains(":000000000000:");
        assertThat(r.path("assumed").path("Arn").asText()).startsWith("arn:aws:sts::000000000000:assumed-role/boto-assumed-")
                .endsWith("/boto3");
    }
}
