package io.eventharness.emulator.schedule;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A schedule expression: {@code rate(value unit)}, {@code cron(fields)} or (Scheduler only) {@code at(local time)}.
 * {@link #parse} accepts exactly what AWS accepts: no spaces around the parentheses' content, a positive value
 * with a singular unit for 1 and a plural one otherwise ({@code rate(1 minute)}, {@code rate(5 minutes)};
 * {@code rate(1 minutes)} and {@code rate(10 seconds)} are refused), six cron fields, and an {@code at} time
 * {@code yyyy-mm-ddThh:mm:ss} without a zone (it is read in the schedule's time zone).
 */
public sealed interface ScheduleExpression {

    /** Which service reads the expression: rules know {@code rate} and {@code cron}, Scheduler also {@code at}. */
    enum Dialect { RULE, SCHEDULER }

    /** {@code rate(value unit)}: every {@code period}. */
    record Rate(Duration period) implements ScheduleExpression {
    }

    /** {@code cron(fields)}. */
    record Cron(AwsCron cron) implements ScheduleExpression {
    }

    /** {@code at(yyyy-mm-ddThh:mm:ss)}: once, at that local time. */
    record At(LocalDateTime time) implements ScheduleExpression {
    }

    /** An expression AWS refuses; the services word the error their way. */
    final class Invalid extends IllegalArgumentException {
        Invalid(String expression, String reason) {
            super("invalid schedule expression " + expression + ": " + reason);
        }
    }

    Pattern RATE = Pattern.compile("rate\\(([0-9]+) (minute|minutes|hour|hours|day|days)\\)");
    Pattern CRON = Pattern.compile("cron\\((.*)\\)");
    Pattern AT = Pattern.compile("at\\(([0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2})\\)");
    DateTimeFormatter AT_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss").withResolverStyle(ResolverStyle.STRICT);

    /**
     * The expression, or {@link Invalid} naming what is wrong.
     *
     * @throws Invalid when AWS would refuse it
     */
    static ScheduleExpression parse(String text, Dialect dialect) {
        if (text == null) {
            throw new Invalid("null", "missing");
        }
        Matcher m = RATE.matcher(text);
        if (m.matches()) {
            return rate(text, m.group(1), m.group(2));
        }
        m = CRON.matcher(text);
        if (m.matches()) {
            return new Cron(AwsCron.parse(m.group(1)));
        }
        m = AT.matcher(text);
        if (m.matches() && dialect == Dialect.SCHEDULER) {
            try {
                return new At(LocalDateTime.parse(m.group(1), AT_TIME));
            } catch (DateTimeParseException e) {
                throw new Invalid(text, "no such date and time");
            }
        }
        throw new Invalid(text, dialect == Dialect.RULE ? "expected rate(...) or cron(...)" : "expected at(...), rate(...) or cron(...)");
    }

    private static Rate rate(String text, String digits, String unit) {
        long value;
        try {
            value = Long.parseLong(digits);
        } catch (NumberFormatException e) {
            throw new Invalid(text, "the value is too large");
        }
        if (value <= 0) {
            throw new Invalid(text, "the value must be positive");
        }
        if ((value == 1) != !unit.endsWith("s")) {
            throw new Invalid(text, "the unit is singular for 1 and plural otherwise");
        }
        Duration one = switch (unit.charAt(0)) {
            case 'm' -> Duration.ofMinutes(1);
            case 'h' -> Duration.ofHours(1);
            default -> Duration.ofDays(1);
        };
        if (value > Duration.ofDays(365L * 1000).dividedBy(one)) {
            throw new Invalid(text, "the value is too large");
        }
        return new Rate(one.multipliedBy(value));
    }
}
