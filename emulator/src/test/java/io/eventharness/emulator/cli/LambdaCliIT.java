package io.eventharness.emulator.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.eventharness.emulator.standalone.StandaloneJar;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.stream.StreamSupport;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seed book's chapter 2 as a user types it, with Debian's AWS CLI v2 and boto3 against the
 * standalone emulator jar: an IAM role, the Python function from a zip file, invoke with its log tail,
 * the failing invoke, asynchronous invokes and their retries (the clock moved through the admin
 * endpoint), the function's CloudWatch Logs, and the deployment package back from {@code get-function}.
 */
class LambdaCliIT {
    private static final String TRUST = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Principal\":{\"Service\":\"lambda.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";
    private static final int SERVICE_ERROR = 254;
    @TempDir
    static Path dir;
    private static Path zip;
    private Path aws;

    @BeforeAll
    static void zipTheBooksFunction() throws Exception {
        zip = dir.resolve("function.zip"); // the book's lambda_function.py, as the book has the reader zip it
        Path source = io.eventharness.emulator.lambda.runtime.Functions.python("python-book").resolve("lambda_function.py");
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(out)) {
            z.putNextEntry(new ZipEntry("lambda_function.py"));
            z.write(Files.readAllBytes(source));
            z.closeEntry();
        }
    }

    @AfterAll
    static void noEmulatorBug() {
        StandaloneJar.ifStarted().ifPresent(jar -> assertThat(jar.log()).as("the emulator's log").doesNotContain("emulator bug"));
    }

    @BeforeEach
    void tool() {
        aws = Cli.systemAws();
    }

    private Cli.Result aws(String... args) {
        return Cli.aws(aws, args);
    }

    private String role(String name) {
        return aws("iam", "create-role", "--role-name", name, "--assume-role-policy-document", TRUST)
                .json().path("Role").path("Arn").asText();
    }

    private void createBookFunction(String name) {
        aws("lambda", "create-function", "--function-name", name, "--runtime", "python3.12",
                "--handler", "lambda_function.myfunc01_handler", "--role", role(name + "-role"), "--zip-file", "fileb://" + zip).json();
        aws("lambda", "wait", "function-active-v2", "--function-name", name).json();
    }

    private JsonNode logEvents(String function, String pattern) {
        return aws("logs", "filter-log-events", "--log-group-name", "/aws/lambda/" + function, "--filter-pattern", pattern)
                .json().path("events");
    }

    @Test
    void theBooksFunctionFromCreateToLogs() throws Exception {
        String role = role("book-cli-role");
        JsonNode created = aws("lambda", "create-function", "--function-name", "HelloLambda", "--runtime", "python3.12",
                "--handler", "lambda_function.myfunc01_handler", "--role", role, "--zip-file", "fileb://" + zip).json();
        assertThat(created.path("FunctionArn").asText()).isEqualTo("arn:aws:lambda:us-east-1:000000000000:function:HelloLambda");
        assertThat(created.path("Runtime").asText()).isEqualTo("python3.12");
        aws("lambda", "wait", "function-active-v2", "--function-name", "HelloLambda").json();

        Path ok = dir.resolve("ok.json");
        JsonNode invoked = aws("lambda", "invoke", "--function-name", "HelloLambda", "--cli-binary-format", "raw-in-base64-out",
                "--payload", "{\"x\":10,\"y\":2}", "--log-type", "Tail", ok.toString()).json();
        assertThat(invoked.path("StatusCode").asInt()).isEqualTo(200);
        assertThat(invoked.path("ExecutedVersion").asText()).isEqualTo("$LATEST");
        assertThat(invoked.has("FunctionError")).isFalse();
        assertThat(Files.readString(ok)).isEqualTo("\"{\\\"result\\\": 5.0}\"");
        String tail = new String(Base64.getDecoder().decode(invoked.path("LogResult").asText()), StandardCharsets.UTF_8);
        assertThat(tail).contains("x = 10", "y = 2").containsPattern("START RequestId: \\S+ Version: \\$LATEST");

        Path failed = dir.resolve("failed.json");
        JsonNode divided = aws("lambda", "invoke", "--function-name", "HelloLambda", "--cli-binary-format", "raw-in-base64-out",
                "--payload", "{\"x\":10,\"y\":0}", failed.toString()).json();
        assertThat(divided.path("StatusCode").asInt()).isEqualTo(200);
        assertThat(divided.path("FunctionError").asText()).isEqualTo("Unhandled");
        JsonNode error = Cli.parse(Files.readString(failed));
        assertThat(error.path("errorType").asText()).isEqualTo("ZeroDivisionError");
        assertThat(error.path("errorMessage").asText()).isEqualTo("division by zero");

        JsonNode events = aws("logs", "filter-log-events", "--log-group-name", "/aws/lambda/HelloLambda").json().path("events");
        assertThat(events).extracting(e -> e.path("message").asText())
                .anyMatch(m -> m.startsWith("START RequestId: ")).contains("x = 10", "y = 2", "y = 0")
                .anyMatch(m -> m.startsWith("END RequestId: ")).anyMatch(m -> m.startsWith("REPORT RequestId: "))
                .anyMatch(m -> m.startsWith("[ERROR] ZeroDivisionError: division by zero"));
        assertThat(events).allSatisfy(e -> assertThat(e.path("logStreamName").asText()).contains("[$LATEST]"));
    }

    @Test
    void asyncInvokesRunAfterTheAnswerAndAFailureIsRetriedOnTheEmulatorClock() throws Exception {
        createBookFunction("AsyncBook");
        for (String payload : List.of("{\"x\":21,\"y\":3}", "{\"x\":21,\"y\":0}")) {
            Path out = dir.resolve("async.json");
            JsonNode accepted = aws("lambda", "invoke", "--function-name", "AsyncBook", "--invocation-type", "Event",
                    "--cli-binary-format", "raw-in-base64-out", "--payload", payload, out.toString()).json();
            assertThat(accepted.path("StatusCode").asInt()).isEqualTo(202);
            assertThat(Files.readString(out)).isEmpty();
        }

        // Both run on a worker; the failure schedules its first retry a minute later on the emulator clock.
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            assertThat(logEvents("AsyncBook", "\"x = 21\"")).hasSize(2);
            assertThat(trail("AsyncBook", "lambda:Retry")).hasSize(1);
        });
        Cli.jar().advance(Duration.ofSeconds(61)); // the second attempt runs before the admin endpoint answers
        assertThat(trail("AsyncBook", "lambda:Retry")).as("the second retry, two minutes on").hasSize(2);
        Cli.jar().advance(Duration.ofSeconds(121));

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> assertThat(
                logEvents("AsyncBook", "\"y = 0\"")).as("three attempts: the first and two retries").hasSize(3));
        assertThat(logEvents("AsyncBook", "\"y = 3\"")).hasSize(1);
        assertThat(trail("AsyncBook", "lambda:InvokeAsync")).extracting(e -> e.path("outcome").asText())
                .filteredOn(o -> o.startsWith("error ZeroDivisionError")).hasSize(3);
        assertThat(trail("AsyncBook", "lambda:Retry")).hasSize(2);
    }

    /** The event trail's entries of this kind into this function, from {@code GET /_harness/trail}. */
    private static List<JsonNode> trail(String function, String kind) {
        return StreamSupport.stream(Cli.jar().trail().spliterator(), false)
                .filter(e -> e.path("kind").asText().equals(kind))
                .filter(e -> e.path("target").asText().contains(":function:" + function)).toList();
    }

    @Test
    void getFunctionsCodeLocationDownloadsTheUploadedZip() throws Exception {
        createBookFunction("Downloadable");

        JsonNode got = aws("lambda", "get-function", "--function-name", "Downloadable").json();
        assertThat(got.path("Code").path("RepositoryType").asText()).isEqualTo("S3");
        assertThat(got.path("Configuration").path("CodeSize").asLong()).isEqualTo(Files.size(zip));
        HttpResponse<byte[]> download = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(got.path("Code").path("Location").asText())).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(Files.readAllBytes(zip));
    }

    @Test
    void errorsCarryLambdasCodes() {
        aws("lambda", "invoke", "--function-name", "NoSuchFunction", dir.resolve("none.json").toString())
                .failsWith(SERVICE_ERROR, "ResourceNotFoundException");
        aws("lambda", "create-function", "--function-name", "Unassumable", "--runtime", "python3.12", "--handler", "a.b",
                "--role", "arn:aws:iam::000000000000:role/absent", "--zip-file", "fileb://" + zip)
                .failsWith(SERVICE_ERROR, "InvalidParameterValueException");
        String role = role("errors-cli-role");
        aws("lambda", "create-function", "--function-name", "NeverRuns", "--runtime", "python3.12", "--handler", "a.b",
                "--role", role, "--zip-file", "fileb://" + zip).json();
        aws("lambda", "invoke", "--function-name", "NeverRuns", "--cli-binary-format", "raw-in-base64-out",
                "--payload", "{not json", dir.resolve("bad.json").toString())
                .failsWith(SERVICE_ERROR, "InvalidRequestContentException");
        aws("lambda", "create-function", "--function-name", "NeverRuns", "--runtime", "python3.12", "--handler", "a.b",
                "--role", role, "--zip-file", "fileb://" + zip)
                .failsWith(SERVICE_ERROR, "ResourceConflictException");
    }

    @Test
    void boto3CreatesAndInvokes() {
        JsonNode r = Boto3.run("""
                iam = client("iam")
                role = iam.create_role(RoleName="boto3-lambda-role", AssumeRolePolicyDocument='%s')["Role"]["Arn"]
                with open("%s", "rb") as f:
                    code = f.read()
                lam = client("lambda")
                lam.create_function(FunctionName="BotoBook", Runtime="python3.12", Role=role,
                                    Handler="lambda_function.myfunc01_handler", Code={"ZipFile": code})
                lam.get_waiter("function_active_v2").wait(FunctionName="BotoBook")
                ok = lam.invoke(FunctionName="BotoBook", Payload=json.dumps({"x": 10, "y": 2}), LogType="Tail")
                bad = lam.invoke(FunctionName="BotoBook", Payload=json.dumps({"x": 10, "y": 0}))
                out({"status": ok["StatusCode"], "payload": ok["Payload"].read().decode(),
                     "tail": base64.b64decode(ok["LogResult"]).decode(),
                     "error": bad.get("FunctionError"), "errorPayload": json.loads(bad["Payload"].read()),
                     "missing": error_of(lambda: lam.invoke(FunctionName="NoSuchFunction"))})
                """.formatted(TRUST, zip));
        assertThat(r.path("status").asInt()).isEqualTo(200);
        assertThat(r.path("payload").asText()).isEqualTo("\"{\\\"result\\\": 5.0}\"");
        assertThat(r.path("tail").asText()).contains("x = 10");
        assertThat(r.path("error").asText()).isEqualTo("Unhandled");
        assertThat(r.path("errorPayload").path("errorType").asText()).isEqualTo("ZeroDivisionError");
        assertThat(r.path("missing").path("type").asText()).isEqualTo("ResourceNotFoundException");
        assertThat(r.path("missing").path("status").asInt()).isEqualTo(404);
    }
}
