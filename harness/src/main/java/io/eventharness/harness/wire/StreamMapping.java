package io.eventharness.harness.wire;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import software.amazon.awssdk.services.lambda.model.CreateEventSourceMappingRequest;
import software.amazon.awssdk.services.lambda.model.EventSourcePosition;
import software.amazon.awssdk.services.lambda.model.Filter;
import software.amazon.awssdk.services.lambda.model.FunctionResponseType;

/**
 * The options of a stream's event source mapping (a Kinesis data stream or a DynamoDB table's stream), as
 * {@code CreateEventSourceMapping} takes them: {@code StartingPosition} (required: start from {@link #trimHorizon()},
 * {@link #latest()} or, Kinesis only, {@link #atTimestamp(Instant)}), {@code BatchSize},
 * {@code MaximumBatchingWindowInSeconds}, {@code FilterCriteria}, {@code FunctionResponseTypes: [ReportBatchItemFailures]},
 * {@code MaximumRetryAttempts}, {@code MaximumRecordAgeInSeconds}, {@code BisectBatchOnFunctionError},
 * {@code ParallelizationFactor}, {@code TumblingWindowInSeconds}, {@code DestinationConfig.OnFailure} and
 * {@code Enabled}. Immutable: each method returns a copy; what is not set is left to AWS's defaults (batch 100, no
 * window, no filter, whole-batch failures, retried until the records expire, no bisection, one batch per shard at a
 * time, no tumbling window, no destination, enabled).
 *
 * <pre>{@code
 * Mapping m = cloud.wire().kinesisToLambda(stream, fn, StreamMapping.trimHorizon().batchSize(10)
 *         .bisectBatchOnFunctionError().maximumRetryAttempts(2).onFailure(queueArn).parallelizationFactor(4));
 * cloud.wire().dynamoDbToLambda(table, auditor, StreamMapping.latest().filter("{\"eventName\": [\"REMOVE\"]}"));
 * }</pre>
 */
public final class StreamMapping {
    private String startingPosition;
    private Instant startingAt;
    private Integer batchSize;
    private Duration window;
    private List<String> filters = List.of();
    private boolean reportsBatchItemFailures;
    private Integer maximumRetryAttempts;
    private Duration maximumRecordAge;
    private boolean bisect;
    private Integer parallelizationFactor;
    private Duration tumblingWindow;
    private String onFailureArn;
    private boolean enabled = true;

    private StreamMapping(String startingPosition, Instant startingAt) {
        this.startingPosition = startingPosition;
        this.startingAt = startingAt;
    }

    /** {@code StartingPosition: TRIM_HORIZON}: from the oldest record the stream keeps. */
    public static StreamMapping trimHorizon() {
        return new StreamMapping(EventSourcePosition.TRIM_HORIZON.toString(), null);
    }

    /** {@code StartingPosition: LATEST}: only the records put after the mapping was created. */
    public static StreamMapping latest() {
        return new StreamMapping(EventSourcePosition.LATEST.toString(), null);
    }

    /** {@code StartingPosition: AT_TIMESTAMP} with {@code StartingPositionTimestamp} (Kinesis only). */
    public static StreamMapping atTimestamp(Instant at) {
        return new StreamMapping(EventSourcePosition.AT_TIMESTAMP.toString(), at);
    }

    /** {@code BatchSize} (1–10,000; 100 by default). */
    public StreamMapping batchSize(int n) {
        return with(m -> m.batchSize = n);
    }

    /** {@code MaximumBatchingWindowInSeconds}: how long a batch may gather records (whole seconds, 0–300). */
    public StreamMapping window(Duration window) {
        return with(m -> m.window = window);
    }

    /** Adds a {@code FilterCriteria} pattern; a record that no pattern matches is skipped without an invocation. */
    public StreamMapping filter(String pattern) {
        List<String> more = new ArrayList<>(filters);
        more.add(pattern);
        return with(m -> m.filters = List.copyOf(more));
    }

    /** {@code FunctionResponseTypes: [ReportBatchItemFailures]}: the function names the first record that failed. */
    public StreamMapping reportBatchItemFailures() {
        return with(m -> m.reportsBatchItemFailures = true);
    }

    /** {@code MaximumRetryAttempts} (0–10,000; -1, the default, retries until the records expire). */
    public StreamMapping maximumRetryAttempts(int n) {
        return with(m -> m.maximumRetryAttempts = n);
    }

    /** {@code MaximumRecordAgeInSeconds} (60–604,800 s): older records are discarded rather than retried. */
    public StreamMapping maximumRecordAge(Duration age) {
        return with(m -> m.maximumRecordAge = age);
    }

    /** {@code BisectBatchOnFunctionError}: a failed batch is split in two and each half tried, down to the poison record. */
    public StreamMapping bisectBatchOnFunctionError() {
        return with(m -> m.bisect = true);
    }

    /** {@code ParallelizationFactor} (1–10): that many batches of a shard at once, each partition key in order. */
    public StreamMapping parallelizationFactor(int n) {
        return with(m -> m.parallelizationFactor = n);
    }

    /** {@code TumblingWindowInSeconds} (0–900): the function gets and returns a state per window. */
    public StreamMapping tumblingWindow(Duration window) {
        return with(m -> m.tumblingWindow = window);
    }

    /**
     * {@code DestinationConfig.OnFailure}: the ARN of an SQS queue, an SNS topic or an S3 bucket that gets AWS's record
     * of each batch discarded after its retries or its age ran out. The harness's execution role may send there.
     */
    public StreamMapping onFailure(String destinationArn) {
        return with(m -> m.onFailureArn = destinationArn);
    }

    /** Created disabled ({@code Enabled: false}): nothing is read until it is enabled (from its starting position). */
    public StreamMapping disabled() {
        return with(m -> m.enabled = false);
    }

    public boolean enabled() {
        return enabled;
    }

    /** The on-failure destination's ARN, or null. */
    public String onFailureArn() {
        return onFailureArn;
    }

    private StreamMapping with(Consumer<StreamMapping> change) {
        StreamMapping copy = new StreamMapping(startingPosition, startingAt);
        copy.batchSize = batchSize;
        copy.window = window;
        copy.filters = filters;
        copy.reportsBatchItemFailures = reportsBatchItemFailures;
        copy.maximumRetryAttempts = maximumRetryAttempts;
        copy.maximumRecordAge = maximumRecordAge;
        copy.bisect = bisect;
        copy.parallelizationFactor = parallelizationFactor;
        copy.tumblingWindow = tumblingWindow;
        copy.onFailureArn = onFailureArn;
        copy.enabled = enabled;
        change.accept(copy);
        return copy;
    }

    /** These options on a CreateEventSourceMapping request. */
    void applyTo(CreateEventSourceMappingRequest.Builder b) {
        b.startingPosition(startingPosition).batchSize(batchSize).enabled(enabled)
                .maximumRetryAttempts(maximumRetryAttempts).parallelizationFactor(parallelizationFactor);
        if (startingAt != null) {
            b.startingPositionTimestamp(startingAt);
        }
        if (window != null) {
            b.maximumBatchingWindowInSeconds((int) window.toSeconds());
        }
        if (!filters.isEmpty()) {
            b.filterCriteria(f -> f.filters(filters.stream().map(p -> Filter.builder().pattern(p).build()).toList()));
        }
        if (reportsBatchItemFailures) {
            b.functionResponseTypes(FunctionResponseType.REPORT_BATCH_ITEM_FAILURES);
        }
        if (maximumRecordAge != null) {
            b.maximumRecordAgeInSeconds((int) maximumRecordAge.toSeconds());
        }
        if (bisect) {
            b.bisectBatchOnFunctionError(true);
        }
        if (tumblingWindow != null) {
            b.tumblingWindowInSeconds((int) tumblingWindow.toSeconds());
        }
        if (onFailureArn != null) {
            b.destinationConfig(d -> d.onFailure(o -> o.destination(onFailureArn)));
        }
    }

    /**
     * {@code TRIM_HORIZON, batch 10, bisect on error, 2 retries, on failure -> orders-failed, parallelization 4}, for
     * the story.
     */
    @Override
    public String toString() {
        List<String> parts = new ArrayList<>();
        parts.add(startingAt == null ? startingPosition : startingPosition + " " + startingAt);
        parts.add("batch " + (batchSize == null ? "100 (default)" : batchSize));
        if (window != null) {
            parts.add("window " + window.toSeconds() + " s");
        }
        filters.forEach(f -> parts.add("filter " + f));
        if (reportsBatchItemFailures) {
            parts.add("ReportBatchItemFailures");
        }
        if (bisect) {
            parts.add("bisect on error");
        }
        if (maximumRetryAttempts != null) {
            parts.add(maximumRetryAttempts < 0 ? "retries until expiry" : maximumRetryAttempts + " retries");
        }
        if (maximumRecordAge != null) {
            parts.add("maximum record age " + maximumRecordAge.toSeconds() + " s");
        }
        if (parallelizationFactor != null) {
            parts.add("parallelization " + parallelizationFactor);
        }
        if (tumblingWindow != null) {
            parts.add("tumbling window " + tumblingWindow.toSeconds() + " s");
        }
        if (onFailureArn != null) {
            parts.add("on failure -> " + Wiring.lastSegment(onFailureArn));
        }
        if (!enabled) {
            parts.add("created disabled");
        }
        return String.join(", ", parts);
    }
}
