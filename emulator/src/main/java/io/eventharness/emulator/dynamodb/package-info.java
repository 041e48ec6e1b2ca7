/**
 * Amazon DynamoDB ({@link io.eventharness.emulator.dynamodb.DynamoDbService}), with DynamoDB Streams in
 * {@code dynamodb.streams} and the expression language in {@code dynamodb.expr}.
 *
 * <p>Layout: the state is {@link io.eventharness.emulator.dynamodb.Tables} (every table, one lock) and
 * {@link io.eventharness.emulator.dynamodb.Table} (definition and items; every change of an item goes through
 * {@code Table.write}, which hands real changes to the table's stream), with {@code KeySchema}, {@code ItemKey},
 * {@code SecondaryIndex}, {@code Throughput} and {@code TimeToLive}. Operations: {@code TableOperations}
 * (Create/Describe/List/DeleteTable, DescribeLimits), {@code TableUpdates} (UpdateTable), {@code ItemOperations}
 * (Put/Get/Update/DeleteItem), {@code QueryOperations} (Query, Scan), {@code BatchOperations},
 * {@code TransactOperations}, {@code TtlOperations}, {@code TagOperations}; what they share is in {@code Writes} (the
 * two-step put/update/delete), {@code Reads} (pages of a table or index), {@code Requests} and {@code Legacy}
 * (expression and legacy parameters), {@code Constraints} (the model's member constraints), {@code Capacity}.
 *
 * <p>Differs from AWS, on purpose or for now:
 * <ul>
 *   <li>Tables, indexes and streams are ACTIVE (ENABLED) at once; CreateTable, UpdateTable and DeleteTable still
 *       answer CREATING, UPDATING and DELETING as AWS does. Global secondary indexes are strongly consistent (AWS:
 *       eventually), item counts and sizes are current (AWS: refreshed about every six hours).</li>
 *   <li>Capacity (provisioned or on-demand) is reported and ConsumedCapacity computed, but nothing is throttled;
 *       batches leave nothing unprocessed except beyond BatchGetItem's 16 MB.</li>
 *   <li>Time to Live deletes an item when the emulator clock reaches its expiry second (AWS: within a few days
 *       after); the deletion is a REMOVE stream record by {@code dynamodb.amazonaws.com}. Enabling and disabling
 *       TTL take effect at once.</li>
 *   <li>PartiQL, backups, global tables, imports and exports, Kinesis streaming destinations, contributor insights
 *       and resource policies are not emulated: their operations answer 501, and CreateTable/UpdateTable refuse
 *       their parameters (ResourcePolicy, ReplicaUpdates, WarmThroughput, ...) with a ValidationException naming
 *       them. Encryption settings are reported as given.</li>
 * </ul>
 * May import: {@code core}, {@code protocol}; its sub-packages {@code dynamodb.expr} and {@code dynamodb.streams}.
 */
package io.eventharness.emulator.dynamodb;
