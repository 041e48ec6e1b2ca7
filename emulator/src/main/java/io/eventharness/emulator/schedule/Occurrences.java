package io.eventharness.emulator.schedule;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneRules;
import java.util.List;
import java.util.Optional;

/**
 * When a schedule expression falls due: {@link #atOrAfter} gives the first occurrence at or after an instant.
 *
 * <ul>
 *   <li>{@code rate}: every period from an anchor, in absolute time (a day is 24 hours, whatever daylight saving
 *       does, as Scheduler documents); EventBridge rules first fire one period after the rule is created ("a rate
 *       expression starts when you create the scheduled event rule"), Scheduler at its {@code StartDate}, or at
 *       once without one ("the schedule begins invoking the target immediately").</li>
 *   <li>{@code cron}: the wall-clock times the fields match, in the time zone (UTC for rules). As
 *       <a href="https://docs.aws.amazon.com/scheduler/latest/UserGuide/schedule-types.html#daylist-savings-time">Scheduler
 *       documents</a> it: a time that does not exist when the clocks go forward is skipped; a time that happens
 *       twice when they go back fires once, at its first occurrence (the wall clock is followed forward only).</li>
 *   <li>{@code at}: once, at that local time in the zone; a time in a forward gap fires when the gap ends, a time
 *       that happens twice at its first occurrence. A time already past never fires.</li>
 * </ul>
 */
public interface Occurrences {

    /** The first occurrence at or after {@code t}; empty when there is none (a past {@code at}, a finished year). */
    Optional<Instant> atOrAfter(Instant t);

    /**
     * The occurrences of an expression.
     *
     * @param zone           where {@code cron} and {@code at} are read (UTC for rules)
     * @param anchor         where a {@code rate} counts from
     * @param rateFromAnchor whether a {@code rate} fires at the anchor itself (Scheduler) or one period after (rules)
     */
    static Occurrences of(ScheduleExpression e, ZoneId zone, Instant anchor, boolean rateFromAnchor) {
        if (e instanceof ScheduleExpression.Rate r) {
            return rate(r.period(), rateFromAnchor ? anchor : anchor.plus(r.period()));
        }
        if (e instanceof ScheduleExpression.Cron c) {
            return t -> cron(c.cron(), zone, t);
        }
        Instant at = firstInstant(((ScheduleExpression.At) e).time(), zone);
        return t -> at.isBefore(t) ? Optional.empty() : Optional.of(at);
    }

    private static Occurrences rate(Duration period, Instant first) {
        long p = period.toMillis();
        return t -> {
            if (!t.isAfter(first)) {
                return Optional.of(first);
            }
            long behind = t.toEpochMilli() - first.toEpochMilli();
            long periods = (behind + p - 1) / p;
            return Optional.of(first.plusMillis(periods * p));
        };
    }

    /** Follows the wall clock forward from {@code t}'s local time, skipping times that do not exist or are past. */
    private static Optional<Instant> cron(AwsCron cron, ZoneId zone, Instant t) {
        ZoneRules rules = zone.getRules();
        LocalDateTime wall = LocalDateTime.ofInstant(t, zone).minusNanos(1);
        while (true) {
            Optional<LocalDateTime> next = cron.next(wall);
            if (next.isEmpty()) {
                return Optional.empty();
            }
            wall = next.get();
            List<ZoneOffset> offsets = rules.getValidOffsets(wall);
            if (offsets.isEmpty()) {
                continue; // in a forward gap: skipped
            }
            Instant at = wall.toInstant(offsets.get(0)); // twice: the first of the two
            if (!at.isBefore(t)) {
                return Optional.of(at);
            }
        }
    }

    /** A local time as an instant: the earlier offset when it happens twice, the end of the gap when it does not exist. */
    static Instant firstInstant(LocalDateTime local, ZoneId zone) {
        return local.atZone(zone).toInstant();
    }
}
