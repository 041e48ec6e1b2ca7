package com.example;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventharness.harness.Cloud;
import io.eventharness.harness.DeployedFunction;
import io.eventharness.harness.EventHarness;
import io.eventharness.harness.JavaFunction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An integration test (Failsafe, after package): the shaded jar exactly as it would be uploaded to AWS, deployed
 * once for the class (a static Cloud and {@code @BeforeAll}) and invoked by each test.
 */
@EventHarness
class OrderReceiptsIT {
    static final Path JAR = Path.of("target/order-receipts-1.0-SNAPSHOT.jar");
    static Cloud shared;          // the class's Cloud: what it creates lives until the class ends
    static DeployedFunction fn;
    static String bucket;

    @BeforeAll
    static void deployTheShadedJar() throws Exception {
        assertThat(Files.size(JAR)).as("the shaded jar's size").isGreaterThanOrEqualTo(20L * 1024 * 1024);
        bucket = shared.name("receipts");
        shared.s3().createBucket(b -> b.bucket(bucket));
        fn = shared.deploy(JavaFunction.fromJar(JAR).handler("com.example.OrderReceipts::handleRequest")
                .memoryMb(512).timeout(Duration.ofSeconds(30)).env("RECEIPTS_BUCKET", bucket));
    }

    @Test
    void anOrderGetsItsReceipt(Cloud cloud) {
        var result = fn.invoke(Orders.batch("it-1", "{\"order\": 7}"));
        assertThat(result.failed()).as(result.payload()).isFalse();
        assertThat(cloud.bucket(bucket).await().object("receipts/it-1.json").asUtf8String()).contains("\"order\": 7");
    }

    @Test
    void anythingElseComesBack(Cloud cloud) {
        var result = fn.invoke(Orders.batch("it-2", "not json"));
        assertThat(result.json().path("batchItemFailures").get(0).path("itemIdentifier").asText()).isEqualTo("it-2");
        cloud.logsOf(fn).await().contains("not an order: it-2");
    }
}
