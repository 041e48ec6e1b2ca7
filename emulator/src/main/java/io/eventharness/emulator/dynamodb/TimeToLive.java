package io.eventharness.emulator.dynamodb;

import io.eventharness.emulator.core.EmulatorClock;
import io.eventharness.emulator.dynamodb.expr.AttributeValues;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.PriorityQueue;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A table's Time to Live: the attribute holding each item's expiry (a Number, epoch seconds) and the sweep that
 * deletes expired items on the emulator clock, each deletion a REMOVE stream record whose user is DynamoDB
 * ({@code userIdentity {Type: Service, PrincipalId: dynamodb.amazonaws.com}}).
 *
 * <p>Differs from AWS: AWS deletes an expired item within a few days of its expiry; the emulator deletes it as soon
 * as the clock reaches the expiry second, so that a test can {@code advance} past it and see the deletion. As in
 * AWS, an expiry more than five years in the past is not acted on, and an item that has expired but is not deleted
 * yet is still read by GetItem, Query and Scan (here only until the clock task runs, at once).
 */
final class TimeToLive {
    private static final Duration TOO_OLD = Duration.ofDays(5 * 365);

    private final Table table;
    private final Tables.Context context;
    private final PriorityQueue<Expiry> expiries = new PriorityQueue<>();
    private String attribute;
    private EmulatorClock.Task task;
    private Instant taskDue;

    /** An item's expiry, in the order of the sweep. */
    private record Expiry(Instant due, ItemKey key) implements Comparable<Expiry> {
        @Override
        public int compareTo(Expiry o) {
            return due.compareTo(o.due);
        }
    }

    TimeToLive(Table table, Tables.Context context) {
        this.table = table;
        this.context = context;
    }

    /** The TTL attribute, or null when TTL is disabled. */
    String attribute() {
        return attribute;
    }

    /** Enables TTL on this attribute: every item is checked, expired ones are deleted at once. */
    void enable(String name) {
        attribute = name;
        table.items().forEach(this::track);
    }

    void disable() {
        attribute = null;
        expiries.clear();
        if (task != null) {
            task.cancel();
            task = null;
        }
    }

    /** Notes an item's expiry, if it has one, and makes sure the sweep runs by then. */
    void track(ItemKey k, Map<String, AttributeValue> item) {
        Instant due = expiry(item);
        if (due == null) {
            return;
        }
        expiries.add(new Expiry(due, k));
        if (task == null || due.isBefore(taskDue)) {
            if (task != null) {
                task.cancel();
            }
            taskDue = due;
            task = context.clock().schedule(due, () -> context.locked(() -> {
                sweep();
                return null;
            }));
        }
    }

    /** The item's expiry: its TTL attribute as epoch seconds; null when it has none or one too old to act on. */
    private Instant expiry(Map<String, AttributeValue> item) {
        AttributeValue v = attribute == null ? null : item.get(attribute);
        if (v == null || v.n() == null) {
            return null;
        }
        BigDecimal seconds = AttributeValues.number(v.n());
        if (seconds.signum() < 0 || seconds.compareTo(BigDecimal.valueOf(Long.MAX_VALUE / 1000)) > 0) {
            return null;
        }
        Instant due = Instant.ofEpochMilli(seconds.movePointRight(3).longValue());
        return due.isBefore(context.clock().now().minus(TOO_OLD)) ? null : due;
    }

    /** Deletes the items whose expiry has come (if they still have it), then waits for the next. */
    private void sweep() {
        task = null;
        Instant now = context.clock().now();
        while (!expiries.isEmpty() && !expiries.peek().due().isAfter(now)) {
            Expiry e = expiries.poll();
            Map<String, AttributeValue> item = table.get(e.key());
            Instant due = item == null ? null : expiry(item);
            if (due != null && due.equals(e.due())) {
                table.write(e.key(), null, true);
            }
        }
        Expiry next = expiries.peek();
        if (next != null && attribute != null) {
            expiries.poll();
            Map<String, AttributeValue> item = table.get(next.key());
            if (item != null) {
                track(next.key(), item);
            }
        }
    }
}
