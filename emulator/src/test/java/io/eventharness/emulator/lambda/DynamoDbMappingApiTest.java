package io.eventharness.emulator.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventharness.emulator.TestAws;
import java.time.Instant;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.lambda.model.CreateEventSourceMappingRequest;
import software.amazon.awssdk.services.lambda.model.CreateEventSourceMappingResponse;
import software.amazon.awssdk.services.lambda.model.DestinationConfig;
import software.amazon.awssdk.services.lambda.model.Filter;
import software.amazon.awssdk.services.lambda.model.InvalidParameterValueException;
import software.amazon.awssdk.services.lambda.model.LambdaException;
import software.amazon.awssdk.services.lambda.model.ResourceConflictException;
import software.amazon.awssdk.services.lambda.model.UpdateEventSourceMappingResponse;

/**
 * The event source mapping API for DynamoDB Streams through the SDK: the answer with the defaults AWS fills in, the
 * stream settings answered back and updated, and each refusal with AWS's words ({@code AT_TIMESTAMP} is for Kinesis
 * only; a table without a stream, or its table ARN, is not a stream).
 */
class DynamoDbMappingApiTest extends StreamMappingTestBase {
    private static String fn;
    private static String streamArn;
    private static String tableArn;

    @BeforeAll
    static void functionAndTable() {
        fn = aws.python("m.handler", "m", "def handler(event, context):\n    return None\n", b -> b.timeout(3));
        String name = TestAws.unique("api");
        var created = ddb.createTable(b -> b.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S))
                .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH))
                .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES))).tableDescription();
        streamArn = created.latestStreamArn();
        tableArn = created.tableArn();
    }

    private static void refused(Consumer<CreateEventSourceMappingRequest.Builder> request, Class<? extends LambdaException> type,
                                String message) {
        assertThatThrownBy(() -> lambda.createEventSourceMapping(b -> {
            b.eventSourceArn(streamArn).functionName(fn).startingPosition("LATEST");
            request.accept(b);
        })).isInstanceOfSatisfying(type, e -> assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(message));
    }

    @Test
    void aMappingAnswersTheDefaultsAwsFillsInAndItsStreamSettings() {
        String other = aws.python("m.handler", "m", "def handler(event, context):\n    return None\n", b -> b.timeout(3));
        CreateEventSourceMappingResponse created = lambda.createEventSourceMapping(b -> b.eventSourceArn(streamArn).functionName(other)
                .startingPosition("TRIM_HORIZON"));
        assertThat(created.sdkHttpResponse().statusCode()).isEqualTo(202);
        assertThat(created.state()).isEqualTo("Creating");
        assertThat(created.batchSize()).isEqualTo(100);
        assertThat(created.bisectBatchOnFunctionError()).isFalse();
        assertThat(created.destinationConfig()).isEqualTo(DestinationConfig.builder().onFailure(f -> { }).build());
        assertThat(created.eventSourceArn()).isEqualTo(streamArn);
        assertThat(created.functionResponseTypes()).isEmpty();
        assertThat(created.lastProcessingResult()).isEqualTo("No records processed");
        assertThat(created.maximumBatchingWindowInSeconds()).isZero();
        assertThat(created.maximumRecordAgeInSeconds()).isEqualTo(-1);
        assertThat(created.maximumRetryAttempts()).isEqualTo(-1);
        assertThat(created.parallelizationFactor()).isEqualTo(1);
        assertThat(created.startingPositionAsString()).isEqualTo("TRIM_HORIZON");
        assertThat(created.startingPositionTimestamp()).isNull();
        assertThat(created.stateTransitionReason()).isEqualTo("User action");
        assertThat(created.tumblingWindowInSeconds()).isZero();
        assertThat(created.scalingConfig()).isNull();
        assertThat(lambda.getEventSourceMapping(b -> b.uuid(created.uuid())).state()).isEqualTo("Enabled");
        assertThat(lambda.listEventSourceMappings(b -> b.eventSourceArn(streamArn)).eventSourceMappings())
                .extracting(m -> m.uuid()).contains(created.uuid());

        String[] dest = queue();
        UpdateEventSourceMappingResponse updated = lambda.updateEventSourceMapping(b -> b.uuid(created.uuid()).batchSize(10_000)
                .maximumBatchingWindowInSeconds(5).maximumRetryAttempts(2).maximumRecordAgeInSeconds(3600).bisectBatchOnFunctionError(true)
                .parallelizationFactor(10).tumblingWindowInSeconds(900).functionResponseTypesWithStrings("ReportBatchItemFailures")
                .filterCriteria(f -> f.filters(Filter.builder().pattern("{\"eventName\": [\"INSERT\"]}").build()))
                .destinationConfig(d -> d.onFailure(f -> f.destination(dest[1]))));
        assertThat(updated.state()).isEqualTo("Updating");
        assertThat(updated.batchSize()).isEqualTo(10_000);
        assertThat(updated.maximumBatchingWindowInSeconds()).isEqualTo(5);
        assertThat(updated.maximumRetryAttempts()).isEqualTo(2);
        assertThat(updated.maximumRecordAgeInSeconds()).isEqualTo(3600);
        assertThat(updated.bisectBatchOnFunctionError()).isTrue();
        assertThat(updated.parallelizationFactor()).isEqualTo(10);
        assertThat(updated.tumblingWindowInSeconds()).isEqualTo(900);
        assertThat(updated.functionResponseTypesAsStrings()).containsExactly("ReportBatchItemFailures");
        assertThat(updated.filterCriteria().filters()).singleElement().satisfies(f -> assertThat(f.pattern()).contains("INSERT"));
        assertThat(updated.destinationConfig().onFailure().destination()).isEqualTo(dest[1]);
        assertThat(updated.startingPositionAsString()).isEqualTo("TRIM_HORIZON");
        lambda.deleteEventSourceMapping(b -> b.uuid(created.uuid()));
    }

    @Test
    void atTimestampIsForKinesisOnlyAndTheOtherStartingPositionRulesHold() {
        refused(b -> b.startingPosition("AT_TIMESTAMP").startingPositionTimestamp(Instant.parse("2026-01-02T03:04:05Z")),
                InvalidParameterValueException.class, "Unsupported starting position for arn type: " + streamArn);
        refused(b -> b.startingPosition((String) null), InvalidParameterValueException.class,
                "1 validation error detected: Value null at 'startingPosition' failed to satisfy constraint: Member must not be null.");
        refused(b -> b.startingPositionTimestamp(Instant.now()), InvalidParameterValueException.class,
                "Timestamp only valid with StartingPosition AT_TIMESTAMP");
    }

    @Test
    void outOfRangeSettingsAndWhatAStreamDoesNotTakeAreRefusedNamingThem() {
        refused(b -> b.batchSize(10_001), LambdaException.class,
                "1 validation error detected: Value '10001' at 'batchSize' failed to satisfy constraint: Member must have value less than or equal to 10000");
        refused(b -> b.parallelizationFactor(11), LambdaException.class,
                "1 validation error detected: Value '11' at 'parallelizationFactor' failed to satisfy constraint: Member must have value less than or equal to 10");
        refused(b -> b.maximumRecordAgeInSeconds(59), InvalidParameterValueException.class,
                "MaximumRecordAgeInSeconds must be either -1 (forever) or between 60 and 604800 (inclusive)");
        refused(b -> b.scalingConfig(s -> s.maximumConcurrency(5)), InvalidParameterValueException.class,
                "Unsupported ScalingConfig parameter for given event source mapping type.");
        refused(b -> b.destinationConfig(d -> d.onSuccess(s -> s.destination("arn:aws:sqs:us-east-1:000000000000:q"))),
                InvalidParameterValueException.class, "Unsupported DestinationConfig parameter for given event source mapping type.");
        refused(b -> b.filterCriteria(f -> f.filters(Filter.builder().pattern("{\"dynamodb\": [\"x\"]}").build())),
                InvalidParameterValueException.class, "Invalid filter pattern definition.");
    }

    @Test
    void aStreamThatDoesNotExistATableArnAndASecondMappingOfTheSamePairAreRefusedInAwsWords() {
        String missing = streamArn.replace("/stream/", "-missing/stream/");
        for (String notAStream : new String[]{missing, tableArn}) {
            assertThatThrownBy(() -> lambda.createEventSourceMapping(b -> b.eventSourceArn(notAStream).functionName(fn).startingPosition("LATEST")))
                    .isInstanceOfSatisfying(InvalidParameterValueException.class,
                            e -> assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Stream not found: " + notAStream));
        }
        String uuid = lambda.createEventSourceMapping(b -> b.eventSourceArn(streamArn).functionName(fn).startingPosition("LATEST")).uuid();
        assertThatThrownBy(() -> lambda.createEventSourceMapping(b -> b.eventSourceArn(streamArn).functionName(fn).startingPosition("TRIM_HORIZON")))
                .isInstanceOfSatisfying(ResourceConflictException.class, e -> assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(
                        "The event source arn (\" " + streamArn + " \") and function (\" " + fn + " \") provided mapping already exists. "
                                + "Please update or delete the existing mapping with UUID " + uuid));
        lambda.deleteEventSourceMapping(b -> b.uuid(uuid));
    }
}
