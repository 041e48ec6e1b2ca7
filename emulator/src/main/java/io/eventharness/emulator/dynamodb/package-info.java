/**
 * Amazon DynamoDB ({@link io.eventharness.emulator.dynamodb.DynamoDbService}), with DynamoDB Streams in
 * {@code dynamodb.streams} and the expression language and value rules in {@code dynamodb.expr}. Both services speak
 * awsJson 1.0 with DynamoDB's error namespaces ({@code com.amazonaws.dynamodb.v20120810#...},
 * {@code com.amazon.coral.validate#ValidationException}) and a correct {@code x-amz-crc32} on every answer.
 *
 * <p>Layout. State: {@link io.eventharness.emulator.dynamodb.Tables} (every table, one lock) and
 * {@link io.eventharness.emulator.dynamodb.Table} (definition and items; every change of an item goes through
 * {@code Table.write}, which hands real changes to the table's stream), with {@code KeySchema}, {@code ItemKey},
 * {@code SecondaryIndex}, {@code Throughput} and {@code TimeToLive}. Operations: {@code TableOperations}
 * (Create/Describe/List/DeleteTable, DescribeLimits), {@code TableUpdates} (UpdateTable), {@code ItemOperations}
 * (Put/Get/Update/DeleteItem), {@code QueryOperations} (Query, Scan), {@code BatchOperations},
 * {@code TransactOperations}, {@code TtlOperations}, {@code TagOperations}. What they share: {@code Writes} (put,
 * update, delete in two steps: worked out, then applied), {@code Reads} (pages of a table or index),
 * {@code Requests} and {@code Legacy} (expression parameters and the legacy ones they replace),
 * {@code Constraints} (the model's member constraints), {@code CreateTableRules}, {@code TableDefinitions},
 * {@code ItemRules}, {@code StreamSettings}, {@code Encryption}, {@code Capacity}, {@code DynamoDbErrors}. Checks run
 * in DynamoDB's order (members, then values and expressions, then the table), so that a request with several
 * mistakes gets the error DynamoDB gives first.
 *
 * <p>Differs from AWS, on purpose or for now:
 * <ul>
 *   <li>Tables, indexes and streams are ACTIVE (ENABLED) at once; CreateTable, UpdateTable and DeleteTable still
 *       answer CREATING, UPDATING and DELETING as AWS does, but a table is never seen in those states, so item
 *       operations on a table just created succeed. Global secondary indexes are strongly consistent (AWS:
 *       eventually); item counts and sizes are current (AWS: refreshed about every six hours).</li>
 *   <li>Capacity (provisioned or on-demand) is reported and ConsumedCapacity computed, but nothing is throttled;
 *       batches leave nothing unprocessed except beyond BatchGetItem's 16 MB.</li>
 *   <li>Time to Live deletes an item when the emulator clock reaches its expiry second (AWS: within a few days
 *       after); the deletion is a REMOVE stream record by {@code dynamodb.amazonaws.com}. Enabling and disabling
 *       TTL take effect at once (AWS: up to an hour, and not twice within it).</li>
 *   <li>A Scan returns string and binary partition keys in DynamoDB's order and splits them into the same segments;
 *       number partition keys are hashed differently, so their order and segments differ.</li>
 *   <li>A body member of the wrong JSON type is a SerializationException in the emulator's words (DynamoDB's are
 *       its Java parser's, e.g. {@code NUMBER_VALUE cannot be converted to String}), and strings are not taken for
 *       booleans ({@code "NULL": "yes"}). Request ids are UUIDs.</li>
 *   <li>PartiQL, backups, global tables, imports and exports, Kinesis streaming destinations, contributor insights
 *       and resource policies are not emulated: their operations answer 501, and CreateTable/UpdateTable refuse
 *       their parameters (ResourcePolicy, ReplicaUpdates, WarmThroughput, ...) with a ValidationException naming
 *       them. Encryption settings and the table class are reported as given.</li>
 * </ul>
 * May import: {@code core}, {@code protocol}, {@code delivery} (for the port it offers: its streams as
 * {@code ReadableStreams}, which Lambda's event source mappings read); its sub-packages {@code dynamodb.expr} and
 * {@code dynamodb.streams}.
 */
package io.eventharness.emulator.dynamodb;
