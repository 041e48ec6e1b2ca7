package io.eventharness.emulator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.eventharness.emulator.standalone.StandaloneProcess;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The standalone jar with {@code --verify-signatures --enforce-policies}, driven by Debian's AWS CLI v2 and boto3 as
 * the seed book's section 2-3 has a reader do it: a wrong secret is refused; a user without
 * {@code lambda:InvokeFunction} is refused with AWS's message; the book's {@code devuser} with
 * {@code AWSLambda_FullAccess} creates and invokes {@code HelloLambda}. The root user ({@code test}/{@code test})
 * sets up users and roles, as an administrator would.
 */
class PermissionsCliIT {
    private static final String TRUST = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Principal\":{\"Service\":\"lambda.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";
    private static final int SERVICE_ERROR = 254;
    private static final Map<String, String> ROOT = Map.of();
    @TempDir
    static Path dir;
    private static Path zip;
    private static StandaloneProcess emulator;
    private static URI endpoint;

    @BeforeAll
    static void start() throws Exception {
        zip = dir.resolve("function.zip"); // the book's lambda_function.py
        Path source = io.eventharness.emulator.lambda.runtime.Functions.python("python-book").resolve("lambda_function.py");
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(out)) {
            z.putNextEntry(new ZipEntry("lambda_function.py"));
            z.write(Files.readAllBytes(source));
            z.closeEntry();
        }
        emulator = StandaloneProcess.start("--port", "0", "--verify-signatures", "--enforce-policies");
        endpoint = emulator.awaitReady(Duration.ofSeconds(60));
    }

    @AfterAll
    static void stop() {
        if (emulator != null) {
            emulator.close();
        }
    }

    private static Cli.Result aws(Map<String, String> as, String... args) {
        return Cli.awsAt(endpoint, as, Cli.systemAws(), args);
    }

    /** A user with an access key and these AWS managed policies attached; its credentials as environment variables. */
    private static Map<String, String> user(String name, String... managed) {
        aws(ROOT, "iam", "create-user", "--user-name", name).json();
        for (String policy : managed) {
            aws(ROOT, "iam", "attach-user-policy", "--user-name", name, "--policy-arn", policy).json();
        }
        JsonNode key = aws(ROOT, "iam", "create-access-key", "--user-name", name).json().path("AccessKey");
        return Map.of("AWS_ACCESS_KEY_ID", key.path("AccessKeyId").asText(),
                "AWS_SECRET_ACCESS_KEY", key.path("SecretAccessKey").asText());
    }

    private static String role(String name) {
        return aws(ROOT, "iam", "create-role", "--role-name", name, "--assume-role-policy-document", TRUST)
                .json().path("Role").path("Arn").asText();
    }

    private static void createHello(Map<String, String> as, String name, String role) {
        aws(as, "lambda", "create-function", "--function-name", name, "--runtime", "python3.12",
                "--handler", "lambda_function.myfunc01_handler", "--role", role, "--zip-file", "fileb://" + zip).json();
        aws(as, "lambda", "wait", "function-active-v2", "--function-name", name).json();
    }

    @Test
    void aWrongSecretIsRefused() {
        Map<String, String> wrong = Map.of("AWS_SECRET_ACCESS_KEY", "not-the-secret");
        aws(wrong, "sts", "get-caller-identity").failsWith(SERVICE_ERROR, "SignatureDoesNotMatch");
        aws(wrong, "lambda", "list-functions").failsWith(SERVICE_ERROR, "InvalidSignatureException");
        aws(Map.of("AWS_ACCESS_KEY_ID", "AKIANOTAKEY000000000"), "sqs", "list-queues")
                .failsWith(SERVICE_ERROR, "InvalidClientTokenId");
        assertThat(aws(ROOT, "sts", "get-caller-identity").json().path("Arn").asText()).isEqualTo("arn:aws:iam::000000000000:root");
    }

    @Test
    void aUserWithoutInvokeFunctionIsRefused() {
        createHello(ROOT, "LockedLambda", role("locked-role"));
        Map<String, String> reader = user("reader");
        aws(ROOT, "iam", "put-user-policy", "--user-name", "reader", "--policy-name", "read-only", "--policy-document",
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"lambda:GetFunction\","
                        + "\"lambda:ListFunctions\"],\"Resource\":\"*\"}]}").json();
        assertThat(aws(reader, "lambda", "get-function", "--function-name", "LockedLambda").json()
                .path("Configuration").path("FunctionName").asText()).isEqualTo("LockedLambda");

        Cli.Result refused = aws(reader, "lambda", "invoke", "--function-name", "LockedLambda", "--cli-binary-format",
                "raw-in-base64-out", "--payload", "{\"x\":10,\"y\":2}", dir.resolve("refused.json").toString())
                .failsWith(SERVICE_ERROR, "AccessDeniedException");
        assertThat(refused.stderr()).contains("User: arn:aws:iam::000000000000:user/reader is not authorized to perform: "
                + "lambda:InvokeFunction on resource: arn:aws:lambda:us-east-1:000000000000:function:LockedLambda because no "
                + "identity-based policy allows the lambda:InvokeFunction action");
    }

    @Test
    void theBooksDevuserCreatesAndInvokesHelloLambda() throws Exception {
        String role = role("hello-lambda-role");
        Map<String, String> devuser = user("devuser", "arn:aws:iam::aws:policy/AWSLambda_FullAccess");
        createHello(devuser, "HelloLambda", role);

        Path out = dir.resolve("hello.json");
        JsonNode invoked = aws(devuser, "lambda", "invoke", "--function-name", "HelloLambda", "--cli-binary-format",
                "raw-in-base64-out", "--payload", "{\"x\":10,\"y\":2}", out.toString()).json();
        assertThat(invoked.path("StatusCode").asInt()).isEqualTo(200);
        assertThat(Files.readString(out)).isEqualTo("\"{\\\"result\\\": 5.0}\"");
        aws(devuser, "sqs", "create-queue", "--queue-name", "not-lambda").failsWith(SERVICE_ERROR, "AccessDenied");

        JsonNode boto3 = Cli.boto3At(endpoint, devuser, """
                lam = client("lambda")
                r = lam.invoke(FunctionName="HelloLambda", Payload=json.dumps({"x": 9, "y": 3}))
                out({"payload": r["Payload"].read().decode(), "denied": error_of(lambda: client("sqs").list_queues())})
                """).json();
        assertThat(boto3.path("payload").asText()).isEqualTo("\"{\\\"result\\\": 3.0}\"");
        assertThat(boto3.path("denied").path("status").asInt()).isEqualTo(403);

        JsonNode wrongSecret = Cli.boto3At(endpoint, Map.of("AWS_SECRET_ACCESS_KEY", "wrong"), """
                out(error_of(lambda: client("lambda").list_functions()))
                """).json();
        assertThat(wrongSecret.path("code").asText()).isEqualTo("InvalidSignatureException");
        assertThat(wrongSecret.path("status").asInt()).isEqualTo(403);
    }
}
