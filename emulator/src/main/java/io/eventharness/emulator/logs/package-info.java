/**
 * Amazon CloudWatch Logs (awsJson 1.1): log groups and streams, PutLogEvents with AWS's batch rules, GetLogEvents
 * with forward and backward tokens, FilterLogEvents with filter patterns ({@code filter}), retention on the
 * emulator clock, tags. Lambda's sandboxes write here through
 * {@link io.eventharness.emulator.logs.LogsService#append}, and the emulator reads through
 * {@link io.eventharness.emulator.logs.LogsService#events}.
 *
 * <p><b>Layout.</b>
 * <ul>
 *   <li>{@link io.eventharness.emulator.logs.LogsService} — the spec, the state, the operation objects and the
 *       in-JVM API ({@link io.eventharness.emulator.logs.LogEvent} in, {@link io.eventharness.emulator.logs.LoggedEvent}
 *       out).</li>
 *   <li>State, no HTTP: {@code LogGroups} (the registry, and the ways requests name a group: name, identifier,
 *       ARN), {@code LogGroup} (streams, retention, tags, the memory bound; it locks itself), {@code LogStream} and
 *       {@code StoredEvent}.</li>
 *   <li>Operations: {@code GroupOperations} (groups and retention), {@code StreamOperations},
 *       {@code EventOperations} (put, get, filter), {@code TagOperations}.</li>
 *   <li>Rules and values: {@code LogBatch} (PutLogEvents' batch rules), {@code EventQueries} (the reads and their
 *       pages), {@code LogsTokens} (paging tokens), {@code LogsLimits} (model constraints), {@code LogsErrors}.</li>
 * </ul>
 *
 * <p><b>Differs from AWS.</b> Retention deletes events exactly when they fall out of it (AWS takes up to 72
 * hours). Sequence tokens are accepted and ignored, as AWS does now, so InvalidSequenceToken and
 * DataAlreadyAccepted never occur. Log groups are one namespace for all regions. A stream's {@code storedBytes} is
 * 0, as AWS has reported since 2019 (the group's is the real sum). Events live in memory, so each group keeps at
 * most {@link io.eventharness.emulator.logs.LogsService#DEFAULT_MAX_BYTES_PER_GROUP} (64 MiB, counting each
 * event's UTF-8 size plus the 26 bytes AWS counts per event in a batch; {@code Emulator.Builder.withMaxLogBytesPerGroup} sets another
 * bound): beyond it the oldest events of the group are dropped, an eighth of the bound at a time. AWS keeps
 * everything. Metric filters, subscription filters, Insights queries and Live Tail are not served.
 *
 * <p>May import: {@code core}, {@code protocol}.
 */
package io.eventharness.emulator.logs;
