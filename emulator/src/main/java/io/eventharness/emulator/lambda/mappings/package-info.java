/**
 * Lambda's event source mappings
 * (<a href="https://docs.aws.amazon.com/lambda/latest/dg/invocation-eventsourcemapping.html">Lambda event source
 * mappings</a>): {@code Create/Get/List/Update/DeleteEventSourceMapping}, and pollers that read a source and invoke a
 * function with batches. SQS queues today; the API, the state and the filters are common to every family of sources,
 * so that stream sources (Kinesis, DynamoDB Streams) add a family and a poller.
 *
 * <h2>Layout</h2>
 * <ul>
 *   <li>{@link io.eventharness.emulator.lambda.mappings.EventSourceMappings} — the registry (by UUID), the pollers'
 *       threads and the operations object that {@code LambdaService} serves; in-JVM: tags by the mapping's ARN (for
 *       {@code lambda}'s {@code TagOperations}).</li>
 *   <li>State: {@code EventSourceMapping} (one mapping: settings replaced whole by updates, its {@link
 *       io.eventharness.emulator.lambda.mappings.MappingState}, its tags, its {@code Poller}; changed only through its
 *       transition methods), {@code MappingSettings} (immutable, with the family's {@code SourceOptions}),
 *       {@code EventFilter} ({@code FilterCriteria} over AWS's Event Ruler).</li>
 *   <li>{@code EventSourceMappingOperations} — the five operations, common to all families; {@code MappingRequest}
 *       reads Create and Update alike; {@code MappingErrors} words the errors as AWS does.</li>
 *   <li>One family per kind of source: {@code SourceFamily} (its parameters' rules, its words, its poller).
 *       {@code SqsFamily}, {@code SqsPoller} (event-driven: the queue's watch and the clock, never a sleeping loop),
 *       {@code SqsBatch} (the messages of one batch and their invocation),
 *       {@code SqsRecords} (the event record, the partial batch response).</li>
 *   <li>What this package needs of the rest: {@link io.eventharness.emulator.lambda.mappings.MappedFunctions} (filled
 *       in by {@code LambdaService}: parse, resolve, invoke through its {@code Invoker}), the queues through
 *       {@code delivery}'s {@code ConsumableQueues} (filled in by SQS), the clock and the trail
 *       ({@code MappingEnvironment}).</li>
 * </ul>
 *
 * <h2>How it differs from AWS</h2>
 * <ul>
 *   <li>A change answers {@code Creating}, {@code Enabling}, {@code Disabling}, {@code Updating} or {@code Deleting},
 *       and the mapping is {@code Enabled}, {@code Disabled} or gone before the next call.</li>
 *   <li>Batches start as messages arrive (no polling interval); without {@code ScalingConfig} at most five batches run
 *       at once (AWS starts with five pollers and scales up), fewer when the function's reserved concurrency is
 *       lower. Disabling a mapping invokes at once what an open batching window had gathered.</li>
 *   <li>Refused, naming the parameter: what AWS refuses for a queue (stream and Kafka parameters, in AWS's words
 *       "Unsupported X parameter for given event source mapping type."), and what AWS takes but the emulator does
 *       not simulate ({@code KMSKeyArn}, {@code MetricsConfig}, {@code LoggingConfig}, {@code ProvisionedPollerConfig});
 *       sources other than SQS.</li>
 *   <li>{@code ListEventSourceMappings} with an unqualified {@code FunctionName} lists the mappings of every version
 *       and alias of that function.</li>
 * </ul>
 *
 * <p>May import: {@code core}, {@code protocol} (its spec's values, {@code Call}, {@code WithBody}), {@code delivery},
 * {@code lambda.runtime} (an invocation's result). Not {@code lambda}, which builds this package.
 */
package io.eventharness.emulator.lambda.mappings;
