package io.eventharness.emulator.scheduler;

import io.eventharness.emulator.core.Arn;
import io.eventharness.emulator.schedule.ScheduleExpression;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/** One schedule of a group: its definition, replaced whole by UpdateSchedule, under its own lock. */
final class Schedule {

    /**
     * What CreateSchedule or UpdateSchedule set.
     *
     * @param window       the flexible time window; {@link Duration#ZERO} when its mode is OFF
     * @param deleteAfter  {@code ActionAfterCompletion: DELETE}
     * @param timezoneText as given (null for UTC)
     */
    record Definition(String expressionText, ScheduleExpression expression, ZoneId zone, String timezoneText, Instant start,
                      Instant end, Duration window, boolean enabled, String description, ScheduleTarget target,
                      boolean deleteAfter, String clientToken) {
    }

    private final String name;
    private final String group;
    private final Arn arn;
    private final Instant created;
    private Definition definition;
    private Instant modified;

    Schedule(String name, String group, Arn arn, Definition definition, Instant created) {
        this.name = name;
        this.group = group;
        this.arn = arn;
        this.definition = definition;
        this.created = created;
        this.modified = created;
    }

    String name() {
        return name;
    }

    String group() {
        return group;
    }

    Arn arn() {
        return arn;
    }

    Instant created() {
        return created;
    }

    synchronized Instant modified() {
        return modified;
    }

    synchronized Definition definition() {
        return definition;
    }

    synchronized void update(Definition d, Instant now) {
        definition = d;
        modified = now;
    }
}
