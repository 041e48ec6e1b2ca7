package io.eventharness.emulator.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.eventharness.emulator.Emulator;
import io.eventharness.emulator.TestAws;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.Http2Metric;
import software.amazon.awssdk.http.Protocol;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.metrics.MetricCollection;
import software.amazon.awssdk.metrics.MetricPublisher;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * HTTP/2 cleartext on the same port as HTTP/1.1: with prior knowledge (the SDK's Netty client, as it
 * talks to Kinesis) and through the HTTP/1.1 {@code Upgrade: h2c} dance (the JDK's HttpClient).
 */
class H2cTest {

    @Test
    void nettyClientWithPriorKnowledgeServesSqs() {
        List<MetricCollection> metrics = new CopyOnWriteArrayList<>();
        Emulator aws = TestAws.emulator();
        try (SqsAsyncClient h2 = SqsAsyncClient.builder()
                .endpointOverride(aws.endpoint()).region(aws.region()).credentialsProvider(aws.credentials())
                .httpClientBuilder(NettyNioAsyncHttpClient.builder().protocol(Protocol.HTTP2))
                .overrideConfiguration(ClientOverrideConfiguration.builder().addMetricPublisher(collectInto(metrics)).build())
                .build()) {
            String url = h2.createQueue(b -> b.queueName(TestAws.unique("h2c"))).join().queueUrl();
            h2.sendMessage(b -> b.queueUrl(url).messageBody("over h2c")).join();
            assertThat(h2.receiveMessage(b -> b.queueUrl(url)).join().messages())
                    .singleElement().satisfies(m -> assertThat(m.body()).isEqualTo("over h2c"));

            // The Netty client reports HTTP/2 stream windows only for calls that went over HTTP/2.
            // Metrics are published as the call completes, possibly just after join() returns.
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(metrics).hasSize(3));
            assertThat(metrics).allSatisfy(call ->
                    assertThat(call.childrenWithName("ApiCallAttempt").flatMap(a -> a.childrenWithName("HttpClient"))
                            .flatMap(h -> h.metricValues(Http2Metric.REMOTE_STREAM_WINDOW_SIZE_IN_BYTES).stream()))
                            .as("HTTP/2 stream window reported for %s", call).isNotEmpty());

            // Same port, HTTP/1.1 (Apache client), same queue.
            SqsClient h1 = TestAws.sqs();
            h1.sendMessage(b -> b.queueUrl(url).messageBody("over http/1.1"));
            assertThat(h2.receiveMessage(b -> b.queueUrl(url)).join().messages())
                    .singleElement().satisfies(m -> assertThat(m.body()).isEqualTo("over http/1.1"));
        }
    }

    @Test
    void jdkClientUpgradesToH2c() throws Exception {
        URI endpoint = TestAws.emulator().endpoint();
        HttpClient jdk = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).connectTimeout(Duration.ofSeconds(5)).build();
        // The JDK client upgrades on the first request of a connection, then keeps using HTTP/2.
        HttpResponse<String> first = jdk.send(HttpRequest.newBuilder(endpoint.resolve("/_harness/health"))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.version()).isEqualTo(HttpClient.Version.HTTP_2);

        HttpResponse<String> sqs = jdk.send(HttpRequest.newBuilder(endpoint)
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-amz-json-1.0")
                .header("X-Amz-Target", "AmazonSQS.ListQueues")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(sqs.version()).isEqualTo(HttpClient.Version.HTTP_2);
        assertThat(sqs.statusCode()).isEqualTo(200);
        assertThat(sqs.body()).startsWith("{");

        HttpResponse<String> h1 = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(HttpRequest.newBuilder(endpoint.resolve("/_harness/health")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(h1.version()).isEqualTo(HttpClient.Version.HTTP_1_1);
        assertThat(h1.statusCode()).isEqualTo(200);
    }

    private static MetricPublisher collectInto(List<MetricCollection> sink) {
        return new MetricPublisher() {
            @Override
            public void publish(MetricCollection metricCollection) {
                sink.add(metricCollection);
            }

            @Override
            public void close() {
            }
        };
    }
}
