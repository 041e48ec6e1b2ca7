/**
 * Amazon Kinesis Data Streams: streams in provisioned and on-demand mode, shards routed by the MD5 of the partition
 * key (or {@code ExplicitHashKey}), PutRecord and PutRecords, the five shard iterator types and GetRecords, SplitShard,
 * MergeShards and UpdateShardCount with parent shards, retention on the emulator's clock, the maximum record size,
 * tags (stream and resource APIs), and streams named by {@code StreamName} or {@code StreamARN}. Served to the SDK
 * in CBOR (its default) and JSON (awsJson 1.1), over HTTP/1.1 and h2c; the AWS CLI and boto3 speak JSON.
 *
 * <p><b>Layout</b> (the pattern of {@code sqs}):
 * <ul>
 *   <li>state — {@code KinesisStreams} (the registry: by ARN, the account's limits, the listeners),
 *       {@code KinesisStream} (one stream: lifecycle {@code Status}, its records and reshards; its own lock),
 *       {@code StreamSettings} (its {@code Mode} and the switches' limit, retention, maximum record size, tags),
 *       {@code ShardMap} (its shards, counter and reshards), {@code StreamShard} (one shard and its records),
 *       {@code ShardReader} (positions and reads): no HTTP, no requests;</li>
 *   <li>operations — {@code StreamOperations}, {@code SettingsOperations}, {@code ShardOperations},
 *       {@code RecordOperations}, {@code TagOperations}: public classes (the pipeline calls them by reflection) with
 *       package-private constructors, each operation in one class; request checks in {@code Constraints},
 *       {@code StreamLocator} (StreamName/StreamARN), {@code IteratorRequests}; shapes in {@code KinesisShapes};</li>
 *   <li>service class — {@link io.eventharness.emulator.kinesis.KinesisService}: {@code SPEC}, the state and
 *       operation objects, and the in-JVM API for event source mappings ({@code shards}, {@code read},
 *       {@code listen}); no operation methods;</li>
 *   <li>errors — {@code KinesisErrors};</li>
 *   <li>values — records: {@code HashRange}, {@code SequenceNumber} (56-digit decimal strings that encode the
 *       stream's counter, the shard and the stream), {@code ShardIterator} and {@code ShardPageToken} (opaque
 *       base64, checksummed by {@code SealedTokens}), {@code KinesisRecord}, {@code ShardInfo}, {@code StartingPosition},
 *       {@code ShardRead}; every ARN is a {@code core.Arn};</li>
 *   <li>{@code StreamReaders} — the streams as {@code delivery}'s {@code ReadableStreams}, over the in-JVM API.</li>
 * </ul>
 *
 * <p><b>Differences from AWS.</b> One account ({@code 000000000000}); streams are per region, as in AWS. A new stream
 * is CREATING and a reshard UPDATING only within the call: the next call sees ACTIVE (AWS takes seconds to minutes).
 * Throughput is not limited (AWS: 1 MiB or 1,000 records a second per shard for writes, 2 MiB and five reads a
 * second for reads), so nothing is throttled and no PutRecords entry ever fails ({@code FailedRecordCount} 0);
 * on-demand streams keep the four shards they start with (AWS scales them with throughput). Records stay in memory
 * for the retention period (24 hours by default, on the emulator's clock; expired records and shards are dropped
 * when the stream is next used). The data-plane {@code DryRun} is honoured. Enhanced fan-out consumers
 * ({@code RegisterStreamConsumer}, {@code SubscribeToShard}, …), server-side encryption
 * ({@code StartStreamEncryption}), enhanced monitoring, resource policies, account settings, warm throughput and
 * channels are not emulated: their operations answer 501, and the parameters {@code WarmThroughputMiBps},
 * {@code RecordDistributionStrategy} AUTO and {@code StreamId} (reserved by AWS) are refused with
 * {@code InvalidArgumentException}. Sequence numbers and iterators have AWS's form, not its internal layout.
 *
 * <p><b>May import:</b> {@code core}, {@code protocol} (its spec and {@code Call}), {@code delivery} for the one port
 * it offers: {@code StreamReaders}, its streams as {@code delivery.ReadableStreams} (what Lambda's event source
 * mappings read); it delivers nothing to other services.
 */
package io.eventharness.emulator.kinesis;
