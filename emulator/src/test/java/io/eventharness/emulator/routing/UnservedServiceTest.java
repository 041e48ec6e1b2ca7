package io.eventharness.emulator.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.eventharness.emulator.TestAws;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.SfnException;

/**
 * A client of a service the emulator does not serve gets an AWS error in its own protocol that names the service
 * and those served, at once (not S3's {@code 405 MethodNotAllowed} for {@code POST /}, as before).
 */
class UnservedServiceTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SERVED = "it serves " + String.join(", ", io.eventharness.emulator.Emulator.SERVICES);
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void theSdkOfAnUnservedServiceGetsNotImplementedNamingIt() {
        SfnClient stepFunctions = TestAws.client(SfnClient.builder().httpClientBuilder(ApacheHttpClient.builder()));

        SfnException e = catchThrowableOfType(SfnException.class, stepFunctions::listStateMachines);

        assertThat(e.statusCode()).isEqualTo(501);
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("NotImplemented");
        assertThat(e.awsErrorDetails().errorMessage()).startsWith("The Event Harness emulator does not serve states; " + SERVED);
        assertThat(e.numAttempts()).as("a 501 is not retried").isEqualTo(1);
        assertThat(TestAws.sqs().listQueues().sdkHttpResponse().isSuccessful()).as("and the emulator goes on serving").isTrue();
    }

    @Test
    void anUnsignedJsonRequestIsToldByItsTarget() throws Exception {
        HttpResponse<String> r = send(HttpRequest.newBuilder(endpoint("/")).header("Content-Type", "application/x-amz-json-1.1")
                .header("X-Amz-Target", "AmazonSSM.DescribeParameters").POST(HttpRequest.BodyPublishers.ofString("{}")));

        assertThat(r.statusCode()).isEqualTo(501);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/x-amz-json-1.1");
        JsonNode doc = JSON.readTree(r.body());
        assertThat(doc.path("__type").asText()).isEqualTo("NotImplemented");
        assertThat(doc.path("message").asText()).contains("does not serve AmazonSSM; " + SERVED);
    }

    @Test
    void aQueryRequestGetsTheQueryEnvelope() throws Exception {
        HttpResponse<String> r = send(HttpRequest.newBuilder(endpoint("/"))
                .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                .header("Authorization", "AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/cloudformation/aws4_request, "
                        + "SignedHeaders=host, Signature=0")
                .POST(HttpRequest.BodyPublishers.ofString("Action=DescribeStacks&Version=2010-05-15")));

        assertThat(r.statusCode()).isEqualTo(501);
        assertThat(r.body()).startsWith("<ErrorResponse><Error><Type>Sender</Type><Code>NotImplemented</Code><Message>"
                + "The Event Harness emulator does not serve cloudformation; " + SERVED);
    }

    @Test
    void anUnsignedQueryActionNoServiceHasIsNotS3s() throws Exception {
        HttpResponse<String> r = send(HttpRequest.newBuilder(endpoint("/?Action=DescribeStacks&Version=2010-05-15")).GET());

        assertThat(r.statusCode()).isEqualTo(501);
        assertThat(r.body()).contains("<Code>NotImplemented</Code>").contains("does not serve the action DescribeStacks");
    }

    @Test
    void aRestJsonRequestGetsTheRestJsonEnvelope() throws Exception {
        HttpResponse<String> r = send(HttpRequest.newBuilder(endpoint("/restapis")).header("Content-Type", "application/json")
                .header("Authorization", "AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/apigateway/aws4_request, "
                        + "SignedHeaders=host, Signature=0").GET());

        assertThat(r.statusCode()).isEqualTo(501);
        assertThat(r.headers().firstValue("x-amzn-ErrorType")).hasValue("NotImplemented");
        assertThat(JSON.readTree(r.body()).path("message").asText()).contains("does not serve apigateway; " + SERVED);
    }

    private static URI endpoint(String pathAndQuery) {
        return TestAws.emulator().endpoint().resolve(pathAndQuery);
    }

    private HttpResponse<String> send(HttpRequest.Builder b) throws Exception {
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
