package io.eventharness.emulator.kinesis;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.eventharness.emulator.TestAws;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Requests no SDK client here can send, as awsJson 1.1 on the wire: a {@code StreamId} (the SDK routes requests
 * that carry one to {@code <id>.control-kinesis.<region>.amazonaws.com}, past the endpoint override; Debian's CLI
 * and boto3 predate it) and a request naming no stream.
 */
class KinesisRawRequestTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private static HttpResponse<String> call(String operation, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(TestAws.emulator().endpoint()).timeout(Duration.ofSeconds(10))
                .header("Authorization", "AWS4-HMAC-SHA256 Credential=test/20261207/us-east-1/kinesis/aws4_request, "
                        + "SignedHeaders=host;x-amz-date, Signature=0000")
                .header("Content-Type", "application/x-amz-json-1.1").header("X-Amz-Target", "Kinesis_20131202." + operation)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aStreamIdIsRefusedNamingIt() throws Exception {
        String name = KinesisFixture.shared().stream(1);

        HttpResponse<String> r = call("DescribeStreamSummary", "{\"StreamName\":\"" + name + "\",\"StreamId\":\"abcdefghij0123456789-abc\"}");

        JsonNode error = JSON.readTree(r.body());
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(error.path("__type").asText()).endsWith("#InvalidArgumentException");
        assertThat(error.path("message").asText()).startsWith("StreamId is not supported by this emulator");
    }

    @Test
    void aRequestNamingNoStreamIsRefused() throws Exception {
        HttpResponse<String> r = call("DescribeStreamSummary", "{}");

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(r.body()).path("message").asText()).isEqualTo("Either StreamName or StreamARN must be provided.");
    }
}
