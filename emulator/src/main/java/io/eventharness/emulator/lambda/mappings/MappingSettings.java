package io.eventharness.emulator.lambda.mappings;

import io.eventharness.emulator.core.Arn;

/**
 * What one event source mapping is set to at one moment, immutable: replaced whole by {@code UpdateEventSourceMapping}.
 * A batch takes the settings of the moment it starts, so that an update takes effect on the next batch.
 *
 * @param functionArn             the function as the mapping names it (qualified when a version or alias was given)
 * @param function                the same, as name and qualifier
 * @param batchSize               the most records of one invocation
 * @param batchingWindowSeconds   {@code MaximumBatchingWindowInSeconds}: how long a batch gathers records, on the
 *                                emulator's clock; 0 invokes with what one receive brings
 * @param filter                  {@code FilterCriteria}; null when the mapping has none
 * @param reportBatchItemFailures {@code FunctionResponseTypes: [ReportBatchItemFailures]}
 * @param options                 what only this kind of source has ({@link SqsOptions} for queues)
 */
record MappingSettings(Arn functionArn, FunctionRef function, boolean enabled, int batchSize, int batchingWindowSeconds,
                       EventFilter filter, boolean reportBatchItemFailures, SourceOptions options) {

    MappingSettings withFunction(Arn arn, FunctionRef ref) {
        return new MappingSettings(arn, ref, enabled, batchSize, batchingWindowSeconds, filter, reportBatchItemFailures, options);
    }
}
