package io.eventharness.emulator.dynamodb;

import io.eventharness.emulator.dynamodb.expr.AttributeValues;
import io.eventharness.emulator.dynamodb.expr.Condition;
import io.eventharness.emulator.dynamodb.expr.Documents;
import io.eventharness.emulator.dynamodb.expr.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Select;

/**
 * What Query and Scan share: the items of a table or an index in their order, and one page of them — at most
 * {@code Limit} items or 1 MB read, whichever comes first, then filtered and projected — with the key to go on from.
 */
final class Reads {
    static final long PAGE_BYTES = 1024 * 1024;

    private Reads() {
    }

    /**
     * Where an entry sits: the partition key's token and value, the sort key, and (in an index) the table key that
     * orders items with the same index key.
     */
    record Position(long token, AttributeValue hash, AttributeValue range, ItemKey tableKey) implements Comparable<Position> {
        @Override
        public int compareTo(Position o) {
            int c = new ItemKey(token, hash, range).compareTo(new ItemKey(o.token, o.hash, o.range));
            if (c != 0 || tableKey == null || o.tableKey == null) {
                return c;
            }
            c = Long.compare(ItemKey.token(tableKey.hash(), tableKey.range()), ItemKey.token(o.tableKey.hash(), o.tableKey.range()));
            return c != 0 ? c : tableKey.compareTo(o.tableKey);
        }
    }

    /** An item of the table, as a table or index read sees it. */
    record Entry(Position position, Map<String, AttributeValue> item) {
    }

    /** What is read: a table, or one of its indexes. */
    record Source(Table table, SecondaryIndex index) {
        KeySchema key() {
            return index == null ? table.key() : index.key();
        }

        /** The key attributes a start key and LastEvaluatedKey have: the table's, then the index's. */
        List<String> startKeyNames() {
            List<String> names = new ArrayList<>(table.key().names());
            if (index != null) {
                index.key().names().stream().filter(n -> !names.contains(n)).forEach(names::add);
            }
            return names;
        }

        Position position(Map<String, AttributeValue> item) {
            KeySchema k = key();
            AttributeValue h = item.get(k.hash().name());
            AttributeValue r = k.range() == null ? null : item.get(k.range().name());
            return new Position(ItemKey.token(h), h, r, index == null ? null : ItemKey.of(table.key(), item));
        }

        /** Every entry, in order; a partition only when {@code partition} is given. */
        List<Entry> entries(AttributeValue partition) {
            List<Entry> out = new ArrayList<>();
            if (index == null) {
                Map<ItemKey, Map<String, AttributeValue>> items = partition == null ? table.items()
                        : table.items().tailMap(new ItemKey(ItemKey.token(partition), partition, null), true);
                for (var e : items.entrySet()) {
                    if (partition != null && !AttributeValues.equal(e.getKey().hash(), partition)) {
                        break;
                    }
                    out.add(new Entry(new Position(e.getKey().token(), e.getKey().hash(), e.getKey().range(), null), e.getValue()));
                }
                return out;
            }
            for (Map<String, AttributeValue> item : table.items().values()) {
                if (index.contains(item) && (partition == null || AttributeValues.equal(item.get(index.key().hash().name()), partition))) {
                    out.add(new Entry(position(item), item));
                }
            }
            out.sort((a, b) -> a.position().compareTo(b.position()));
            return out;
        }

        /** The attributes an entry shows: the item, or what the index projects of it (unless a local index fetches). */
        Map<String, AttributeValue> visible(Map<String, AttributeValue> item, boolean fetch) {
            return index == null || fetch && !index.global() ? item : index.project(item, table.key());
        }

        /** The size read for an entry: the item, or its projection in the index. */
        long readSize(Map<String, AttributeValue> item) {
            return AttributeValues.itemSize(index == null ? item : index.project(item, table.key()));
        }
    }

    /** What a page request asks. */
    record PageRequest(Integer limit, Condition filter, List<Path> projection, Select select, boolean fetchFromTable) {
    }

    /** One page: items (or none for COUNT), counts, the key to go on from, bytes read. */
    record Page(List<Map<String, AttributeValue>> items, int count, int scanned, Map<String, AttributeValue> lastKey, long bytes) {
    }

    /** Reads a page from the entries, which are already in the order to read and after the start key. */
    static Page page(Source source, List<Entry> entries, PageRequest r) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        int scanned = 0;
        int count = 0;
        long bytes = 0;
        Entry last = null;
        boolean stopped = false;
        for (Entry e : entries) {
            if (r.limit() != null && scanned >= r.limit() || bytes >= PAGE_BYTES) {
                stopped = true;
                break;
            }
            scanned++;
            bytes += source.readSize(e.item());
            last = e;
            Map<String, AttributeValue> visible = source.visible(e.item(), r.fetchFromTable());
            if (r.filter() == null || r.filter().test(visible)) {
                count++;
                if (r.select() != Select.COUNT) {
                    items.add(r.projection() == null ? visible : Documents.project(visible, r.projection()));
                }
            }
        }
        boolean limitReached = r.limit() != null && scanned >= r.limit();
        Map<String, AttributeValue> lastKey = (stopped || limitReached) && last != null ? keyOf(source, last.item()) : null;
        return new Page(items, count, scanned, lastKey, bytes);
    }

    static Map<String, AttributeValue> keyOf(Source source, Map<String, AttributeValue> item) {
        Map<String, AttributeValue> k = new LinkedHashMap<>();
        for (String n : source.startKeyNames()) {
            k.put(n, item.get(n));
        }
        return k;
    }

    /** The entries after a start key, in reading order (reversed when not forward). */
    static List<Entry> after(List<Entry> entries, Position start, boolean forward) {
        List<Entry> ordered = new ArrayList<>(entries);
        if (!forward) {
            Collections.reverse(ordered);
        }
        if (start == null) {
            return ordered;
        }
        List<Entry> out = new ArrayList<>();
        for (Entry e : ordered) {
            int c = e.position().compareTo(start);
            if (forward ? c > 0 : c < 0) {
                out.add(e);
            }
        }
        return out;
    }

    /**
     * Checks the values of a start key before the table is looked at (DynamoDB's order): some problems are prefixed
     * {@code The provided starting key is invalid: }, those about numbers and duplicates are not.
     */
    static void startKeyValues(Map<String, AttributeValue> start) {
        if (start == null) {
            return;
        }
        for (AttributeValue v : start.values()) {
            String problem = AttributeValues.problem(v);
            if (problem != null) {
                boolean bare = problem.contains("contains duplicates") || problem.contains("number set") || problem.contains("numeric value")
                        || problem.contains("significant digits") || problem.contains("number with magnitude");
                throw DynamoDbErrors.validation(bare ? problem : "The provided starting key is invalid: " + problem);
            }
        }
    }

    /**
     * The first checks of a start key against what is read: the right number of attributes, the queried key's
     * attributes present and of their types.
     */
    static void startKeyShape(Source source, Map<String, AttributeValue> start, boolean query) {
        if (start == null) {
            return;
        }
        if (start.size() != source.startKeyNames().size()) {
            throw DynamoDbErrors.validation(source.index() == null && !query
                    ? "The provided starting key is invalid: The provided key element does not match the schema"
                    : "The provided starting key is invalid");
        }
        if (source.index() == null && !query) {
            return;
        }
        KeySchema k = source.key();
        for (KeySchema.KeyAttribute a : k.range() == null ? List.of(k.hash()) : List.of(k.hash(), k.range())) {
            AttributeValue v = start.get(a.name());
            if (v == null) {
                throw DynamoDbErrors.validation("The provided starting key is invalid");
            }
            if (!KeySchema.typeOf(v).equals(a.type().toString())) {
                throw DynamoDbErrors.validation("The provided key element does not match the schema");
            }
        }
    }

    /** A start key's table key checked ({@code The provided starting key is invalid: ...}), and its position. */
    static Position startKey(Source source, Map<String, AttributeValue> start) {
        if (start == null) {
            return null;
        }
        Map<String, AttributeValue> tableKey = new LinkedHashMap<>();
        source.table().key().names().forEach(n -> tableKey.put(n, start.get(n)));
        try {
            source.table().key().validKey(tableKey);
        } catch (io.eventharness.emulator.core.AwsException e) {
            throw DynamoDbErrors.validation("The provided starting key is invalid: " + e.getMessage());
        }
        Map<String, AttributeValue> normal = AttributeValues.validItem(start);
        if (!normal.keySet().containsAll(source.startKeyNames()) || source.index() != null && !source.index().key().fits(normal)) {
            throw DynamoDbErrors.validation("The provided starting key is invalid");
        }
        return source.position(normal);
    }
}
