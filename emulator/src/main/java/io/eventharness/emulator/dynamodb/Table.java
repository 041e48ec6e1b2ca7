package io.eventharness.emulator.dynamodb;

import io.eventharness.emulator.core.Arn;
import io.eventharness.emulator.core.Ids;
import io.eventharness.emulator.dynamodb.expr.AttributeValues;
import io.eventharness.emulator.dynamodb.streams.Change;
import io.eventharness.emulator.dynamodb.streams.TableStream;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.OnDemandThroughput;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughput;
import software.amazon.awssdk.services.dynamodb.model.SSEDescription;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableClass;

/**
 * One table: its definition (key, attribute definitions, indexes, capacity, stream and TTL settings, tags) and its
 * items, in key order. Every change of an item goes through {@link #write}, which records real changes in the
 * table's stream. {@link Tables} serialises access (its lock), so the fields here are plain.
 */
final class Table {
    private final String name;
    private final Arn arn;
    private final String id = Ids.uuid();
    private final Instant created;
    private final KeySchema key;
    private final Tables.Context context;
    private final Map<String, ScalarAttributeType> attributes = new LinkedHashMap<>();
    private final Map<String, SecondaryIndex> localIndexes = new LinkedHashMap<>();
    private final Map<String, SecondaryIndex> globalIndexes = new LinkedHashMap<>();
    private final TreeMap<ItemKey, Map<String, AttributeValue>> items = new TreeMap<>();
    private final Map<String, String> tags = new LinkedHashMap<>();
    private final TimeToLive ttl;
    private long bytes;
    private BillingMode billing;
    private boolean billingModeGiven;
    private Instant payPerRequestSince;
    private Throughput throughput;
    private OnDemandThroughput onDemand;
    private TableStream stream;
    private boolean deletionProtection;
    private TableClass tableClass = TableClass.STANDARD;
    private SSEDescription sse;
    private boolean deleted;

    Table(String name, Arn arn, KeySchema key, Tables.Context context) {
        this.name = name;
        this.arn = arn;
        this.key = key;
        this.context = context;
        this.created = context.clock().now();
        this.ttl = new TimeToLive(this, context);
    }

    String name() {
        return name;
    }

    Arn arn() {
        return arn;
    }

    String id() {
        return id;
    }

    Instant created() {
        return created;
    }

    KeySchema key() {
        return key;
    }

    String region() {
        return arn.region();
    }

    TimeToLive ttl() {
        return ttl;
    }

    // ---- definition -------------------------------------------------------------------------------

    Map<String, ScalarAttributeType> attributes() {
        return Collections.unmodifiableMap(attributes);
    }

    void defineAttribute(String attribute, ScalarAttributeType type) {
        attributes.put(attribute, type);
    }

    /** Forgets the definitions that no key of the table or its indexes uses any more. */
    void pruneAttributes() {
        attributes.keySet().removeIf(a -> !key.isKey(a) && indexes().stream().noneMatch(i -> i.key().isKey(a)));
    }

    Collection<SecondaryIndex> localIndexes() {
        return localIndexes.values();
    }

    Collection<SecondaryIndex> globalIndexes() {
        return globalIndexes.values();
    }

    List<SecondaryIndex> indexes() {
        List<SecondaryIndex> all = new java.util.ArrayList<>(localIndexes.values());
        all.addAll(globalIndexes.values());
        return all;
    }

    /** The index of this name, or null. */
    SecondaryIndex index(String indexName) {
        SecondaryIndex i = localIndexes.get(indexName);
        return i != null ? i : globalIndexes.get(indexName);
    }

    void addIndex(SecondaryIndex i) {
        (i.global() ? globalIndexes : localIndexes).put(i.name(), i);
    }

    void removeGlobalIndex(String indexName) {
        globalIndexes.remove(indexName);
        pruneAttributes();
    }

    BillingMode billing() {
        return billing;
    }

    boolean billingModeGiven() {
        return billingModeGiven;
    }

    Instant payPerRequestSince() {
        return payPerRequestSince;
    }

    boolean payPerRequest() {
        return billing == BillingMode.PAY_PER_REQUEST;
    }

    /** Sets the billing mode; {@code given} when the request named it (DescribeTable then shows a summary). */
    void billing(BillingMode mode, boolean given) {
        if (mode == BillingMode.PAY_PER_REQUEST && billing == BillingMode.PROVISIONED) {
            payPerRequestSince = context.clock().now();
        }
        billing = mode;
        billingModeGiven |= given;
    }

    Throughput throughput() {
        return throughput;
    }

    void throughput(ProvisionedThroughput t) {
        throughput = throughput == null ? Throughput.of(t) : throughput.changedTo(t, context.clock().now());
    }

    void clearThroughput() {
        throughput = Throughput.ON_DEMAND;
    }

    OnDemandThroughput onDemand() {
        return onDemand;
    }

    void onDemand(OnDemandThroughput t) {
        onDemand = t;
    }

    boolean deletionProtection() {
        return deletionProtection;
    }

    void deletionProtection(boolean on) {
        deletionProtection = on;
    }

    TableClass tableClass() {
        return tableClass;
    }

    void tableClass(TableClass c) {
        tableClass = c;
    }

    SSEDescription sse() {
        return sse;
    }

    void sse(SSEDescription d) {
        sse = d;
    }

    Map<String, String> tags() {
        return Collections.unmodifiableMap(tags);
    }

    void tag(String k, String v) {
        tags.put(k, v);
    }

    void untag(String k) {
        tags.remove(k);
    }

    // ---- stream -----------------------------------------------------------------------------------

    /** The stream the table writes to now; null when its stream is not enabled. */
    TableStream activeStream() {
        return stream != null && stream.status() == software.amazon.awssdk.services.dynamodb.model.StreamStatus.ENABLED ? stream : null;
    }

    /** The latest stream the table had (enabled or not): DescribeTable's LatestStreamArn. */
    TableStream latestStream() {
        return stream;
    }

    void enableStream(StreamViewType view) {
        stream = context.streams().create(arn, name, key.toModel(), view);
    }

    void disableStream() {
        if (activeStream() != null) {
            context.streams().disable(stream);
        }
    }

    // ---- items ------------------------------------------------------------------------------------

    /** The items in key order (read-only). */
    NavigableMap<ItemKey, Map<String, AttributeValue>> items() {
        return Collections.unmodifiableNavigableMap(items);
    }

    Map<String, AttributeValue> get(ItemKey k) {
        return items.get(k);
    }

    long itemCount() {
        return items.size();
    }

    long sizeBytes() {
        return bytes;
    }

    /**
     * Replaces the item with this key by {@code after} (null deletes it), and records the change in the stream when
     * it is one: a put of an identical item or the delete of a missing one changes nothing and writes no record, as in
     * DynamoDB. Returns the item as it was.
     */
    Map<String, AttributeValue> write(ItemKey k, Map<String, AttributeValue> after, boolean byTtl) {
        if (deleted) {
            throw DynamoDbErrors.tableNotFound();
        }
        Map<String, AttributeValue> before = after == null ? items.remove(k) : items.put(k, after);
        if (before != null) {
            bytes -= AttributeValues.itemSize(before);
        }
        if (after != null) {
            bytes += AttributeValues.itemSize(after);
            ttl.track(k, after);
        }
        boolean changed = before == null ? after != null : after == null || !AttributeValues.equalItems(before, after);
        TableStream s = activeStream();
        if (changed && s != null) {
            context.streams().append(s, Change.of(key.keyOf(after != null ? after : before), before, after, byTtl), region());
        }
        return before;
    }

    /** The table is deleted: its stream stops, its TTL sweeps end; later writes are refused. */
    void delete() {
        deleted = true;
        disableStream();
        ttl.disable();
    }
}
