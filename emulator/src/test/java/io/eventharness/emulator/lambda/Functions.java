package io.eventharness.emulator.lambda;

import io.eventharness.emulator.TestAws;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilteredLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.CreateFunctionRequest;
import software.amazon.awssdk.services.lambda.model.Runtime;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

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

    /** A zip of a directory's files, paths relative to it, as a deployment package is built. */
    static SdkBytes zip(Path dir) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out); Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                z.putNextEntry(new ZipEntry(dir.relativize(f).toString().replace('\\', '/')));
                z.write(Files.readAllBytes(f));
                z.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return SdkBytes.fromByteArray(out.toByteArray());
    }

    /** A function of any runtime from a deployment package; returns its name once it is active. */
    static String create(LambdaClient lambda, Runtime runtime, String handler, SdkBytes zip,
                         java.util.function.Consumer<CreateFunctionRequest.Builder> more) {
        return create(lambda, role(), runtime, handler, zip, more);
    }

    /**
     * The same with a given execution role (one of another emulator than the shared one). Its timeout is 30 s unless
     * {@code more} sets one: a test whose subject is not the timeout must not fail because a loaded machine ran a
     * function slowly (AWS's default, 3 s, is tested where the timeout is the subject).
     */
    static String create(LambdaClient lambda, String role, Runtime runtime, String handler, SdkBytes zip,
                         java.util.function.Consumer<CreateFunctionRequest.Builder> more) {
        String name = TestAws.unique("fn");
        lambda.createFunction(b -> {
            b.functionName(name).runtime(runtime).handler(handler).role(role).code(c -> c.zipFile(zip)).timeout(30);
            more.accept(b);
        });
        lambda.waiter().waitUntilFunctionActiveV2(b -> b.functionName(name));
        return name;
    }

    /** A function whose code is {@code src/test/resources/lambda/functions/python-probe} ({@code probe.py}). */
    static String probe(LambdaClient lambda, String handler, java.util.function.Consumer<CreateFunctionRequest.Builder> more) {
        return create(lambda, Runtime.PYTHON3_12, handler, zip(io.eventharness.emulator.lambda.runtime.Functions.python("python-probe")),
                more);
    }

    /** Every message of the function's log group so far, in order, through CloudWatch Logs; none before its first run. */
    static List<String> logMessages(String function) {
        try {
            return TestAws.logs().filterLogEventsPaginator(b -> b.logGroupName("/aws/lambda/" + function)).events().stream()
                    .map(FilteredLogEvent::message).toList();
        } catch (ResourceNotFoundException notYet) {
            return List.of(); // Lambda creates the group on the first invocation
        }
    }

    /**
     * The processes of the function's spare sandboxes (started as spares, whether activated since or not): this
     * JVM's descendants whose command line has the spare's mark and whose environment names the function.
     */
    static List<Long> spareProcesses(String function) {
        return ProcessHandle.current().descendants().filter(p -> spareOf(p.pid(), function)).map(ProcessHandle::pid).toList();
    }

    private static boolean spareOf(long pid, String function) {
        try {
            String cmd = Files.readString(Path.of("/proc", Long.toString(pid), "cmdline"), StandardCharsets.ISO_8859_1);
            String env = "\0" + Files.readString(Path.of("/proc", Long.toString(pid), "environ"), StandardCharsets.ISO_8859_1);
            return (cmd.contains("\0--spare") || cmd.contains("SpareLauncher")) && env.contains("\0AWS_LAMBDA_FUNCTION_NAME=" + function + "\0");
        } catch (IOException e) {
            return false; // gone meanwhile
        }
    }

    /** The payload as UTF-8 JSON. */
    static SdkBytes json(String json) {
        return SdkBytes.fromUtf8String(json);
    }

    /** A Python function from one module's source; returns its name. */
    static String python(LambdaClient lambda, String handler, String module, String source) {
        return python(lambda, handler, module, source, b -> { });
    }

    static String python(LambdaClient lambda, String handler, String module, String source,
                         java.util.function.Consumer<CreateFunctionRequest.Builder> more) {
        return create(lambda, Runtime.PYTHON3_12, handler, zip(Map.of(module + ".py", source)), more);
    }

    /** A new queue of that client's emulator, named {@code prefix} plus a unique part: its URL; its ARN goes in {@code arnOut[0]}. */
    static String queue(SqsClient sqs, String prefix, String[] arnOut) {
        String url = sqs.createQueue(b -> b.queueName(prefix)).queueUrl();
        arnOut[0] = sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        return url;
    }
}
