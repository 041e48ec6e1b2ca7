package io.eventharness.emulator.lambda.mappings;

import io.eventharness.emulator.core.Arn;
import java.time.Instant;

/**
 * What only a stream mapping (Kinesis, DynamoDB Streams) has.
 *
 * @param startingPosition      where reading starts in the shards the stream has when the mapping first starts
 * @param startingTimestamp     {@code StartingPositionTimestamp} for {@code AT_TIMESTAMP}; else null
 * @param maximumRecordAge      {@code MaximumRecordAgeInSeconds}: -1 (never too old), or 60–604,800
 * @param maximumRetryAttempts  {@code MaximumRetryAttempts}: -1 (until the records expire from the stream), or 0–10,000
 * @param bisectOnFunctionError {@code BisectBatchOnFunctionError}
 * @param parallelization       {@code ParallelizationFactor}: 1–10 batches at once per shard
 * @param tumblingWindowSeconds {@code TumblingWindowInSeconds}: 0 (none) to 900
 * @param onFailure             {@code DestinationConfig.OnFailure.Destination} (an SQS queue, SNS topic or S3 bucket);
 *                              null when none
 */
record StreamOptions(StartingPosition startingPosition, Instant startingTimestamp, int maximumRecordAge,
                     int maximumRetryAttempts, boolean bisectOnFunctionError, int parallelization, int tumblingWindowSeconds,
                     Arn onFailure) implements SourceOptions {

    /** The three starting positions of a stream mapping. */
    enum StartingPosition { TRIM_HORIZON, LATEST, AT_TIMESTAMP }

    boolean retriesForever() {
        return maximumRetryAttempts < 0;
    }
}
