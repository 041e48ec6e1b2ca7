/**
 * DynamoDB Streams: the streams that tables with a {@code StreamSpecification} write
 * ({@link io.eventharness.emulator.dynamodb.streams.Streams}, one
 * {@link io.eventharness.emulator.dynamodb.streams.TableStream} per enabling, shards, 24 hours of records on the
 * emulator clock), the Streams API ({@link io.eventharness.emulator.dynamodb.streams.DynamoDbStreamsService}:
 * ListStreams, DescribeStream, GetShardIterator, GetRecords) and the values of the in-JVM API that
 * {@code DynamoDbService} offers event source mappings ({@link io.eventharness.emulator.dynamodb.streams.ChangeRecord},
 * {@link io.eventharness.emulator.dynamodb.streams.ShardInfo}, {@link io.eventharness.emulator.dynamodb.streams.StreamPosition},
 * {@link io.eventharness.emulator.dynamodb.streams.ShardBatch}, {@link io.eventharness.emulator.dynamodb.streams.StreamListener}),
 * and {@code StreamReaders}: the streams as {@code delivery}'s {@code ReadableStreams} port, what Lambda's event source
 * mappings read (records shaped as a function gets them, ordered by the item's key; a watch over appends and
 * disabling). Knows nothing of tables: a table hands each real change over as a
 * {@link io.eventharness.emulator.dynamodb.streams.Change}.
 *
 * <p>Differs from AWS: a shard rolls over to a child only when a record arrives four hours or more after it opened
 * (AWS rolls over on its own schedule); a stream is ENABLED and DISABLED at once (no ENABLING/DISABLING).
 * May import: {@code core}, {@code protocol}, {@code dynamodb.expr}, {@code delivery} (the one port it offers).
 */
package io.eventharness.emulator.dynamodb.streams;
