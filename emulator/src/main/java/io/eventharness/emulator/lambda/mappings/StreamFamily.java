package io.eventharness.emulator.lambda.mappings;

import com.fasterxml.jackson.databind.JsonNode;
import io.eventharness.emulator.core.Arn;
import io.eventharness.emulator.core.Json;
import io.eventharness.emulator.delivery.ReadableStreams;
import io.eventharness.emulator.lambda.mappings.StreamOptions.StartingPosition;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.lambda.model.DestinationConfig;
import software.amazon.awssdk.services.lambda.model.EventSourceMappingConfiguration;
import software.amazon.awssdk.services.lambda.model.Filter;
import software.amazon.awssdk.services.lambda.model.FunctionResponseType;
import software.amazon.awssdk.services.lambda.model.OnFailure;

/**
 * Mappings of streams, Kinesis data streams or DynamoDB Streams (<a
 * href="https://docs.aws.amazon.com/lambda/latest/dg/with-kinesis.html">Using Lambda with Kinesis</a>, <a
 * href="https://docs.aws.amazon.com/lambda/latest/dg/with-ddb.html">... with DynamoDB</a>): {@code StartingPosition}
 * (required; {@code AT_TIMESTAMP} with {@code StartingPositionTimestamp} for Kinesis only), {@code BatchSize} 1–10,000
 * (default 100), {@code MaximumBatchingWindowInSeconds} 0–300, {@code FilterCriteria},
 * {@code FunctionResponseTypes: [ReportBatchItemFailures]}, {@code MaximumRetryAttempts} -1–10,000,
 * {@code MaximumRecordAgeInSeconds} -1 or 60–604,800, {@code BisectBatchOnFunctionError},
 * {@code ParallelizationFactor} 1–10, {@code TumblingWindowInSeconds} 0–900, {@code DestinationConfig.OnFailure} (an
 * SQS queue, SNS topic or S3 bucket), {@code Enabled}, {@code Tags}; AWS's errors word for word where they were
 * recorded. What AWS refuses for a stream, and what it takes and the emulator does not simulate, is refused naming it.
 */
final class StreamFamily implements SourceFamily {
    static final int DEFAULT_BATCH = 100;
    static final int MAX_BATCH = 10_000;
    static final int MAX_WINDOW = 300;
    static final int MAX_RECORD_AGE = 604_800;
    static final int MIN_RECORD_AGE = 60;
    static final int MAX_RETRIES = 10_000;
    static final int MAX_PARALLELIZATION = 10;
    static final int MAX_TUMBLING_WINDOW = 900;
    /** What AWS answers before the first batch. */
    static final String NO_RECORDS = "No records processed";

    /** What AWS takes for queues or Kafka and refuses for a stream. */
    private static final Set<String> NOT_FOR_STREAMS = Set.of("Topics", "Queues", "SourceAccessConfigurations",
            "SelfManagedEventSource", "AmazonManagedKafkaEventSourceConfig", "SelfManagedKafkaEventSourceConfig",
            "DocumentDBEventSourceConfig");
    /** What AWS takes for a stream and the emulator does not simulate: why. */
    private static final Map<String, String> NOT_SIMULATED = Map.of(
            "KMSKeyArn", "filter criteria are not encrypted: KMS is not emulated",
            "MetricsConfig", "CloudWatch metrics are not emulated",
            "LoggingConfig", "the mapping's own logs are not emulated",
            "ProvisionedPollerConfig", "pollers are not provisioned: batches start as records arrive");
    /** The parameters this family reads from {@link MappingRequest#others()}. */
    private static final Set<String> STREAM_PARAMETERS = Set.of("StartingPosition", "StartingPositionTimestamp",
            "MaximumRecordAgeInSeconds", "MaximumRetryAttempts", "BisectBatchOnFunctionError", "ParallelizationFactor",
            "TumblingWindowInSeconds", "DestinationConfig");

    private final ReadableStreams streams;
    private final StreamFormat format;

    StreamFamily(ReadableStreams streams, StreamFormat format) {
        this.streams = streams;
        this.format = format;
    }

    @Override
    public String service() {
        return format.service();
    }

    /** What AWS's managed execution roles for stream sources grant ({@code AWSLambdaKinesisExecutionRole}, ...). */
    @Override
    public List<String> readActions() {
        String s = format.service();
        return List.of(s + ":GetRecords", s + ":GetShardIterator", s + ":DescribeStream",
                s.equals("kinesis") ? "kinesis:ListShards" : s + ":ListStreams");
    }

    @Override
    public String roleDenied(Arn source, String action) {
        String name = format.service().equals("kinesis") ? "Kinesis" : "DynamoDB";
        return "The provided execution role does not have permissions to call " + action.substring(action.indexOf(':') + 1)
                + " on " + name;
    }

    @Override
    public MappingSettings settings(MappingRequest r, MappingSettings base, Arn source) {
        Map<String, Object> given = r.others();
        for (String name : given.keySet()) {
            if (NOT_FOR_STREAMS.contains(name)) {
                throw MappingErrors.unsupported(name);
            }
            if (!STREAM_PARAMETERS.contains(name)) {
                throw MappingErrors.notEmulated(name, NOT_SIMULATED.getOrDefault(name, "not simulated"));
            }
        }
        if (r.scalingConfigGiven()) {
            throw MappingErrors.unsupported("ScalingConfig");
        }
        StreamOptions was = base == null ? null : (StreamOptions) base.options();
        StartingPosition start = was != null ? was.startingPosition() : startingPosition(given, source);
        Instant timestamp = was != null ? was.startingTimestamp() : (Instant) given.get("StartingPositionTimestamp");
        int batchSize = range("batchSize", r.batchSize(), 1, MAX_BATCH, base == null ? DEFAULT_BATCH : base.batchSize());
        int window = range("maximumBatchingWindowInSeconds", r.batchingWindowSeconds(), 0, MAX_WINDOW,
                base == null ? 0 : base.batchingWindowSeconds());
        int age = range("maximumRecordAgeInSeconds", (Integer) given.get("MaximumRecordAgeInSeconds"), -1, MAX_RECORD_AGE,
                was == null ? -1 : was.maximumRecordAge());
        int retries = range("maximumRetryAttempts", (Integer) given.get("MaximumRetryAttempts"), -1, MAX_RETRIES,
                was == null ? -1 : was.maximumRetryAttempts());
        int parallel = range("parallelizationFactor", (Integer) given.get("ParallelizationFactor"), 1, MAX_PARALLELIZATION,
                was == null ? 1 : was.parallelization());
        int tumbling = range("tumblingWindowInSeconds", (Integer) given.get("TumblingWindowInSeconds"), 0, MAX_TUMBLING_WINDOW,
                was == null ? 0 : was.tumblingWindowSeconds());
        if (age >= 0 && age < MIN_RECORD_AGE) {
            throw MappingErrors.invalid("MaximumRecordAgeInSeconds must be either -1 (forever) or between " + MIN_RECORD_AGE
                    + " and " + MAX_RECORD_AGE + " (inclusive)");
        }
        Boolean bisectGiven = (Boolean) given.get("BisectBatchOnFunctionError");
        boolean bisect = bisectGiven != null ? bisectGiven : was != null && was.bisectOnFunctionError();
        Arn onFailure = given.containsKey("DestinationConfig") ? onFailure((DestinationConfig) given.get("DestinationConfig"))
                : was == null ? null : was.onFailure();
        boolean report = base != null && base.reportBatchItemFailures();
        if (r.responseTypes() != null) {
            for (String t : r.responseTypes()) {
                if (FunctionResponseType.fromValue(t) == FunctionResponseType.UNKNOWN_TO_SDK_VERSION) {
                    throw MappingErrors.validation("functionResponseTypes", r.responseTypes(),
                            "Member must satisfy constraint: [Member must satisfy enum value set: [ReportBatchItemFailures]]");
                }
            }
            report = r.responseTypes().contains(FunctionResponseType.REPORT_BATCH_ITEM_FAILURES.toString());
        }
        EventFilter filter = base != null ? base.filter() : null;
        if (r.filterCriteria() != null) {
            filter = EventFilter.of(r.filterCriteria());
            checkDataPatterns(filter);
        }
        boolean enabled = r.enabled() != null ? r.enabled() : base == null || base.enabled();
        return new MappingSettings(base == null ? null : base.functionArn(), base == null ? null : base.function(), enabled,
                batchSize, window, filter, report, new StreamOptions(start, timestamp, age, retries, bisect, parallel, tumbling,
                onFailure));
    }

    /** {@code StartingPosition} and its timestamp, checked in AWS's order with AWS's words (recorded). */
    private StartingPosition startingPosition(Map<String, Object> given, Arn source) {
        String text = (String) given.get("StartingPosition");
        if (text == null) {
            throw MappingErrors.invalid("1 validation error detected: Value null at 'startingPosition' failed to satisfy "
                    + "constraint: Member must not be null.");
        }
        StartingPosition start;
        try {
            start = StartingPosition.valueOf(text);
        } catch (IllegalArgumentException e) {
            throw MappingErrors.validation("startingPosition", text,
                    "Member must satisfy enum value set: [LATEST, AT_TIMESTAMP, TRIM_HORIZON]");
        }
        if (start == StartingPosition.AT_TIMESTAMP && !format.atTimestamp()) {
            throw MappingErrors.invalid("Unsupported starting position for arn type: " + source);
        }
        Instant timestamp = (Instant) given.get("StartingPositionTimestamp");
        if (timestamp != null && start != StartingPosition.AT_TIMESTAMP) {
            throw MappingErrors.invalid("Timestamp only valid with StartingPosition AT_TIMESTAMP");
        }
        if (start == StartingPosition.AT_TIMESTAMP && timestamp == null) {
            throw MappingErrors.invalid("Need to specify a timestamp");
        }
        if (timestamp != null && timestamp.isBefore(Instant.EPOCH)) {
            throw MappingErrors.invalid("Received Exception while reading from provided stream. class java.lang.Long can not "
                    + "be converted to a Timestamp");
        }
        return start;
    }

    /** A value within the model's bounds ({@code ValidationException} otherwise), or {@code otherwise} when not given. */
    private static int range(String member, Integer value, int min, int max, int otherwise) {
        if (value == null) {
            return otherwise;
        }
        if (value < min) {
            throw MappingErrors.validation(member, value, "Member must have value greater than or equal to " + min);
        }
        if (value > max) {
            throw MappingErrors.validation(member, value, "Member must have value less than or equal to " + max);
        }
        return value;
    }

    /** The {@code OnFailure} destination: an SQS queue, an SNS topic or an S3 bucket; null to have none. */
    private static Arn onFailure(DestinationConfig d) {
        OnFailure f = d == null ? null : d.onFailure();
        if (f == null || f.destination() == null || f.destination().isEmpty()) {
            return null;
        }
        Arn arn = Arn.tryParse(f.destination()).orElse(null);
        boolean ok = arn != null && switch (arn.service()) {
            case "sqs", "sns" -> !arn.region().isEmpty() && !arn.account().isEmpty();
            case "s3" -> arn.region().isEmpty() && arn.account().isEmpty() && !arn.resource().isEmpty() && !arn.resource().contains("/");
            default -> false;
        };
        if (!ok) {
            throw MappingErrors.invalid("The destination ARN " + f.destination() + " is invalid.");
        }
        return arn;
    }

    /** A pattern on the record's data property must be a JSON object (AWS: "Lambda throws an exception ..."). */
    private void checkDataPatterns(EventFilter filter) {
        if (filter == null) {
            return;
        }
        for (Filter f : filter.criteria().filters()) {
            try {
                JsonNode data = Json.MAPPER.readTree(f.pattern()).get(format.dataKey());
                if (data != null && !data.isObject()) {
                    throw MappingErrors.invalid(EventFilter.INVALID);
                }
            } catch (IOException e) {
                throw MappingErrors.invalid(EventFilter.INVALID);
            }
        }
    }

    /** The stream exists ({@code Stream not found: <arn>} otherwise, recorded); enhanced fan-out consumers are not emulated. */
    @Override
    public void checkSource(Arn source, int functionTimeoutSeconds) {
        if (source.resource().contains("/consumer/")) {
            throw MappingErrors.notEmulated("EventSourceArn", "enhanced fan-out consumers are not emulated; map the stream's own ARN");
        }
        if (!streams.exists(source)) {
            throw MappingErrors.invalid("Stream not found: " + source);
        }
    }

    @Override
    public String duplicateMessage(Arn source, FunctionRef function, String existingUuid) {
        return "The event source arn (\" " + source + " \") and function (\" " + function.name()
                + " \") provided mapping already exists. Please update or delete the existing mapping with UUID " + existingUuid;
    }

    @Override
    public String stateTransitionReason() {
        return "User action";
    }

    @Override
    public void describe(EventSourceMapping.View v, EventSourceMappingConfiguration.Builder b) {
        StreamOptions o = (StreamOptions) v.settings().options();
        b.startingPosition(o.startingPosition().name());
        if (o.startingTimestamp() != null) {
            b.startingPositionTimestamp(o.startingTimestamp());
        }
        b.maximumRecordAgeInSeconds(o.maximumRecordAge())
                .maximumRetryAttempts(o.maximumRetryAttempts())
                .bisectBatchOnFunctionError(o.bisectOnFunctionError())
                .parallelizationFactor(o.parallelization())
                .tumblingWindowInSeconds(o.tumblingWindowSeconds())
                .destinationConfig(DestinationConfig.builder().onFailure(OnFailure.builder()
                        .destination(o.onFailure() == null ? null : o.onFailure().toString()).build()).build())
                .lastProcessingResult(v.lastProcessingResult() == null ? NO_RECORDS : v.lastProcessingResult());
    }

    @Override
    public Poller poller(EventSourceMapping mapping, MappingEnvironment env) {
        return new StreamPoller(mapping, env, streams, format);
    }
}
