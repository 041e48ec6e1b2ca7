package io.eventharness.emulator.eventbridge;

import io.eventharness.emulator.core.Arn;
import io.eventharness.emulator.core.EmulatorClock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The event buses, per region: the {@code default} bus of a region exists from its first use; custom buses are
 * created and deleted. A bus is named by its name or its ARN wherever the API takes {@code EventBusName}.
 */
final class EventBuses {
    static final String DEFAULT = "default";

    private final EmulatorClock clock;
    private final Map<String, Map<String, EventBus>> byRegion = new ConcurrentHashMap<>();

    EventBuses(EmulatorClock clock) {
        this.clock = clock;
    }

    private Map<String, EventBus> region(String region) {
        return byRegion.computeIfAbsent(region, r -> {
            Map<String, EventBus> m = new TreeMap<>();
            m.put(DEFAULT, new EventBus(DEFAULT, Arn.of("events", r, "event-bus/" + DEFAULT), null, clock.now()));
            return m;
        });
    }

    /** The bus a name or ARN names in that region (an ARN's own region wins); {@code null} or empty is the default bus. */
    Optional<EventBus> find(String nameOrArn, String region) {
        Optional<Arn> arn = Arn.tryParse(nameOrArn);
        String r = arn.map(Arn::region).orElse(region);
        String name = nameOrArn == null || nameOrArn.isEmpty() ? DEFAULT
                : arn.map(a -> a.resourceType().equals("event-bus") ? a.resourceId() : "").orElse(nameOrArn);
        if (arn.isPresent() && (!arn.get().service().equals("events") || !arn.get().inEmulatedAccount())) {
            return Optional.empty();
        }
        Map<String, EventBus> m = region(r);
        synchronized (m) {
            return Optional.ofNullable(m.get(name));
        }
    }

    /** The bus, or ResourceNotFoundException naming it as AWS does. */
    EventBus require(String nameOrArn, String region) {
        return find(nameOrArn, region).orElseThrow(() -> EventBridgeErrors.busNotFound(
                nameOrArn == null || nameOrArn.isEmpty() ? DEFAULT : nameOrArn));
    }

    EventBus create(String name, String region, String description) {
        Map<String, EventBus> m = region(region);
        synchronized (m) {
            if (m.containsKey(name)) {
                throw EventBridgeErrors.busExists(name);
            }
            EventBus b = new EventBus(name, Arn.of("events", region, "event-bus/" + name), description, clock.now());
            m.put(name, b);
            return b;
        }
    }

    /** Removes a custom bus; returns it, or empty when there was none. */
    Optional<EventBus> delete(String name, String region) {
        if (name.equals(DEFAULT)) {
            throw EventBridgeErrors.validation("Cannot delete event bus default.");
        }
        Map<String, EventBus> m = region(region);
        synchronized (m) {
            return Optional.ofNullable(m.remove(name));
        }
    }

    /** The buses of a region, in name order. */
    List<EventBus> list(String region) {
        Map<String, EventBus> m = region(region);
        synchronized (m) {
            return new ArrayList<>(m.values());
        }
    }

    /** Every bus of every region (for ListRuleNamesByTarget and ARN lookups). */
    List<EventBus> all() {
        List<EventBus> out = new ArrayList<>();
        for (String r : List.copyOf(byRegion.keySet())) {
            out.addAll(list(r));
        }
        return out;
    }
}
