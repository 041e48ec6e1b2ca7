package com.example;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventharness.harness.Cloud;
import io.eventharness.harness.DeployedFunction;
import io.eventharness.harness.EventHarness;
import io.eventharness.harness.JavaFunction;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A unit test (Surefire, before package): the function is deployed from its compiled classes and the runtime jars of
 * the test class path, so this runs in {@code mvn test} and from an IDE, on the code just compiled.
 */
@EventHarness
class OrderReceiptsTest {

    @Test
    void writesAReceiptPerOrderAndReportsTheRest(Cloud cloud) {
        String bucket = cloud.name("receipts");
        cloud.s3().createBucket(b -> b.bucket(bucket));
        DeployedFunction fn = cloud.deploy(JavaFunction.fromModuleClasses().handler("com.example.OrderReceipts::handleRequest")
                .memoryMb(512).timeout(Duration.ofSeconds(30)).env("RECEIPTS_BUCKET", bucket));

        var result = fn.invoke(Orders.batch("m-1", "{\"order\": 42}", "m-2", "hello"));

        assertThat(result.failed()).as(result.payload()).isFalse();
        assertThat(result.json().path("batchItemFailures").get(0).path("itemIdentifier").asText()).isEqualTo("m-2");
        assertThat(cloud.bucket(bucket).await().object("receipts/m-1.json").asUtf8String()).contains("\"order\": 42");
        cloud.logsOf(fn).await().contains("not an order: m-2");
    }
}
