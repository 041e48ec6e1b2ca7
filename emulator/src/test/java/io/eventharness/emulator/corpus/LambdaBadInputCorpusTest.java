package io.eventharness.emulator.corpus;

import static io.eventharness.emulator.corpus.BadInputCorpusTest.bytes;
import static io.eventharness.emulator.corpus.BadInputCorpusTest.garbage;

import io.eventharness.emulator.TestAws;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.model.Runtime;

/**
 * Bad input for restJson1 (Lambda), sent as raw HTTP: each must get a 4xx with the code in
 * {@code x-amzn-ErrorType} and a JSON {@code message}, promptly, and leave the server serving. The
 * corpus is the table below; the function it invokes exists but never runs (every row fails first).
 */
class LambdaBadInputCorpusTest {
    static final String FUNCTION = TestAws.unique("corpus-fn");
    static final String ROLE_NAME = TestAws.unique("corpus-role");
    static final String ROLE = "arn:aws:iam::000000000000:role/" + ROLE_NAME;
    private static final String FUNCTIONS = "/2015-03-31/functions";
    private static final String INVOKE = FUNCTIONS + "/" + FUNCTION + "/invocations";
    private static final String ZIP = Base64.getEncoder().encodeToString(zip());
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static String queueUrl;

    @BeforeAll
    static void fixtures() {
        TestAws.iam().createRole(b -> b.roleName(ROLE_NAME).assumeRolePolicyDocument(
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"lambda.amazonaws.com\"},"
                        + "\"Action\":\"sts:AssumeRole\"}]}"));
        TestAws.lambda().createFunction(b -> b.functionName(FUNCTION).runtime(Runtime.PYTHON3_12).handler("a.b").role(ROLE)
                .code(c -> c.zipFile(SdkBytes.fromByteArray(zip()))));
        queueUrl = TestAws.sqs().createQueue(b -> b.queueName(TestAws.unique("lambda-corpus"))).queueUrl();
    }

    /** A CreateFunction body: the valid members, with {@code overrides} replacing or (null) removing some. */
    private static String create(Map<String, String> overrides) {
        Map<String, String> members = new java.util.LinkedHashMap<>();
        members.put("FunctionName", "\"" + TestAws.unique("corpus-new") + "\"");
        members.put("Runtime", "\"python3.12\"");
        members.put("Handler", "\"a.b\"");
        members.put("Role", "\"" + ROLE + "\"");
        members.put("Code", "{\"ZipFile\":\"" + ZIP + "\"}");
        members.putAll(overrides);
        StringBuilder b = new StringBuilder("{");
        members.forEach((k, v) -> {
            if (v != null) {
                b.append(b.length() > 1 ? "," : "").append('"').append(k).append("\":").append(v);
            }
        });
        return b.append('}').toString();
    }

    private static Map<String, String> without(String member) {
        Map<String, String> m = new java.util.HashMap<>();
        m.put(member, null);
        return m;
    }

    static Stream<BadRequest> restJsonCases() {
        return Stream.of(
                // the body itself
                createFn("malformed JSON", "{\"FunctionName\":", 400, "InvalidRequestContentException"),
                createFn("trailing garbage", create(Map.of()) + " }}}", 400, "InvalidRequestContentException"),
                createFn("document is an array", "[1]", 400, "InvalidRequestContentException"),
                createFn("nested 100,000 deep", "[".repeat(100_000), 400, "InvalidRequestContentException"),
                createFn("invalid UTF-8", bytes("{\"FunctionName\":\"", new byte[]{(byte) 0xC3, 0x28}, "\"}"),
                        400, "InvalidRequestContentException"),
                createFn("binary garbage", garbage(4096), 400, "InvalidRequestContentException"),
                // wrong types
                createFn("string member given a number", create(Map.of("FunctionName", "5")), 400, "InvalidRequestContentException"),
                createFn("integer member given a string", create(Map.of("MemorySize", "\"big\"")), 400, "InvalidRequestContentException"),
                createFn("integer member given 1e400", create(Map.of("MemorySize", "1e400")), 400, "InvalidRequestContentException"),
                createFn("integer member overflowing int", create(Map.of("Timeout", "99999999999999999999")),
                        400, "InvalidRequestContentException"),
                createFn("integer member given a fraction", create(Map.of("MemorySize", "128.5")), 400, "InvalidRequestContentException"),
                createFn("map value given a number", create(Map.of("Tags", "{\"team\":1}")), 400, "InvalidRequestContentException"),
                createFn("structure member given a string", create(Map.of("Code", "\"zip\"")), 400, "InvalidRequestContentException"),
                createFn("map member given a list", create(Map.of("Environment", "{\"Variables\":[1]}")),
                        400, "InvalidRequestContentException"),
                createFn("blob that is not base64", create(Map.of("Code", "{\"ZipFile\":\"not base64!\"}")),
                        400, "InvalidRequestContentException"),
                createFn("boolean member given a string", create(Map.of("Publish", "\"yes\"")), 400, "InvalidRequestContentException"),
                // missing or invalid members
                createFn("empty object", "{}", 400, "ValidationException"),
                createFn("empty body", "", 400, "ValidationException"),
                createFn("missing FunctionName", create(without("FunctionName")), 400, "ValidationException"),
                createFn("missing Role", create(without("Role")), 400, "ValidationException"),
                createFn("missing Code", create(without("Code")), 400, "ValidationException"),
                createFn("Code is null", create(Map.of("Code", "null")), 400, "ValidationException"),
                createFn("missing Runtime", create(without("Runtime")), 400, "InvalidParameterValueException"),
                createFn("unknown runtime", create(Map.of("Runtime", "\"python9.9\"")), 400, "InvalidParameterValueException"),
                createFn("deprecated runtime", create(Map.of("Runtime", "\"python2.7\"")), 400, "InvalidParameterValueException"),
                createFn("memory size below 128", create(Map.of("MemorySize", "64")), 400, "ValidationException"),
                createFn("memory size above 10240", create(Map.of("MemorySize", "10241")), 400, "ValidationException"),
                createFn("timeout of 0", create(Map.of("Timeout", "0")), 400, "ValidationException"),
                createFn("description over 256 characters", create(Map.of("Description", "\"" + "d".repeat(257) + "\"")),
                        400, "ValidationException"),
                createFn("function name with a space", create(Map.of("FunctionName", "\"a b\"")), 400, "ValidationException"),
                createFn("zip that is not a zip", create(Map.of("Code", "{\"ZipFile\":\"aGVsbG8=\"}")),
                        400, "InvalidParameterValueException"),
                createFn("role that does not exist", create(Map.of("Role", "\"arn:aws:iam::000000000000:role/absent\"")),
                        400, "InvalidParameterValueException"),
                createFn("function that already exists", create(Map.of("FunctionName", "\"" + FUNCTION + "\"")),
                        409, "ResourceConflictException"),
                // routes
                lambda("unknown route", "GET", "/2015-03-31/nowhere", Map.of(), "", 404, "UnknownOperationException"),
                lambda("unknown API version", "GET", "/1999-01-01/functions", Map.of(), "", 404, "UnknownOperationException"),
                lambda("wrong method for a route", "PATCH", FUNCTIONS + "/" + FUNCTION, Map.of(), "", 404, "UnknownOperationException"),
                lambda("function that does not exist", "GET", FUNCTIONS + "/no-such-function", Map.of(), "", 404,
                        "ResourceNotFoundException"),
                lambda("function name with invalid characters", "GET", FUNCTIONS + "/bad%21name", Map.of(), "", 400,
                        "ValidationException"),
                lambda("function name over 64 characters", "GET", FUNCTIONS + "/" + "f".repeat(65), Map.of(), "", 400,
                        "ValidationException"),
                lambda("malformed percent-encoding in the query", "GET", FUNCTIONS + "?Marker=%zz", Map.of(), "", 400,
                        "InvalidRequestContentException"),
                lambda("UpdateFunctionCode without any code", "PUT", FUNCTIONS + "/" + FUNCTION + "/code", Map.of(), "{}", 400,
                        "InvalidParameterValueException"),
                lambda("UpdateFunctionConfiguration: memory size below 128", "PUT", FUNCTIONS + "/" + FUNCTION + "/configuration",
                        Map.of(), "{\"MemorySize\":1}", 400, "ValidationException"),
                lambda("PutFunctionConcurrency: negative", "PUT", "/2017-10-31/functions/" + FUNCTION + "/concurrency", Map.of(),
                        "{\"ReservedConcurrentExecutions\":-1}", 400, "ValidationException"),
                lambda("AddPermission: missing Action", "POST", FUNCTIONS + "/" + FUNCTION + "/policy", Map.of(),
                        "{\"StatementId\":\"s\",\"Principal\":\"sns.amazonaws.com\"}", 400, "ValidationException"),
                lambda("PutFunctionEventInvokeConfig: 3 retries", "PUT", "/2019-09-25/functions/" + FUNCTION + "/event-invoke-config",
                        Map.of(), "{\"MaximumRetryAttempts\":3}", 400, "ValidationException"),
                lambda("query parameter not a number", "GET", FUNCTIONS + "?MaxItems=lots", Map.of(), "", 400,
                        "InvalidRequestContentException"),
                lambda("query parameter out of range", "GET", FUNCTIONS + "?MaxItems=0", Map.of(), "", 400, "ValidationException"),
                // Invoke
                invoke("payload that is not JSON", Map.of(), "{not json", 400, "InvalidRequestContentException"),
                invoke("payload with trailing garbage", Map.of(), "{} {}", 400, "InvalidRequestContentException"),
                invoke("payload over 6 MB", Map.of(), "\"" + "a".repeat(6 * 1024 * 1024) + "\"", 413, "RequestEntityTooLargeException"),
                invoke("Event payload over 1 MB", Map.of("X-Amz-Invocation-Type", "Event"), "\"" + "a".repeat(1024 * 1024) + "\"",
                        413, "RequestEntityTooLargeException"),
                invoke("unknown invocation type", Map.of("X-Amz-Invocation-Type", "Sometimes"), "{}", 400, "ValidationException"),
                invoke("unknown log type", Map.of("X-Amz-Log-Type", "Everything"), "{}", 400, "ValidationException"),
                invoke("client context that is not base64", Map.of("X-Amz-Client-Context", "%%%"), "{}", 400,
                        "InvalidRequestContentException"),
                lambda("Invoke: function that does not exist", "POST", FUNCTIONS + "/no-such-function/invocations", Map.of(),
                        "{}", 404, "ResourceNotFoundException"),
                lambda("Invoke: version that does not exist", "POST", INVOKE + "?Qualifier=42", Map.of(), "{}", 404,
                        "ResourceNotFoundException"));
    }

    private static BadRequest createFn(String name, String body, int status, String code) {
        return createFn(name, body.getBytes(StandardCharsets.UTF_8), status, code);
    }

    private static BadRequest createFn(String name, byte[] body, int status, String code) {
        return BadRequest.lambda("CreateFunction: " + name, "POST", FUNCTIONS, Map.of(), body, status, code);
    }

    private static BadRequest invoke(String name, Map<String, String> headers, String body, int status, String code) {
        return BadRequest.lambda("Invoke: " + name, "POST", INVOKE, headers, body.getBytes(StandardCharsets.UTF_8), status, code);
    }

    private static BadRequest lambda(String name, String method, String path, Map<String, String> headers, String body, int status,
                                     String code) {
        return BadRequest.lambda(name, method, path, headers, body.getBytes(StandardCharsets.UTF_8), status, code);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("restJsonCases")
    void answersWithLambdasErrorAndKeepsServing(BadRequest bad) throws Exception {
        Corpus.assertRejected(HTTP, TestAws.emulator().endpoint(), bad, queueUrl);
        Corpus.assertStillServing(queueUrl);
    }

    private static byte[] zip() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            z.putNextEntry(new ZipEntry("a.py"));
            z.write("def b(event, context):\n    return 1\n".getBytes(StandardCharsets.UTF_8));
            z.closeEntry();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
