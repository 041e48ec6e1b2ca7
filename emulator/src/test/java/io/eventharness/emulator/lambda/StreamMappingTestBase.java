package io.eventharness.emulator.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.sqs.model.Message;

/** For stream mapping tests: the class's emulator (see {@link MappingTestBase}) and Kinesis and DynamoDB clients for it. */
abstract class StreamMappingTestBase extends MappingTestBase {
    static KinesisClient kinesis;
    static DynamoDbClient ddb;
    static DynamoDbStreamsClient ddbStreams;

    @BeforeAll
    static void kinesisClient() {
        kinesis = aws.kinesis();
        ddb = aws.dynamodb();
        ddbStreams = aws.dynamodbStreams();
    }

    /** A new table whose stream has this view type, and a new recorder function. */
    static MappedTable table(StreamViewType view) {
        return MappedTable.create(aws, ddb, dir, view, b -> { });
    }

    static MappedStream stream(int shards) {
        return MappedStream.create(aws, kinesis, dir, shards, b -> { });
    }

    static void settle() {
        aws.emulator.settle(Duration.ofSeconds(30));
    }

    static void advance(Duration d) {
        aws.emulator.clock().advance(d);
        settle();
    }

    /** A new queue; its URL and ARN. */
    static String[] queue() {
        String[] arn = new String[1];
        String url = Functions.queue(sqs, io.eventharness.emulator.TestAws.unique("dest"), arn);
        return new String[]{url, arn[0]};
    }

    /** Every message of the queue, parsed (received, not deleted: a second call sees none until they come back). */
    static List<JsonNode> messages(String url) {
        List<JsonNode> out = new ArrayList<>();
        while (true) {
            List<Message> got = sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10).visibilityTimeout(600)).messages();
            if (got.isEmpty()) {
                return out;
            }
            for (Message m : got) {
                try {
                    out.add(MappedQueue.JSON.readTree(m.body()));
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
        }
    }
}
