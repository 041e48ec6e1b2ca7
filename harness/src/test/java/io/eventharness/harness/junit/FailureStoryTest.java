package io.eventharness.harness.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventharness.harness.Cloud;
import io.eventharness.harness.DeployedFunction;
import io.eventharness.harness.EventHarness;
import io.eventharness.harness.PythonFunction;
import io.eventharness.harness.deploy.Zips;
import io.eventharness.harness.observe.AwaitTimeout;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.Event;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Deliberately broken scenarios, kept as tests of what a failing await tells: the function fails, the
 * awaited output never comes, and the failure shows this test's event trail (and no other test's), the
 * invocations with their errors and the functions' last log lines.
 */
@EventHarness
class FailureStoryTest {
    static volatile String neighbourPrefix;
    static volatile String plainFunction;

    @Example
    @EventHarness
    static class BrokenThumbnailer {
        @Test
        void thumbnailNeverArrives(Cloud cloud) {
            DeployedFunction fn = cloud.deploy(PythonFunction.from("src/test/resources/functions/thumbnailer")
                    .handler("handler.handle").named("thumbnailer"));
            String out = cloud.sqs().createQueue(b -> b.queueName(cloud.name("thumbnails"))).queueUrl();
            fn.invokeAsync("{\"key\": \"cat.png\"}");
            cloud.logsOf(fn).await().invocations(1);
            cloud.queue(out).await().atMost(Duration.ofMillis(500)).message();
        }
    }

    @Test
    void theFailureTellsTheTrailTheInvocationsAndTheLog() {
        Throwable t = onlyFailure(BrokenThumbnailer.class);
        assertThat(t).isInstanceOf(AwaitTimeout.class);
        assertThat(((AwaitTimeout) t).getStory()).contains("Invocations of").contains("no thumbnail for cat.png");
        assertThat(t.getMessage())
                .contains("Timed out after 500 ms waiting for 1 message(s) in")
                .contains("Event trail of thumbnailNeverArrives(Cloud):")
                .contains("lambda:InvokeAsync  Invoke API -> arn:aws:lambda:")
                .contains("[error ValueError")
                .contains("Invocations of")
                .contains("cold")
                .contains("ERROR ValueError: no thumbnail for cat.png\n        File \"")
                .contains("Last log lines of")
                .contains("making a thumbnail of cat.png")
                .contains("no thumbnail for cat.png");
    }

    /** Another test (as a parallel class would) makes hops on the shared emulator while this one runs. */
    @Example
    @EventHarness
    static class NoisyNeighbour {
        @Test
        void resultNeverArrives(Cloud cloud) {
            redrive(cloud, "{\"mine\":1}");
            try (Cloud neighbour = cloud.harness().newCloud("neighbour")) {
                neighbourPrefix = neighbour.namePrefix();
                redrive(neighbour, "{\"theirs\":2}");
            }
            String results = cloud.sqs().createQueue(b -> b.queueName(cloud.name("results"))).queueUrl();
            cloud.queue(results).await().atMost(Duration.ofMillis(300)).message();
        }

        /** A message that moves to a dead-letter queue: one hop on the trail. */
        private static void redrive(Cloud cloud, String body) {
            SqsClient sqs = cloud.sqs();
            String dlq = sqs.createQueue(b -> b.queueName(cloud.name("dlq"))).queueUrl();
            String dlqArn = sqs.getQueueAttributes(b -> b.queueUrl(dlq).attributeNames(QueueAttributeName.QUEUE_ARN))
                    .attributes().get(QueueAttributeName.QUEUE_ARN);
            String work = sqs.createQueue(b -> b.queueName(cloud.name("work")).attributes(Map.of(
                    QueueAttributeName.REDRIVE_POLICY, "{\"deadLetterTargetArn\":\"" + dlqArn + "\",\"maxReceiveCount\":\"1\"}",
                    QueueAttributeName.VISIBILITY_TIMEOUT, "0"))).queueUrl();
            sqs.sendMessage(b -> b.queueUrl(work).messageBody(body));
            sqs.receiveMessage(b -> b.queueUrl(work));
            sqs.receiveMessage(b -> b.queueUrl(work));
        }
    }

    @Test
    void theTrailShowsOnlyThisTestsHops() {
        Throwable t = onlyFailure(NoisyNeighbour.class);
        assertThat(t.getMessage())
                .contains("Event trail of resultNeverArrives(Cloud):")
                .contains("sqs:redrive")
                .contains("{\"mine\":1}")
                .doesNotContain("{\"theirs\":2}")
                .doesNotContain(neighbourPrefix);
    }

    /** A function created with plain SDK calls, under a name without the test's prefix. */
    @Example
    @EventHarness
    static class PlainSdkFunction {
        @Test
        void resultNeverArrives(Cloud cloud) {
            String name = "plain-" + Long.toString(System.nanoTime(), 36);
            plainFunction = name;
            cloud.lambda().createFunction(b -> b.functionName(name).runtime("python3.12").handler("handler.handle")
                    .role(cloud.wire().executionRoleArn())
                    .code(c -> c.zipFile(SdkBytes.fromByteArray(Zips.ofFolder(Path.of("src/test/resources/functions/thumbnailer"))))));
            cloud.lambda().waiter().waitUntilFunctionActiveV2(b -> b.functionName(name));
            cloud.lambda().invoke(b -> b.functionName(name).invocationType(InvocationType.EVENT)
                    .payload(SdkBytes.fromUtf8String("{\"key\": \"dog.png\"}")));
            cloud.logsOf(name).await().invocations(1);
            String results = cloud.sqs().createQueue(b -> b.queueName(cloud.name("results"))).queueUrl();
            cloud.queue(results).await().atMost(Duration.ofMillis(300)).message();
        }
    }

    @Test
    void functionsCreatedWithPlainSdkCallsAreInTheStory() {
        Throwable t = onlyFailure(PlainSdkFunction.class);
        assertThat(t.getMessage())
                .contains("Invocations of " + plainFunction + ":")
                .contains("Last log lines of " + plainFunction + ":")
                .contains("making a thumbnail of dog.png")
                .contains("function:" + plainFunction); // its hop is on the trail: it is one of the test's resources
    }

    /** A Java function that fails: its invocation is an error with its type, message and stack, not "ok". */
    @Example
    @EventHarness
    static class BrokenJavaDivider {
        @Test
        void resultNeverArrives(Cloud cloud) {
            String name = cloud.name("divider");
            cloud.lambda().createFunction(b -> b.functionName(name).runtime("java17").handler(Divider.class.getName() + "::divide")
                    .role(cloud.wire().executionRoleArn()).memorySize(256).timeout(30)
                    .code(c -> c.zipFile(SdkBytes.fromByteArray(classZip(Divider.class)))));
            cloud.lambda().waiter().waitUntilFunctionActiveV2(b -> b.functionName(name));
            cloud.lambda().invoke(b -> b.functionName(name).payload(SdkBytes.fromUtf8String("{\"x\": 10, \"y\": 0}")));
            String results = cloud.sqs().createQueue(b -> b.queueName(cloud.name("results"))).queueUrl();
            cloud.queue(results).await().atMost(Duration.ofMillis(300)).message();
        }
    }

    @Test
    void aFailedJavaInvocationShowsItsErrorAndTheTopOfItsStack() {
        Throwable t = onlyFailure(BrokenJavaDivider.class);
        assertThat(t.getMessage())
                .contains("[error java.lang.ArithmeticException")
                .containsPattern("warm|cold")
                .contains("ERROR java.lang.ArithmeticException: / by zero\n        at " + Divider.class.getName()
                        + ".divide(Divider.java:")
                .doesNotContain("MB  ok");
    }

    /** A deployment package holding one class file, where the runtime looks for it. */
    static byte[] classZip(Class<?> c) {
        String entry = c.getName().replace('.', '/') + ".class";
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(out);
             java.io.InputStream in = c.getClassLoader().getResourceAsStream(entry)) {
            zip.putNextEntry(new java.util.zip.ZipEntry(entry));
            in.transferTo(zip);
            zip.closeEntry();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static Throwable onlyFailure(Class<?> c) {
        List<Event> failed = TestKit.run(c).testEvents().failed().list();
        assertThat(failed).hasSize(1);
        return TestKit.failureOf(failed.get(0));
    }
}
