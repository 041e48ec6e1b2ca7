package io.eventharness.emulator.lambda.mappings;

/**
 * The settings of a mapping that only one family of sources has (an SQS mapping's {@code ScalingConfig}; a stream
 * mapping's starting position and retry settings). Each family defines its record.
 */
interface SourceOptions {
}
