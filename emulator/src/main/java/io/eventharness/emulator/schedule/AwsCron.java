package io.eventharness.emulator.schedule;

import com.cronutils.model.definition.CronDefinition;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * AWS's six-field cron, {@code minutes hours day-of-month month day-of-week year}, as the
 * <a href="https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-scheduled-rule-pattern.html#eb-cron-expressions">EventBridge
 * guide</a> defines it: minutes 0-59, hours 0-23, day-of-month 1-31 with {@code ? L W}, month 1-12 or
 * {@code JAN-DEC}, day-of-week 1-7 (1 is Sunday) or {@code SUN-SAT} with {@code ? L #}, year 1970-2199; every field
 * takes {@code , - * /}; exactly one of the two day fields is {@code ?}.
 *
 * <p>The fields are parsed and matched by cron-utils over a definition of that format; {@code AwsCronTest} pins the
 * semantics AWS documents (Sunday is 1, {@code 6L} is the last Friday, {@code 3#2} the second Tuesday, {@code 15W}
 * the weekday nearest the 15th, the year field). The times are wall-clock times: {@link Occurrences} places them in
 * a time zone.
 *
 * <pre>{@code
 * AwsCron daily = AwsCron.parse("0 0 * * ? *");
 * daily.next(LocalDateTime.parse("2026-03-01T23:59:59"));   // 2026-03-02T00:00
 * }</pre>
 */
public final class AwsCron {
    private static final CronParser PARSER = new CronParser(definition());

    private final String fields;
    private final ExecutionTime times;

    private AwsCron(String fields, ExecutionTime times) {
        this.fields = fields;
        this.times = times;
    }

    private static CronDefinition definition() {
        return CronDefinitionBuilder.defineCron()
                .withMinutes().withValidRange(0, 59).withStrictRange().and()
                .withHours().withValidRange(0, 23).withStrictRange().and()
                .withDayOfMonth().withValidRange(1, 31).supportsL().supportsW().supportsLW().supportsQuestionMark()
                .withStrictRange().and()
                .withMonth().withValidRange(1, 12).withStrictRange().and()
                .withDayOfWeek().withValidRange(1, 7).withMondayDoWValue(2).supportsHash().supportsL().supportsQuestionMark()
                .withStrictRange().and()
                .withYear().withValidRange(1970, 2199).withStrictRange().and()
                .instance();
    }

    /**
     * The six fields of {@code cron(...)}, separated by single spaces.
     *
     * @throws ScheduleExpression.Invalid naming what AWS would refuse
     */
    public static AwsCron parse(String fields) {
        String shown = "cron(" + fields + ")";
        String[] f = fields.split(" ", -1);
        if (f.length != 6) {
            throw new ScheduleExpression.Invalid(shown, "a cron expression has six fields, separated by single spaces");
        }
        for (String field : f) {
            if (field.isEmpty()) {
                throw new ScheduleExpression.Invalid(shown, "a cron expression has six fields, separated by single spaces");
            }
        }
        if (f[2].equals("?") == f[4].equals("?")) {
            throw new ScheduleExpression.Invalid(shown, "one of day-of-month and day-of-week must be '?', and only one");
        }
        try {
            com.cronutils.model.Cron cron = PARSER.parse(fields);
            cron.validate();
            return new AwsCron(fields, ExecutionTime.forCron(cron));
        } catch (IllegalArgumentException e) {
            throw new ScheduleExpression.Invalid(shown, e.getMessage());
        }
    }

    /** The first wall-clock time matching the fields strictly after {@code after}; empty when there is none (the year field ended). */
    public Optional<LocalDateTime> next(LocalDateTime after) {
        return times.nextExecution(after.atZone(ZoneOffset.UTC)).map(ZonedDateTime::toLocalDateTime);
    }

    @Override
    public String toString() {
        return "cron(" + fields + ")";
    }
}
