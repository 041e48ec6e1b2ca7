package io.eventharness.emulator.lambda.mappings;

/**
 * What only an SQS mapping has.
 *
 * @param maximumConcurrency {@code ScalingConfig.MaximumConcurrency} (2–1000): the most batches invoking at once;
 *                           null when not set
 */
record SqsOptions(Integer maximumConcurrency) implements SourceOptions {
}
