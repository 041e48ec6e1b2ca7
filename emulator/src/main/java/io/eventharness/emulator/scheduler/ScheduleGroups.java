package io.eventharness.emulator.scheduler;

import io.eventharness.emulator.core.Arn;
import io.eventharness.emulator.core.EmulatorClock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/** The schedule groups, per region; the {@code default} group of a region exists from its first use. */
final class ScheduleGroups {
    static final String DEFAULT = "default";

    private final EmulatorClock clock;
    private final Map<String, Map<String, ScheduleGroup>> byRegion = new ConcurrentHashMap<>();

    ScheduleGroups(EmulatorClock clock) {
        this.clock = clock;
    }

    private Map<String, ScheduleGroup> region(String region) {
        return byRegion.computeIfAbsent(region, r -> {
            Map<String, ScheduleGroup> m = new TreeMap<>();
            m.put(DEFAULT, new ScheduleGroup(DEFAULT, Arn.of("scheduler", r, "schedule-group/" + DEFAULT), clock.now()));
            return m;
        });
    }

    Optional<ScheduleGroup> find(String name, String region) {
        Map<String, ScheduleGroup> m = region(region);
        synchronized (m) {
            return Optional.ofNullable(m.get(name == null ? DEFAULT : name));
        }
    }

    ScheduleGroup require(String name, String region) {
        return find(name, region).orElseThrow(() -> SchedulerErrors.groupNotFound(name));
    }

    ScheduleGroup create(String name, String region) {
        Map<String, ScheduleGroup> m = region(region);
        synchronized (m) {
            if (m.containsKey(name)) {
                throw SchedulerErrors.groupExists(name);
            }
            ScheduleGroup g = new ScheduleGroup(name, Arn.of("scheduler", region, "schedule-group/" + name), clock.now());
            m.put(name, g);
            return g;
        }
    }

    /** Removes a group other than {@code default}; returns it. */
    ScheduleGroup delete(String name, String region) {
        if (DEFAULT.equals(name)) {
            throw SchedulerErrors.validation("The default schedule group cannot be deleted.");
        }
        Map<String, ScheduleGroup> m = region(region);
        synchronized (m) {
            ScheduleGroup g = m.remove(name);
            if (g == null) {
                throw SchedulerErrors.groupNotFound(name);
            }
            return g;
        }
    }

    List<ScheduleGroup> list(String region) {
        Map<String, ScheduleGroup> m = region(region);
        synchronized (m) {
            return new ArrayList<>(m.values());
        }
    }
}
