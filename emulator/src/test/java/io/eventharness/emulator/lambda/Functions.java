package io.eventharness.emulator.lambda;

import io.eventharness.emulator.TestAws;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.CreateFunctionRequest;
import software.amazon.awssdk.services.lambda.model.Runtime;

/** Test functions: zips made from source text, an execution role, a ready Lambda client. */
final class Functions {
    static final String BOOK = """
            import json

            def myfunc01_handler(event, context):
                x = int(event['x'])
                y = int(event['y'])
                print("x = " + str(x))
                print("y = " + str(y))
                retval = {'result' : x / y}
                return json.dumps(retval)
            """;

    private static String role;

    private Functions() {
    }

    static LambdaClient lambda() {
        return TestAws.lambda();
    }

    static synchronized String role() {
        if (role == null) {
            IamClient iam = TestAws.iam();
            try {
                role = iam.getRole(b -> b.roleName("lambda-test-role")).role().arn();
            } catch (NoSuchEntityException e) {
                role = iam.createRole(b -> b.roleName("lambda-test-role").assumeRolePolicyDocument(
                        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"lambda.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}"))
                        .role().arn();
            }
        }
        return role;
    }

    static SdkBytes zip(Map<String, String> files) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            for (Map.Entry<String, String> f : files.entrySet()) {
                z.putNextEntry(new ZipEntry(f.getKey()));
                z.write(f.getValue().getBytes(StandardCharsets.UTF_8));
                z.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return SdkBytes.fromByteArray(out.toByteArray());
    }

    /** A Python function from one module's source; returns its name. */
    static String python(LambdaClient lambda, String handler, String module, String source) {
        return python(lambda, handler, module, source, b -> { });
    }

    static String python(LambdaClient lambda, String handler, String module, String source,
                         java.util.function.Consumer<CreateFunctionRequest.Builder> more) {
        String name = TestAws.unique("fn");
        lambda.createFunction(b -> {
            b.functionName(name).runtime(Runtime.PYTHON3_12).handler(handler).role(role())
                    .code(c -> c.zipFile(zip(Map.of(module + ".py", source))));
            more.accept(b);
        });
        lambda.waiter().waitUntilFunctionActiveV2(b -> b.functionName(name));
        return name;
    }
}
