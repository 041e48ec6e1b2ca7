package io.eventharness.emulator.dynamodb;

import io.eventharness.emulator.core.Arn;
import io.eventharness.emulator.core.EmulatorClock;
import io.eventharness.emulator.dynamodb.streams.Streams;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Every table of the emulator, per region, by name; lookups by name or ARN. One lock serialises all reads and
 * changes of tables and items ({@link #locked}): an operation, a batch or a transaction sees and leaves the tables
 * consistent, and stream records are appended in the order of the writes.
 */
final class Tables {
    /** What a table needs from around it. */
    record Context(EmulatorClock clock, Streams streams, Tables tables) {
        <T> T locked(Supplier<T> work) {
            return tables.locked(work);
        }
    }

    private final ReentrantLock lock = new ReentrantLock();
    private final Map<String, TreeMap<String, Table>> byRegion = new TreeMap<>();
    private final Context context;

    Tables(EmulatorClock clock, Streams streams) {
        this.context = new Context(clock, streams, this);
    }

    Context context() {
        return context;
    }

    EmulatorClock clock() {
        return context.clock();
    }

    <T> T locked(Supplier<T> work) {
        lock.lock();
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }

    /** The table of this name or ARN, or null. */
    Table find(String region, String nameOrArn) {
        if (nameOrArn == null) {
            return null;
        }
        String r = region;
        String name = nameOrArn;
        if (nameOrArn.startsWith("arn:")) {
            Arn arn = Arn.tryParse(nameOrArn).orElse(null);
            if (arn == null || !arn.service().equals("dynamodb") || !arn.resourceType().equals("table") || !arn.inEmulatedAccount()) {
                return null;
            }
            r = arn.region();
            name = arn.resourceId();
        }
        TreeMap<String, Table> tables = byRegion.get(r);
        return tables == null ? null : tables.get(name);
    }

    /** The table for an item operation: ResourceNotFoundException ("Requested resource not found") when missing. */
    Table get(String region, String nameOrArn) {
        Table t = find(region, nameOrArn);
        if (t == null) {
            throw DynamoDbErrors.tableNotFound();
        }
        return t;
    }

    /** The table for a table operation: ResourceNotFoundException naming the table when missing. */
    Table getNamed(String region, String nameOrArn) {
        Table t = find(region, nameOrArn);
        if (t == null) {
            throw DynamoDbErrors.tableNotFound(nameOrArn);
        }
        return t;
    }

    void add(Table t) {
        byRegion.computeIfAbsent(t.region(), k -> new TreeMap<>()).put(t.name(), t);
    }

    void remove(Table t) {
        TreeMap<String, Table> tables = byRegion.get(t.region());
        if (tables != null) {
            tables.remove(t.name());
        }
        t.delete();
    }

    /** The names of a region's tables, in order. */
    List<String> names(String region) {
        TreeMap<String, Table> tables = byRegion.get(region);
        return tables == null ? List.of() : new ArrayList<>(tables.keySet());
    }

    /** How many tables a region has. */
    int count(String region) {
        return names(region).size();
    }
}
