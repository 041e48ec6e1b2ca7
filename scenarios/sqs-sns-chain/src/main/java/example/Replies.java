package example;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Where the functions report what they did: the queue each order names ({@code replyTo}), through the SDK's SQS
 * client, built once per sandbox. Region, credentials and, on a local backend, the endpoint
 * ({@code AWS_ENDPOINT_URL}) come from the environment Lambda sets; the SDK reads them by itself.
 */
final class Replies {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final SqsClient SQS = SqsClient.builder().httpClient(UrlConnectionHttpClient.create()).build();

    private Replies() {
    }

    static void send(String queueUrl, ObjectNode reply) {
        SQS.sendMessage(b -> b.queueUrl(queueUrl).messageBody(reply.toString()));
    }
}
