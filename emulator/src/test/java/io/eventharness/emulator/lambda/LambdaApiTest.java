package io.eventharness.emulator.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventharness.emulator.TestAws;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.InvalidParameterValueException;
import software.amazon.awssdk.services.lambda.model.LambdaException;
import software.amazon.awssdk.services.lambda.model.ResourceConflictException;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;
import software.amazon.awssdk.services.lambda.model.Runtime;
import software.amazon.awssdk.services.lambda.model.State;

/** The Lambda control plane through the unmodified SDK. */
class LambdaApiTest {
    private final LambdaClient lambda = Functions.lambda();

    private String book() {
        return Functions.python(lambda, "lambda_function.myfunc01_handler", "lambda_function", Functions.BOOK,
                b -> b.memorySize(256).timeout(5).environment(e -> e.variables(Map.of("GREETING", "hi"))).description("the book"));
    }

    @Test
    void createGetListUpdateDelete() {
        String fn = book();
        var c = lambda.getFunctionConfiguration(b -> b.functionName(fn));
        assertThat(c.state()).isEqualTo(State.ACTIVE);
        assertThat(c.runtime()).isEqualTo(Runtime.PYTHON3_12);
        assertThat(c.memorySize()).isEqualTo(256);
        assertThat(c.timeout()).isEqualTo(5);
        assertThat(c.environment().variables()).containsEntry("GREETING", "hi");
        assertThat(c.functionArn()).isEqualTo("arn:aws:lambda:us-east-1:000000000000:function:" + fn);
        assertThat(c.codeSha256()).isNotBlank();
        assertThat(lambda.getFunction(b -> b.functionName(c.functionArn())).configuration().functionName()).isEqualTo(fn);
        assertThat(lambda.listFunctionsPaginator().functions()).extracting(FunctionConfiguration::functionName).contains(fn);

        lambda.updateFunctionConfiguration(b -> b.functionName(fn).memorySize(512));
        lambda.waiter().waitUntilFunctionUpdatedV2(b -> b.functionName(fn));
        assertThat(lambda.getFunctionConfiguration(b -> b.functionName(fn)).memorySize()).isEqualTo(512);

        lambda.deleteFunction(b -> b.functionName(fn));
        assertThatThrownBy(() -> lambda.getFunction(b -> b.functionName(fn))).isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void aSecondFunctionOfTheSameNameConflicts() {
        String fn = book();
        assertThatThrownBy(() -> lambda.createFunction(b -> b.functionName(fn).runtime(Runtime.PYTHON3_12).handler("a.b")
                .role(Functions.role()).code(c -> c.zipFile(Functions.zip(Map.of("a.py", ""))))))
                .isInstanceOf(ResourceConflictException.class);
    }

    @Test
    void createValidatesLikeAws() {
        String name = TestAws.unique("bad");
        SdkBytes zip = Functions.zip(Map.of("a.py", "def b(e, c): return 1"));
        assertThatThrownBy(() -> lambda.createFunction(b -> b.functionName(name).runtime("python9.9").handler("a.b")
                .role(Functions.role()).code(c -> c.zipFile(zip))))
                .isInstanceOf(InvalidParameterValueException.class).hasMessageContaining("Value python9.9 at 'runtime'");
        // a runtime AWS has that the emulator does not run: refused now, naming those it runs, not at the first invoke
        assertThatThrownBy(() -> lambda.createFunction(b -> b.functionName(name).runtime(Runtime.RUBY3_3).handler("a.b")
                .role(Functions.role()).code(c -> c.zipFile(zip))))
                .isInstanceOf(InvalidParameterValueException.class)
                .hasMessageContaining("The runtime ruby3.3 is not supported by the Event Harness emulator; it runs java8.al2, ")
                .hasMessageContaining("nodejs20.x");
        assertThatThrownBy(() -> lambda.getFunction(b -> b.functionName(name))).isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> lambda.createFunction(b -> b.functionName(name).runtime(Runtime.PYTHON3_12).handler("a.b")
                .role("arn:aws:iam::000000000000:role/does-not-exist").code(c -> c.zipFile(zip))))
                .isInstanceOf(InvalidParameterValueException.class).hasMessageContaining("cannot be assumed by Lambda");
        assertThatThrownBy(() -> lambda.createFunction(b -> b.functionName(name).runtime(Runtime.PYTHON3_12).handler("a b")
                .role(Functions.role()).code(c -> c.zipFile(zip))))
                .isInstanceOfSatisfying(LambdaException.class, e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException"));
        assertThatThrownBy(() -> lambda.createFunction(b -> b.functionName(name).runtime(Runtime.PYTHON3_12).handler("a.b")
                .role(Functions.role()).code(c -> c.zipFile(SdkBytes.fromUtf8String("this is not a zip")))))
                .isInstanceOf(InvalidParameterValueException.class).hasMessageContaining("Could not unzip");
        assertThatThrownBy(() -> lambda.createFunction(b -> b.functionName(name).runtime(Runtime.PYTHON3_12).handler("a.b")
                .role(Functions.role()).memorySize(64).code(c -> c.zipFile(zip))))
                .isInstanceOfSatisfying(LambdaException.class, e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException"));
        assertThatThrownBy(() -> lambda.createFunction(b -> b.functionName(name).runtime(Runtime.PYTHON3_12).handler("a.b")
                .role(Functions.role()).environment(e -> e.variables(Map.of("AWS_REGION", "x"))).code(c -> c.zipFile(zip))))
                .isInstanceOf(InvalidParameterValueException.class).hasMessageContaining("reserved keys");
    }

    @Test
    void permissionsMakeTheResourcePolicy() {
        String fn = book();
        String statement = lambda.addPermission(b -> b.functionName(fn).statementId("s3-invoke").action("lambda:InvokeFunction")
                .principal("s3.amazonaws.com").sourceArn("arn:aws:s3:::uploads")).statement();
        assertThat(statement).contains("\"Sid\":\"s3-invoke\"").contains("s3.amazonaws.com").contains("arn:aws:s3:::uploads");
        assertThatThrownBy(() -> lambda.addPermission(b -> b.functionName(fn).statementId("s3-invoke")
                .action("lambda:InvokeFunction").principal("s3.amazonaws.com")))
                .isInstanceOf(ResourceConflictException.class);
        assertThat(lambda.getPolicy(b -> b.functionName(fn)).policy()).contains("\"Statement\":[").contains("s3-invoke");
        lambda.removePermission(b -> b.functionName(fn).statementId("s3-invoke"));
        assertThatThrownBy(() -> lambda.getPolicy(b -> b.functionName(fn))).isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void versionsAndAliases() {
        String fn = book();
        String v1 = lambda.publishVersion(b -> b.functionName(fn)).version();
        assertThat(v1).isEqualTo("1");
        lambda.updateFunctionConfiguration(b -> b.functionName(fn).memorySize(1024));
        String v2 = lambda.publishVersion(b -> b.functionName(fn)).version();
        assertThat(v2).isEqualTo("2");
        lambda.createAlias(b -> b.functionName(fn).name("live").functionVersion("1"));
        assertThat(lambda.getFunctionConfiguration(b -> b.functionName(fn).qualifier("live")).memorySize()).isEqualTo(256);
        assertThat(lambda.getFunctionConfiguration(b -> b.functionName(fn + ":2")).memorySize()).isEqualTo(1024);
        assertThat(lambda.invoke(b -> b.functionName(fn).qualifier("live").payload(SdkBytes.fromUtf8String("{\"x\":4,\"y\":2}")))
                .executedVersion()).isEqualTo("1");
        assertThat(lambda.listVersionsByFunction(b -> b.functionName(fn)).versions()).hasSize(3);
        assertThat(lambda.listAliases(b -> b.functionName(fn)).aliases()).singleElement()
                .satisfies(a -> assertThat(a.aliasArn()).endsWith(":" + fn + ":live"));
    }

    @Test
    void deletingOneVersion() {
        String fn = book();
        lambda.publishVersion(b -> b.functionName(fn));
        lambda.updateFunctionConfiguration(b -> b.functionName(fn).memorySize(1024));
        lambda.publishVersion(b -> b.functionName(fn));
        lambda.createAlias(b -> b.functionName(fn).name("live").functionVersion("1"));

        assertThatThrownBy(() -> lambda.deleteFunction(b -> b.functionName(fn).qualifier("1")))
                .isInstanceOf(ResourceConflictException.class).hasMessageContaining("following aliases reference it: [live]");
        assertThatThrownBy(() -> lambda.deleteFunction(b -> b.functionName(fn).qualifier("$LATEST")))
                .isInstanceOf(InvalidParameterValueException.class).hasMessageContaining("$LATEST version cannot be deleted");
        assertThatThrownBy(() -> lambda.deleteFunction(b -> b.functionName(fn).qualifier("live")))
                .isInstanceOf(InvalidParameterValueException.class);
        assertThatThrownBy(() -> lambda.deleteFunction(b -> b.functionName(fn).qualifier("7")))
                .isInstanceOf(ResourceNotFoundException.class);

        lambda.deleteFunction(b -> b.functionName(fn + ":2"));
        assertThat(lambda.listVersionsByFunction(b -> b.functionName(fn)).versions())
                .extracting(FunctionConfiguration::version).containsExactly("$LATEST", "1");
        assertThatThrownBy(() -> lambda.invoke(b -> b.functionName(fn).qualifier("2"))).isInstanceOf(ResourceNotFoundException.class);
        assertThat(lambda.invoke(b -> b.functionName(fn).qualifier("live").payload(SdkBytes.fromUtf8String("{\"x\":4,\"y\":2}")))
                .executedVersion()).isEqualTo("1");
        assertThat(lambda.getFunctionConfiguration(b -> b.functionName(fn)).memorySize()).isEqualTo(1024);
    }

    @Test
    void codeLocationServesTheUploadedZipOfEachVersion() throws Exception {
        SdkBytes first = Functions.zip(Map.of("lambda_function.py", Functions.BOOK));
        SdkBytes second = Functions.zip(Map.of("lambda_function.py", Functions.BOOK + "\n# second\n"));
        String fn = TestAws.unique("code");
        lambda.createFunction(b -> b.functionName(fn).runtime(Runtime.PYTHON3_12).handler("lambda_function.myfunc01_handler")
                .role(Functions.role()).code(c -> c.zipFile(first)).publish(true));
        lambda.updateFunctionCode(b -> b.functionName(fn).zipFile(second));

        var latest = lambda.getFunction(b -> b.functionName(fn)).code();
        assertThat(latest.repositoryType()).isEqualTo("S3");
        HttpResponse<byte[]> latestZip = download(latest.location());
        assertThat(latestZip.statusCode()).isEqualTo(200);
        assertThat(latestZip.headers().firstValue("Content-Type")).hasValue("application/zip");
        assertThat(latestZip.body()).isEqualTo(second.asByteArray());
        String v1 = lambda.getFunction(b -> b.functionName(fn).qualifier("1")).code().location();
        assertThat(v1).isNotEqualTo(latest.location());
        assertThat(download(v1).body()).isEqualTo(first.asByteArray());

        lambda.deleteFunction(b -> b.functionName(fn));
        assertThat(download(latest.location()).statusCode()).isEqualTo(404);
    }

    @Test
    void updateFunctionCodeAsDryRunChangesNothing() {
        String fn = book();
        String before = lambda.getFunctionConfiguration(b -> b.functionName(fn)).codeSha256();
        SdkBytes other = Functions.zip(Map.of("lambda_function.py", Functions.BOOK + "\n# other\n"));

        var dry = lambda.updateFunctionCode(b -> b.functionName(fn).zipFile(other).dryRun(true));
        assertThat(dry.codeSha256()).isNotEqualTo(before);
        assertThat(lambda.getFunctionConfiguration(b -> b.functionName(fn)).codeSha256()).isEqualTo(before);
        assertThat(lambda.updateFunctionCode(b -> b.functionName(fn).zipFile(other)).codeSha256()).isEqualTo(dry.codeSha256());
        assertThat(lambda.getFunctionConfiguration(b -> b.functionName(fn)).codeSha256()).isEqualTo(dry.codeSha256());
    }

    private static HttpResponse<byte[]> download(String url) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void tagsOnCreateAndThroughTheTaggingOperations() {
        String fn = Functions.python(lambda, "lambda_function.myfunc01_handler", "lambda_function", Functions.BOOK,
                b -> b.tags(Map.of("team", "book")));
        String arn = lambda.getFunction(b -> b.functionName(fn)).configuration().functionArn();

        lambda.tagResource(b -> b.resource(arn).tags(Map.of("stage", "test", "team", "chapter-2")));
        assertThat(lambda.listTags(b -> b.resource(arn)).tags()).containsExactlyInAnyOrderEntriesOf(
                Map.of("team", "chapter-2", "stage", "test"));
        lambda.untagResource(b -> b.resource(arn).tagKeys("team"));
        assertThat(lambda.listTags(b -> b.resource(arn)).tags()).containsExactlyInAnyOrderEntriesOf(Map.of("stage", "test"));
        assertThat(lambda.getFunction(b -> b.functionName(fn)).tags()).containsExactlyInAnyOrderEntriesOf(Map.of("stage", "test"));

        assertThatThrownBy(() -> lambda.tagResource(b -> b.resource(arn).tags(Map.of("aws:reserved", "x"))))
                .isInstanceOf(InvalidParameterValueException.class);
        assertThatThrownBy(() -> lambda.listTags(b -> b.resource(arn + "-absent"))).isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void anOperationTheEmulatorLacksIsA501ThatNamesIt() {
        assertThatThrownBy(() -> lambda.listLayers())
                .isInstanceOfSatisfying(LambdaException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(501);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("NotImplemented");
                    assertThat(e.getMessage()).contains("ListLayers");
                });
    }

    @Test
    void eventInvokeConfigIsStoredAndValidated() {
        String fn = book();
        lambda.putFunctionEventInvokeConfig(b -> b.functionName(fn).maximumRetryAttempts(0).maximumEventAgeInSeconds(120)
                .destinationConfig(d -> d.onFailure(f -> f.destination("arn:aws:sqs:us-east-1:000000000000:failures"))));
        var got = lambda.getFunctionEventInvokeConfig(b -> b.functionName(fn));
        assertThat(got.maximumRetryAttempts()).isZero();
        assertThat(got.maximumEventAgeInSeconds()).isEqualTo(120);
        assertThat(got.destinationConfig().onFailure().destination()).endsWith(":failures");
        assertThatThrownBy(() -> lambda.putFunctionEventInvokeConfig(b -> b.functionName(fn).maximumRetryAttempts(3)))
                .isInstanceOfSatisfying(LambdaException.class, e -> assertThat(e.statusCode()).isEqualTo(400));
        lambda.deleteFunctionEventInvokeConfig(b -> b.functionName(fn));
        assertThatThrownBy(() -> lambda.getFunctionEventInvokeConfig(b -> b.functionName(fn)))
                .isInstanceOf(ResourceNotFoundException.class);
    }
}
