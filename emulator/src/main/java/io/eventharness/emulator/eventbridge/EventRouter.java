package io.eventharness.emulator.eventbridge;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.eventharness.emulator.core.EmulatorClock;
import io.eventharness.emulator.core.Ids;
import io.eventharness.emulator.delivery.Delivery;
import io.eventharness.emulator.schedule.Occurrences;
import io.eventharness.emulator.schedule.Recurrence;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where events go once on a bus: every enabled rule whose pattern matches hands the event to each of its targets
 * ({@link TargetDispatch}), and an event that no rule matches is a hop of the trail from its first resource (or the
 * bus) to the bus, "matched no enabled rule"; and the scheduled rules, each a {@link Recurrence} on the clock that sends the
 * {@code Scheduled Event} to its targets when due (in UTC; a {@code rate} counts from when the rule was put or
 * enabled).
 */
final class EventRouter {
    private final EmulatorClock clock;
    private final Delivery delivery;
    private final TargetDispatch dispatch;
    private final Map<String, Recurrence> schedules = new ConcurrentHashMap<>();

    EventRouter(EmulatorClock clock, Delivery delivery, TargetDispatch dispatch) {
        this.clock = clock;
        this.delivery = delivery;
        this.dispatch = dispatch;
    }

    /** Routes an event that arrived on the bus now. */
    void route(EventBus bus, ObjectNode event) {
        Instant ingestion = clock.now();
        String json = event.toString();
        boolean matched = false;
        for (EventRule rule : bus.rules()) {
            EventRule.Definition d = rule.definition();
            if (d.enabled() && d.pattern() != null && d.pattern().matches(json)) {
                matched = true;
                for (RuleTarget t : rule.targets()) {
                    dispatch.dispatch(rule, t, event, ingestion);
                }
            }
        }
        if (!matched) {
            delivery.note(origin(bus, event), bus.arn().toString(), "events:Event", json, "matched no enabled rule");
        }
    }

    /**
     * Where an event came from, for the trail: its first resource (the bucket of an S3 event, the rule or schedule of
     * a scheduled one), so that the story of the test that owns it tells that no rule matched; else the bus.
     */
    private static String origin(EventBus bus, ObjectNode event) {
        String first = event.path("resources").path(0).asText("");
        return first.isEmpty() ? bus.arn().toString() : first;
    }

    /** Starts, restarts or stops a rule's schedule after PutRule, EnableRule, DisableRule or DeleteRule. */
    void reschedule(EventRule rule, boolean exists) {
        Recurrence old = schedules.remove(rule.arn().toString());
        if (old != null) {
            old.cancel();
        }
        EventRule.Definition d = rule.definition();
        if (!exists || d.schedule() == null || !d.enabled()) {
            return;
        }
        Instant now = clock.now();
        Occurrences when = Occurrences.of(d.schedule(), ZoneOffset.UTC, now, false);
        schedules.put(rule.arn().toString(), Recurrence.start(clock, when, now, null, due -> fire(rule, due)));
    }

    private void fire(EventRule rule, Instant due) {
        ObjectNode event = Events.scheduled(Ids.uuid(), rule.arn(), due);
        for (RuleTarget t : rule.targets()) {
            dispatch.dispatch(rule, t, event, due);
        }
    }

    /** Stops every schedule (the emulator closes). */
    void close() {
        schedules.values().forEach(Recurrence::cancel);
        schedules.clear();
    }
}
