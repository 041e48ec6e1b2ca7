/**
 * Lambda's event source mappings
 * (<a href="https://docs.aws.amazon.com/lambda/latest/dg/invocation-eventsourcemapping.html">Lambda event source
 * mappings</a>): {@code Create/Get/List/Update/DeleteEventSourceMapping}, and pollers that read a source and invoke a
 * function with batches: SQS queues, and streams (Kinesis data streams and DynamoDB Streams, one {@code StreamFamily}
 * each over the source's {@code delivery.ReadableStreams}, told apart by their {@code StreamFormat}). The API, the
 * state and the filters are common to every family of sources; a family adds its parameters' rules and its poller.
 *
 * <h2>Layout</h2>
 * <ul>
 *   <li>{@link io.eventharness.emulator.lambda.mappings.EventSourceMappings} — the registry (by UUID), the families
 *       (one per queue or stream reader it is given), the pollers' threads and the operations object that
 *       {@code LambdaService} serves; in-JVM: tags by the mapping's ARN (for {@code lambda}'s {@code TagOperations}).</li>
 *   <li>State: {@code EventSourceMapping} (one mapping: settings replaced whole by updates, its {@link
 *       io.eventharness.emulator.lambda.mappings.MappingState}, its tags, its {@code Poller}; changed only through its
 *       transition methods), {@code MappingSettings} (immutable, with the family's {@code SourceOptions}),
 *       {@code EventFilter} ({@code FilterCriteria} over AWS's Event Ruler).</li>
 *   <li>{@code EventSourceMappingOperations} — the five operations, common to all families; {@code MappingRequest}
 *       reads Create and Update alike; {@code MappingErrors} words the errors as AWS does.</li>
 *   <li>One family per kind of source: {@code SourceFamily} (its parameters' rules, its words, its poller).
 *       <ul>
 *         <li>SQS: {@code SqsFamily}, {@code SqsOptions}, {@code SqsPoller} (event-driven: the queue's watch and the
 *             clock, never a sleeping loop: receiving, filtering, batching windows, slots), {@code SqsBatchRunner} (a
 *             batch run on the mappings' threads, a throttled batch's back-off), {@code SqsBatch} (the messages of one
 *             batch and their invocation),
 *             {@code SqsRecords} (the event record, the partial batch response).</li>
 *         <li>Streams: {@code StreamFamily} (the stream parameters, AWS's words), {@code StreamOptions},
 *             {@code StreamFormat} with {@code KinesisFormat} and {@code DynamoDbFormat} (the event record, what filters
 *             see, the on-failure record's words); {@code StreamPoller} (one per mapping: enabling and disabling,
 *             the pumps, what lanes use), {@code ShardDiscovery} (the stream's watch, the shards in their order, where
 *             reading starts), {@code ShardTrack} (a shard: its parents, its lanes), {@code StreamLane} (one lane of a
 *             shard — one partition-key hash of {@code ParallelizationFactor}: its position, its batch, its timers,
 *             its tumbling window; the state machine), {@code LaneReader} (a lane's batch assembly: which records are
 *             its, filters, the cut of a batch), {@code LaneOutcomes} (what an outcome does to a lane: the checkpoint,
 *             bisection, retry or discard), {@code RetryBackoff} (the retry intervals), {@code StreamBatchRunner}
 *             (a batch's invocation on the mappings' threads), {@code StreamBatch} (the records of one batch, their
 *             counts, the event), {@code StreamOutcome} (an invocation's result read as
 *             AWS reads it), {@code TumblingWindow}, {@code OnFailureRecord} (what the on-failure destination gets),
 *             {@code SequenceNumbers}.</li>
 *       </ul></li>
 *   <li>What this package needs of the rest: {@link io.eventharness.emulator.lambda.mappings.MappedFunctions} (filled
 *       in by {@code LambdaService}: parse, resolve, invoke through its {@code Invoker}, a function's role), the queues
 *       through {@code delivery}'s {@code ConsumableQueues} (filled in by SQS), the streams through {@code delivery}'s
 *       {@code ReadableStreams} (one per stream service), the clock and the trail ({@code MappingEnvironment}); both
 *       pollers queue their pumps through {@code PumpRequests}. Every invocation goes through Lambda's
 *       {@code Invoker} (and the trail); every on-failure record through {@code delivery.send} (an S3 bucket as the
 *       object's ARN).</li>
 * </ul>
 *
 * <h2>How it differs from AWS</h2>
 * <ul>
 *   <li>A change answers {@code Creating}, {@code Enabling}, {@code Disabling}, {@code Updating} or {@code Deleting},
 *       and the mapping is {@code Enabled}, {@code Disabled} or gone before the next call.</li>
 *   <li>Batches start as messages and records arrive (no polling interval). SQS: without {@code ScalingConfig} at most
 *       five batches run at once (AWS starts with five pollers and scales up), fewer when the function's reserved
 *       concurrency is lower; disabling a mapping invokes at once what an open batching window had gathered. Streams:
 *       one batch per shard at a time ({@code ParallelizationFactor} per shard); disabling drops what a batching window
 *       had gathered (read again from the same position on enabling).</li>
 *   <li>Streams: a failed batch is retried after 1 s, doubling up to a minute (AWS does not publish its intervals),
 *       counted from when each attempt was due; records that expire from the stream while retrying are noted in the
 *       trail as lost, not sent to the on-failure destination. A bisected batch's halves are invoked at once and count
 *       their own retries. A partial failure is a retry even with {@code BisectBatchOnFunctionError}. A tumbling
 *       window's final invocation has no records. {@code LastProcessingResult} is {@code No records processed},
 *       {@code OK} or {@code PROBLEM: Function call failed}. Enhanced fan-out consumers are not emulated. DynamoDB
 *       Streams: {@code AT_TIMESTAMP} is refused as AWS refuses it; with a {@code ParallelizationFactor} the records
 *       are split by the item's key (partition and sort key), so each item's changes keep their order.</li>
 *   <li>The settled signal: an SQS batching window is pending work (move the clock to end it); a stream mapping's
 *       record it could process is pending work, while a shard waiting out a retry, a batching window or a tumbling
 *       window is not (it is due on the clock).</li>
 *   <li>Refused, naming the parameter: what AWS refuses for the kind of source (in AWS's words, "Unsupported X
 *       parameter for given event source mapping type." where recorded), and what AWS takes but the emulator does not
 *       simulate ({@code KMSKeyArn}, {@code MetricsConfig}, {@code LoggingConfig}, {@code ProvisionedPollerConfig});
 *       sources other than SQS queues and streams.</li>
 *   <li>{@code ListEventSourceMappings} with an unqualified {@code FunctionName} lists the mappings of every version
 *       and alias of that function.</li>
 * </ul>
 *
 * <p>May import: {@code core}, {@code protocol} (its spec's values, {@code Call}, {@code WithBody}), {@code delivery},
 * {@code lambda.runtime} (an invocation's result). Not {@code lambda}, which builds this package.
 */
package io.eventharness.emulator.lambda.mappings;
