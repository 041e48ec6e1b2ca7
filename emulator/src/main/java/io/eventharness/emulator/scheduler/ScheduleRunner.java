package io.eventharness.emulator.scheduler;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.eventharness.emulator.core.AwsException;
import io.eventharness.emulator.core.EmulatorClock;
import io.eventharness.emulator.core.Ids;
import io.eventharness.emulator.core.Json;
import io.eventharness.emulator.delivery.Delivery;
import io.eventharness.emulator.delivery.Message;
import io.eventharness.emulator.schedule.Occurrences;
import io.eventharness.emulator.schedule.Recurrence;
import io.eventharness.emulator.schedule.Retries;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs schedules on the clock: each enabled schedule is a {@link Recurrence} of its expression in its time zone,
 * between its {@code StartDate} and {@code EndDate} (both ignored by {@code at}); a {@code rate} starts at the
 * {@code StartDate}, or at once without one.
 *
 * <p>Each occurrence invokes the target through {@code delivery} (kind {@code scheduler:Invoke}), at the due time or,
 * with a flexible time window, at the due time plus an offset in whole seconds within the window, drawn from a
 * random generator seeded by the schedule's ARN and the due time: the same schedule and occurrence always get the
 * same time. The {@code Input} goes to the target with Scheduler's context attributes replaced
 * ({@code <aws.scheduler.schedule-arn>}, {@code <aws.scheduler.scheduled-time>}, {@code <aws.scheduler.execution-id>},
 * {@code <aws.scheduler.attempt-number>}); without an {@code Input} the target gets {@code {}}.
 *
 * <p>A failed invocation is retried on the clock under the target's {@code RetryPolicy} (as the Scheduler guide
 * describes, whatever the error), then goes to the dead-letter queue — the input as the body, with
 * {@code ERROR_CODE}, {@code ERROR_MESSAGE}, {@code EXECUTION_ID}, {@code SCHEDULE_ARN}, {@code SCHEDULED_TIME} and
 * {@code TARGET_ARN} (kind {@code scheduler:DeadLetter}) — or is dropped, and the trail says so. With
 * {@code ActionAfterCompletion: DELETE} the schedule is deleted once its last occurrence fired.
 */
final class ScheduleRunner {
    static final String KIND = "scheduler:Invoke";
    static final String DEAD_LETTER = "scheduler:DeadLetter";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    private final EmulatorClock clock;
    private final Delivery delivery;
    private final Map<Schedule, Recurrence> running = new ConcurrentHashMap<>();
    private volatile java.util.function.Consumer<Schedule> onCompletion = s -> { };

    ScheduleRunner(EmulatorClock clock, Delivery delivery) {
        this.clock = clock;
        this.delivery = delivery;
    }

    /** What to do with a schedule whose {@code ActionAfterCompletion} is DELETE once it completed. */
    void onCompletion(java.util.function.Consumer<Schedule> delete) {
        this.onCompletion = delete;
    }

    /** Starts, restarts or stops a schedule after it was created, updated or deleted. */
    void reschedule(Schedule s, boolean exists) {
        Recurrence old = running.remove(s);
        if (old != null) {
            old.cancel();
        }
        Schedule.Definition d = s.definition();
        if (!exists || !d.enabled()) {
            return;
        }
        Instant now = clock.now();
        boolean oneTime = d.expression() instanceof io.eventharness.emulator.schedule.ScheduleExpression.At;
        Instant start = oneTime || d.start() == null ? now : d.start();
        Occurrences when = Occurrences.of(d.expression(), d.zone(), start, true);
        Instant from = start.isAfter(now) ? start : now;
        running.put(s, Recurrence.start(clock, when, from, oneTime ? null : d.end(), due -> fire(s, d, due), () -> {
            if (d.deleteAfter()) {
                onCompletion.accept(s);
            }
        }));
    }

    private void fire(Schedule s, Schedule.Definition d, Instant due) {
        Duration offset = offset(s, d.window(), due);
        if (offset.isZero()) {
            invoke(s, d, due);
        } else {
            clock.schedule(due.plus(offset), () -> invoke(s, d, due));
        }
    }

    /** The flexible window's offset for this occurrence: whole seconds in [0, window), the same every time. */
    static Duration offset(Schedule s, Duration window, Instant due) {
        if (window.isZero()) {
            return Duration.ZERO;
        }
        SplittableRandom r = new SplittableRandom(s.arn().toString().hashCode() * 31L + due.toEpochMilli());
        return Duration.ofSeconds(r.nextLong(window.toSeconds()));
    }

    private void invoke(Schedule s, Schedule.Definition d, Instant due) {
        String executionId = Ids.uuid();
        ScheduleTarget t = d.target();
        Retries.run(clock, t.retryPolicy(), clock.now(), attempt -> {
            String input = input(t.input(), s, due, executionId, attempt);
            delivery.send(s.arn().toString(), t.arn().toString(), KIND, message(s, t, input, due));
        }, failure -> true, (last, retries, condition) -> deadLetter(s, t, input(t.input(), s, due, executionId, retries + 1),
                due, executionId, last, retries, condition));
    }

    private static String input(String input, Schedule s, Instant due, String executionId, int attempt) {
        if (input == null) {
            return "{}";
        }
        return input.replace("<aws.scheduler.schedule-arn>", s.arn().toString())
                .replace("<aws.scheduler.scheduled-time>", TIME.format(due.truncatedTo(ChronoUnit.SECONDS)))
                .replace("<aws.scheduler.execution-id>", executionId)
                .replace("<aws.scheduler.attempt-number>", Integer.toString(attempt));
    }

    private static Message message(Schedule s, ScheduleTarget t, String input, Instant due) {
        return switch (t.arn().service()) {
            case "sqs" -> new Message(input, Map.of(), t.messageGroupId(), null);
            case "events" -> Message.of(event(s, t, input, due));
            default -> Message.of(input);
        };
    }

    /** PutEvents to a bus: the input is the detail, the schedule the resource. */
    private static String event(Schedule s, ScheduleTarget t, String input, Instant due) {
        JsonNode detail;
        try {
            detail = Json.STRICT.readTree(input);
        } catch (Exception e) {
            throw AwsException.of(400, "ValidationException", "Detail is malformed.");
        }
        ObjectNode e = Json.MAPPER.createObjectNode();
        e.put("source", t.source());
        e.put("detail-type", t.detailType());
        e.putArray("resources").add(s.arn().toString());
        e.set("detail", detail);
        return e.toString();
    }

    private void deadLetter(Schedule s, ScheduleTarget t, String input, Instant due, String executionId, RuntimeException last,
                            int retries, String condition) {
        String reason = (last.getMessage() != null ? last.getMessage() : last.toString())
                + (retries > 0 ? " after " + retries + " retries" + (condition != null ? " (" + condition + ")" : "") : "");
        if (t.deadLetterQueue() == null) {
            delivery.note(s.arn().toString(), t.arn().toString(), KIND, input, "dropped: " + reason + " (the schedule has no dead-letter queue)");
            return;
        }
        Map<String, Message.Attribute> a = new LinkedHashMap<>();
        a.put("ERROR_CODE", Message.Attribute.string(last instanceof AwsException e ? e.queryCode() : "InternalServerException"));
        a.put("ERROR_MESSAGE", Message.Attribute.string(last.getMessage() != null ? last.getMessage() : last.toString()));
        a.put("EXECUTION_ID", Message.Attribute.string(executionId));
        a.put("SCHEDULE_ARN", Message.Attribute.string(s.arn().toString()));
        a.put("SCHEDULED_TIME", Message.Attribute.string(TIME.format(due.truncatedTo(ChronoUnit.SECONDS))));
        a.put("TARGET_ARN", Message.Attribute.string(t.arn().toString()));
        try {
            delivery.send(s.arn().toString(), t.deadLetterQueue().toString(), DEAD_LETTER, new Message(input, a, null, null));
        } catch (RuntimeException lost) {
            // recorded in the trail by delivery
        }
    }

    /** Stops every schedule. */
    void close() {
        running.values().forEach(Recurrence::cancel);
        running.clear();
    }
}
