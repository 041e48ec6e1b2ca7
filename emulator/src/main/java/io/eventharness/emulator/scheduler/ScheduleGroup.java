package io.eventharness.emulator.scheduler;

import io.eventharness.emulator.core.Arn;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** A schedule group: its schedules by name (in name order) and its tags, under its own lock. */
final class ScheduleGroup {
    private final String name;
    private final Arn arn;
    private final Instant created;
    private final Map<String, Schedule> schedules = new TreeMap<>();
    private final Map<String, String> tags = new LinkedHashMap<>();

    ScheduleGroup(String name, Arn arn, Instant created) {
        this.name = name;
        this.arn = arn;
        this.created = created;
    }

    String name() {
        return name;
    }

    Arn arn() {
        return arn;
    }

    Instant created() {
        return created;
    }

    /** {@code schedule/<group>/<name>}. */
    Arn scheduleArn(String schedule) {
        return arn.withResource("schedule/" + name + "/" + schedule);
    }

    synchronized Optional<Schedule> schedule(String schedule) {
        return Optional.ofNullable(schedules.get(schedule));
    }

    synchronized List<Schedule> schedules() {
        return new ArrayList<>(schedules.values());
    }

    /** Adds a schedule; a schedule of that name made with the same client token is returned again (an idempotent retry). */
    synchronized Schedule create(String schedule, Schedule.Definition d, Instant now) {
        Schedule existing = schedules.get(schedule);
        if (existing != null) {
            String token = existing.definition().clientToken();
            if (token != null && token.equals(d.clientToken())) {
                return existing;
            }
            throw SchedulerErrors.scheduleExists(schedule);
        }
        Schedule s = new Schedule(schedule, name, scheduleArn(schedule), d, now);
        schedules.put(schedule, s);
        return s;
    }

    /** Removes a schedule if it is this very one; returns whether it did. */
    synchronized boolean remove(Schedule s) {
        return schedules.remove(s.name(), s);
    }

    synchronized Map<String, String> tags() {
        return new LinkedHashMap<>(tags);
    }

    synchronized void tag(Map<String, String> added) {
        tags.putAll(added);
    }

    synchronized void untag(Collection<String> keys) {
        keys.forEach(tags::remove);
    }
}
