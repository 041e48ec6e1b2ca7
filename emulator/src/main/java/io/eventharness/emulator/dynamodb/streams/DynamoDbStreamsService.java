package io.eventharness.emulator.dynamodb.streams;

import io.eventharness.emulator.protocol.EmulatedService;
import io.eventharness.emulator.protocol.Protocol;
import io.eventharness.emulator.protocol.ServiceSpec;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * DynamoDB Streams (awsJson 1.0, {@code X-Amz-Target: DynamoDBStreams_20120810.<Op>}, signed as {@code dynamodb} like
 * DynamoDB itself: the router tells them apart by the target prefix). Reads the {@link Streams} that DynamoDB's
 * tables write; the in-JVM API for event source mappings is on {@code DynamoDbService}.
 */
public final class DynamoDbStreamsService implements EmulatedService {
    public static final ServiceSpec SPEC = ServiceSpec.awsJson("dynamodb", Protocol.AWS_JSON_1_0, DynamoDbStreamsClient.class,
            "DynamoDBStreams_20120810").withJsonDialect(new ServiceSpec.JsonDialect("com.amazonaws.dynamodb.v20120810",
            Map.of("ValidationException", "com.amazon.coral.validate", "SerializationException", "com.amazon.coral.service",
                    "UnknownOperationException", "com.amazon.coral.service"), true));

    private final StreamOperations operations;

    public DynamoDbStreamsService(Streams streams) {
        this.operations = new StreamOperations(streams);
    }

    @Override
    public ServiceSpec spec() {
        return SPEC;
    }

    @Override
    public List<?> operations() {
        return List.of(operations);
    }
}
