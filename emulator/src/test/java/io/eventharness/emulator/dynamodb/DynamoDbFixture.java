package io.eventharness.emulator.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.eventharness.emulator.TestAws;
import io.eventharness.emulator.core.EmulatorClock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsAsyncClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * Clients and helpers for the DynamoDB tests: the unmodified SDK v2 clients (sync over Apache HTTP, async over
 * Netty), pointed at the JVM's shared emulator. Every table has a unique name.
 */
final class DynamoDbFixture {
    static final DynamoDbClient DDB = TestAws.client(DynamoDbClient.builder().httpClientBuilder(ApacheHttpClient.builder()));
    static final DynamoDbStreamsClient STREAMS = TestAws.client(DynamoDbStreamsClient.builder().httpClientBuilder(ApacheHttpClient.builder()));
    private static DynamoDbAsyncClient async;
    private static DynamoDbStreamsAsyncClient streamsAsync;

    final DynamoDbClient ddb = DDB;
    final DynamoDbStreamsClient streams = STREAMS;
    final EmulatorClock clock = TestAws.emulator().clock();

    static synchronized DynamoDbAsyncClient async() {
        if (async == null) {
            async = TestAws.client(DynamoDbAsyncClient.builder().httpClientBuilder(NettyNioAsyncHttpClient.builder()));
        }
        return async;
    }

    static synchronized DynamoDbStreamsAsyncClient streamsAsync() {
        if (streamsAsync == null) {
            streamsAsync = TestAws.client(DynamoDbStreamsAsyncClient.builder().httpClientBuilder(NettyNioAsyncHttpClient.builder()));
        }
        return streamsAsync;
    }

    DynamoDbService service() {
        return TestAws.emulator().services().dynamodb();
    }

    /** An on-demand table with a string partition key {@code pk} (and a sort key {@code sk} of this type, when given). */
    String table(ScalarAttributeType sortType) {
        return table(sortType, b -> b);
    }

    String table(ScalarAttributeType sortType, java.util.function.UnaryOperator<CreateTableRequest.Builder> more) {
        String name = TestAws.unique("t");
        List<AttributeDefinition> defs = new java.util.ArrayList<>(List.of(attr("pk", ScalarAttributeType.S)));
        List<KeySchemaElement> keys = new java.util.ArrayList<>(List.of(key("pk", KeyType.HASH)));
        if (sortType != null) {
            defs.add(attr("sk", sortType));
            keys.add(key("sk", KeyType.RANGE));
        }
        ddb.createTable(more.apply(CreateTableRequest.builder().tableName(name).attributeDefinitions(defs).keySchema(keys)
                .billingMode(BillingMode.PAY_PER_REQUEST)).build());
        return name;
    }

    static AttributeDefinition attr(String name, ScalarAttributeType type) {
        return AttributeDefinition.builder().attributeName(name).attributeType(type).build();
    }

    static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }

    static AttributeValue s(String v) {
        return AttributeValue.fromS(v);
    }

    static AttributeValue n(String v) {
        return AttributeValue.fromN(v);
    }

    /** An item from name/value pairs. */
    static Map<String, AttributeValue> item(Object... pairs) {
        Map<String, AttributeValue> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            Object v = pairs[i + 1];
            m.put((String) pairs[i], v instanceof AttributeValue a ? a : v instanceof Number ? n(v.toString()) : s((String) v));
        }
        return m;
    }

    /** The DynamoDbException a call throws, after asserting its code and status 400. */
    static DynamoDbException failure(ThrowingCallable call, String code) {
        return failure(call, code, 400);
    }

    static DynamoDbException failure(ThrowingCallable call, String code, int status) {
        Throwable t = catchThrowable(call);
        assertThat(t).isInstanceOf(DynamoDbException.class);
        DynamoDbException e = (DynamoDbException) t;
        assertThat(e.awsErrorDetails().errorCode()).as(e.getMessage()).isEqualTo(code);
        assertThat(e.statusCode()).isEqualTo(status);
        return e;
    }

    /** The message of a ValidationException a call throws. */
    static String validation(ThrowingCallable call) {
        return failure(call, "ValidationException").awsErrorDetails().errorMessage();
    }
}
