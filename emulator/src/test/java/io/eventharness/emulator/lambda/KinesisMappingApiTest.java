package io.eventharness.emulator.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventharness.emulator.TestAws;
import java.time.Instant;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.lambda.model.CreateEventSourceMappingRequest;
import software.amazon.awssdk.services.lambda.model.CreateEventSourceMappingResponse;
import software.amazon.awssdk.services.lambda.model.DestinationConfig;
import software.amazon.awssdk.services.lambda.model.Filter;
import software.amazon.awssdk.services.lambda.model.InvalidParameterValueException;
import software.amazon.awssdk.services.lambda.model.LambdaException;
import software.amazon.awssdk.services.lambda.model.ResourceConflictException;
import software.amazon.awssdk.services.lambda.model.UpdateEventSourceMappingResponse;

/**
 * The event source mapping API for Kinesis through the SDK: the answer with the defaults AWS fills in (recorded), the
 * stream settings answered back and updated, and each refusal with AWS's words.
 */
class KinesisMappingApiTest extends StreamMappingTestBase {
    private static String fn;
    private static String streamArn;

    @BeforeAll
    static void functionAndStream() {
        fn = aws.python("m.handler", "m", "def handler(event, context):\n    return None\n", b -> b.timeout(3));
        String name = TestAws.unique("api");
        kinesis.createStream(b -> b.streamName(name).shardCount(1));
        streamArn = kinesis.describeStreamSummary(b -> b.streamName(name)).streamDescriptionSummary().streamARN();
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
                .startingPosition("LATEST"));
        assertThat(created.sdkHttpResponse().statusCode()).isEqualTo(202);
        assertThat(created.state()).isEqualTo("Creating");
        assertThat(created.batchSize()).isEqualTo(100);
        assertThat(created.bisectBatchOnFunctionError()).isFalse();
        assertThat(created.destinationConfig()).isEqualTo(DestinationConfig.builder().onFailure(f -> { }).build());
        assertThat(created.eventSourceArn()).isEqualTo(streamArn);
        assertThat(created.functionResponseTypes()).isEmpty();
        assertThat(created.hasFunctionResponseTypes()).isTrue();
        assertThat(created.lastProcessingResult()).isEqualTo("No records processed");
        assertThat(created.maximumBatchingWindowInSeconds()).isZero();
        assertThat(created.maximumRecordAgeInSeconds()).isEqualTo(-1);
        assertThat(created.maximumRetryAttempts()).isEqualTo(-1);
        assertThat(created.parallelizationFactor()).isEqualTo(1);
        assertThat(created.startingPositionAsString()).isEqualTo("LATEST");
        assertThat(created.startingPositionTimestamp()).isNull();
        assertThat(created.stateTransitionReason()).isEqualTo("User action");
        assertThat(created.tumblingWindowInSeconds()).isZero();
        assertThat(created.scalingConfig()).isNull();
        assertThat(lambda.getEventSourceMapping(b -> b.uuid(created.uuid())).state()).isEqualTo("Enabled");

        String[] dest = queue();
        UpdateEventSourceMappingResponse updated = lambda.updateEventSourceMapping(b -> b.uuid(created.uuid()).batchSize(500)
                .maximumBatchingWindowInSeconds(5).maximumRetryAttempts(2).maximumRecordAgeInSeconds(3600).bisectBatchOnFunctionError(true)
                .parallelizationFactor(5).tumblingWindowInSeconds(120).functionResponseTypesWithStrings("ReportBatchItemFailures")
                .destinationConfig(d -> d.onFailure(f -> f.destination(dest[1]))));
        assertThat(updated.state()).isEqualTo("Updating");
        assertThat(updated.batchSize()).isEqualTo(500);
        assertThat(updated.maximumBatchingWindowInSeconds()).isEqualTo(5);
        assertThat(updated.maximumRetryAttempts()).isEqualTo(2);
        assertThat(updated.maximumRecordAgeInSeconds()).isEqualTo(3600);
        assertThat(updated.bisectBatchOnFunctionError()).isTrue();
        assertThat(updated.parallelizationFactor()).isEqualTo(5);
        assertThat(updated.tumblingWindowInSeconds()).isEqualTo(120);
        assertThat(updated.functionResponseTypesAsStrings()).containsExactly("ReportBatchItemFailures");
        assertThat(updated.destinationConfig().onFailure().destination()).isEqualTo(dest[1]);
        assertThat(updated.startingPositionAsString()).isEqualTo("LATEST");

        Instant t = Instant.parse("2026-01-02T03:04:05Z");
        String other2 = aws.python("m.handler", "m", "def handler(event, context):\n    return None\n", b -> b.timeout(3));
        CreateEventSourceMappingResponse at = lambda.createEventSourceMapping(b -> b.eventSourceArn(streamArn).functionName(other2)
                .startingPosition("AT_TIMESTAMP").startingPositionTimestamp(t));
        assertThat(at.startingPositionAsString()).isEqualTo("AT_TIMESTAMP");
        assertThat(at.startingPositionTimestamp()).isEqualTo(t);
    }

    @Test
    void theStartingPositionIsCheckedAsAwsChecksIt() {
        refused(b -> b.startingPosition((String) null), InvalidParameterValueException.class,
                "1 validation error detected: Value null at 'startingPosition' failed to satisfy constraint: Member must not be null.");
        refused(b -> b.startingPosition("0"), LambdaException.class,
                "1 validation error detected: Value '0' at 'startingPosition' failed to satisfy constraint: Member must satisfy enum value set: [LATEST, AT_TIMESTAMP, TRIM_HORIZON]");
        refused(b -> b.startingPositionTimestamp(Instant.now()), InvalidParameterValueException.class,
                "Timestamp only valid with StartingPosition AT_TIMESTAMP");
        refused(b -> b.startingPosition("AT_TIMESTAMP"), InvalidParameterValueException.class, "Need to specify a timestamp");
        refused(b -> b.startingPosition("AT_TIMESTAMP").startingPositionTimestamp(Instant.ofEpochSecond(-1_700_000_000L)),
                InvalidParameterValueException.class,
                "Received Exception while reading from provided stream. class java.lang.Long can not be converted to a Timestamp");
    }

    @Test
    void outOfRangeSettingsAreRefusedNamingTheParameter() {
        refused(b -> b.batchSize(10_001), LambdaException.class,
                "1 validation error detected: Value '10001' at 'batchSize' failed to satisfy constraint: Member must have value less than or equal to 10000");
        refused(b -> b.maximumBatchingWindowInSeconds(301), LambdaException.class,
                "1 validation error detected: Value '301' at 'maximumBatchingWindowInSeconds' failed to satisfy constraint: Member must have value less than or equal to 300");
        refused(b -> b.maximumRetryAttempts(-2), LambdaException.class,
                "1 validation error detected: Value '-2' at 'maximumRetryAttempts' failed to satisfy constraint: Member must have value greater than or equal to -1");
        refused(b -> b.maximumRetryAttempts(10_001), LambdaException.class,
                "1 validation error detected: Value '10001' at 'maximumRetryAttempts' failed to satisfy constraint: Member must have value less than or equal to 10000");
        refused(b -> b.parallelizationFactor(11), LambdaException.class,
                "1 validation error detected: Value '11' at 'parallelizationFactor' failed to satisfy constraint: Member must have value less than or equal to 10");
        refused(b -> b.parallelizationFactor(0), LambdaException.class,
                "1 validation error detected: Value '0' at 'parallelizationFactor' failed to satisfy constraint: Member must have value greater than or equal to 1");
        refused(b -> b.tumblingWindowInSeconds(901), LambdaException.class,
                "1 validation error detected: Value '901' at 'tumblingWindowInSeconds' failed to satisfy constraint: Member must have value less than or equal to 900");
        refused(b -> b.maximumRecordAgeInSeconds(604_801), LambdaException.class,
                "1 validation error detected: Value '604801' at 'maximumRecordAgeInSeconds' failed to satisfy constraint: Member must have value less than or equal to 604800");
        refused(b -> b.maximumRecordAgeInSeconds(59), InvalidParameterValueException.class,
                "MaximumRecordAgeInSeconds must be either -1 (forever) or between 60 and 604800 (inclusive)");
    }

    @Test
    void whatAwsRefusesForAStreamAndWhatTheEmulatorDoesNotSimulateAreRefusedNamingThem() {
        refused(b -> b.scalingConfig(s -> s.maximumConcurrency(5)), InvalidParameterValueException.class,
                "Unsupported ScalingConfig parameter for given event source mapping type.");
        refused(b -> b.queues("q"), InvalidParameterValueException.class, "Unsupported Queues parameter for given event source mapping type.");
        refused(b -> b.topics("t"), InvalidParameterValueException.class, "Unsupported Topics parameter for given event source mapping type.");
        refused(b -> b.destinationConfig(d -> d.onSuccess(s -> s.destination("arn:aws:sqs:us-east-1:000000000000:q"))),
                InvalidParameterValueException.class, "Unsupported DestinationConfig parameter for given event source mapping type.");
        refused(b -> b.kmsKeyArn("arn:aws:kms:us-east-1:000000000000:key/1"), InvalidParameterValueException.class,
                "KMSKeyArn is not supported by this emulator's event source mappings (filter criteria are not encrypted: KMS is not emulated); leave it out, or test this on AWS.");
        refused(b -> b.destinationConfig(d -> d.onFailure(f -> f.destination("arn:aws:lambda:us-east-1:000000000000:function:x"))),
                InvalidParameterValueException.class, "The destination ARN arn:aws:lambda:us-east-1:000000000000:function:x is invalid.");
        refused(b -> b.filterCriteria(f -> f.filters(Filter.builder().pattern("{\"data\": [\"plain\"]}").build())),
                InvalidParameterValueException.class, "Invalid filter pattern definition.");
    }

    @Test
    void aStreamThatDoesNotExistAndASecondMappingOfTheSamePairAreRefusedInAwsWords() {
        String missing = streamArn.replace(":stream/", ":stream/missing-");
        assertThatThrownBy(() -> lambda.createEventSourceMapping(b -> b.eventSourceArn(missing).functionName(fn).startingPosition("LATEST")))
                .isInstanceOfSatisfying(InvalidParameterValueException.class,
                        e -> assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Stream not found: " + missing));
        String uuid = lambda.createEventSourceMapping(b -> b.eventSourceArn(streamArn).functionName(fn).startingPosition("LATEST")).uuid();
        assertThatThrownBy(() -> lambda.createEventSourceMapping(b -> b.eventSourceArn(streamArn).functionName(fn).startingPosition("TRIM_HORIZON")))
                .isInstanceOfSatisfying(ResourceConflictException.class, e -> assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(
                        "The event source arn (\" " + streamArn + " \") and function (\" " + fn + " \") provided mapping already exists. "
                                + "Please update or delete the existing mapping with UUID " + uuid));
        assertThatThrownBy(() -> lambda.createEventSourceMapping(b -> b.eventSourceArn(streamArn + "/consumer/c:1").functionName(fn)
                .startingPosition("LATEST"))).isInstanceOf(InvalidParameterValueException.class)
                .hasMessageContaining("enhanced fan-out consumers are not emulated");
        lambda.deleteEventSourceMapping(b -> b.uuid(uuid));
    }
}
