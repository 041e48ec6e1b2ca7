package io.eventharness.harness.wire;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.lambda.model.CreateEventSourceMappingRequest;
import software.amazon.awssdk.services.lambda.model.Filter;
import software.amazon.awssdk.services.lambda.model.FunctionResponseType;

/**
 * The options of an SQS event source mapping, as {@code CreateEventSourceMapping} takes them: {@code BatchSize},
 * {@code MaximumBatchingWindowInSeconds}, {@code FilterCriteria} (EventBridge patterns on the record, a JSON
 * {@code body} as JSON), {@code FunctionResponseTypes: [ReportBatchItemFailures]},
 * {@code ScalingConfig.MaximumConcurrency} and {@code Enabled}. Immutable: each method returns a copy; what is not set
 * is left to AWS's defaults (batch size 10, no window, no filter, whole-batch failures, no concurrency cap, enabled).
 *
 * <pre>{@code
 * Mapping m = cloud.wire().sqsToLambda(queueUrl, fn, SqsMapping.batchSize(5).reportBatchItemFailures()
 *         .filter("{\"body\": {\"kind\": [\"order\"]}}").maximumConcurrency(2));
 * }</pre>
 */
public record SqsMapping(Integer batchSize, Duration window, List<String> filters, boolean reportsBatchItemFailures,
                         Integer maximumConcurrency, boolean enabled) {

    public SqsMapping {
        filters = List.copyOf(filters);
    }

    /** AWS's defaults. */
    public static SqsMapping defaults() {
        return new SqsMapping(null, null, List.of(), false, null, true);
    }

    /** {@code BatchSize} (1–10, up to 10,000 with a batching window). */
    public static SqsMapping batchSize(int n) {
        return defaults().withBatchSize(n);
    }

    public SqsMapping withBatchSize(int n) {
        return new SqsMapping(n, window, filters, reportsBatchItemFailures, maximumConcurrency, enabled);
    }

    /** {@code MaximumBatchingWindowInSeconds}: how long a batch may gather messages (whole seconds, 0–300). */
    public SqsMapping window(Duration window) {
        return new SqsMapping(batchSize, window, filters, reportsBatchItemFailures, maximumConcurrency, enabled);
    }

    /** Adds a {@code FilterCriteria} pattern; a message that no pattern matches is deleted without an invocation. */
    public SqsMapping filter(String pattern) {
        List<String> more = new ArrayList<>(filters);
        more.add(pattern);
        return new SqsMapping(batchSize, window, more, reportsBatchItemFailures, maximumConcurrency, enabled);
    }

    /** {@code FunctionResponseTypes: [ReportBatchItemFailures]}: the function names the messages that failed. */
    public SqsMapping reportBatchItemFailures() {
        return new SqsMapping(batchSize, window, filters, true, maximumConcurrency, enabled);
    }

    /** {@code ScalingConfig.MaximumConcurrency} (2–1000): at most that many batches invoked at once. */
    public SqsMapping maximumConcurrency(int n) {
        return new SqsMapping(batchSize, window, filters, reportsBatchItemFailures, n, enabled);
    }

    /** Created disabled ({@code Enabled: false}): nothing is taken from the queue until it is enabled. */
    public SqsMapping disabled() {
        return new SqsMapping(batchSize, window, filters, reportsBatchItemFailures, maximumConcurrency, false);
    }

    /** These options on a CreateEventSourceMapping request. */
    void applyTo(CreateEventSourceMappingRequest.Builder b) {
        b.batchSize(batchSize).enabled(enabled);
        if (window != null) {
            b.maximumBatchingWindowInSeconds((int) window.toSeconds());
        }
        if (!filters.isEmpty()) {
            b.filterCriteria(f -> f.filters(filters.stream().map(p -> Filter.builder().pattern(p).build()).toList()));
        }
        if (reportsBatchItemFailures) {
            b.functionResponseTypes(FunctionResponseType.REPORT_BATCH_ITEM_FAILURES);
        }
        if (maximumConcurrency != null) {
            b.scalingConfig(s -> s.maximumConcurrency(maximumConcurrency));
        }
    }

    /** {@code batch 5, window 2 s, filter {...}, ReportBatchItemFailures, maximum concurrency 2}, for the story. */
    @Override
    public String toString() {
        List<String> parts = new ArrayList<>();
        parts.add("batch " + (batchSize == null ? "10 (default)" : batchSize));
        if (window != null) {
            parts.add("window " + window.toSeconds() + " s");
        }
        filters.forEach(f -> parts.add("filter " + f));
        if (reportsBatchItemFailures) {
            parts.add("ReportBatchItemFailures");
        }
        if (maximumConcurrency != null) {
            parts.add("maximum concurrency " + maximumConcurrency);
        }
        if (!enabled) {
            parts.add("created disabled");
        }
        return String.join(", ", parts);
    }
}
