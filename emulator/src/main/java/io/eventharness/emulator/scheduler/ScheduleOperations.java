package io.eventharness.emulator.scheduler;

import io.eventharness.emulator.core.EmulatorClock;
import io.eventharness.emulator.protocol.Call;
import io.eventharness.emulator.schedule.ScheduleExpression;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import software.amazon.awssdk.services.scheduler.model.ActionAfterCompletion;
import software.amazon.awssdk.services.scheduler.model.CreateScheduleRequest;
import software.amazon.awssdk.services.scheduler.model.CreateScheduleResponse;
import software.amazon.awssdk.services.scheduler.model.DeleteScheduleRequest;
import software.amazon.awssdk.services.scheduler.model.DeleteScheduleResponse;
import software.amazon.awssdk.services.scheduler.model.FlexibleTimeWindow;
import software.amazon.awssdk.services.scheduler.model.FlexibleTimeWindowMode;
import software.amazon.awssdk.services.scheduler.model.GetScheduleRequest;
import software.amazon.awssdk.services.scheduler.model.GetScheduleResponse;
import software.amazon.awssdk.services.scheduler.model.ListSchedulesRequest;
import software.amazon.awssdk.services.scheduler.model.ListSchedulesResponse;
import software.amazon.awssdk.services.scheduler.model.ScheduleState;
import software.amazon.awssdk.services.scheduler.model.ScheduleSummary;
import software.amazon.awssdk.services.scheduler.model.Target;
import software.amazon.awssdk.services.scheduler.model.TargetSummary;
import software.amazon.awssdk.services.scheduler.model.UpdateScheduleRequest;
import software.amazon.awssdk.services.scheduler.model.UpdateScheduleResponse;

/**
 * {@code CreateSchedule}, {@code GetSchedule}, {@code UpdateSchedule} (a full replacement, as AWS documents it),
 * {@code DeleteSchedule}, {@code ListSchedules}. A schedule starts, restarts or stops with each change
 * ({@link ScheduleRunner#reschedule}). {@code KmsKeyArn} is refused (encryption is not emulated).
 */
public final class ScheduleOperations {
    private static final String NAME_PATTERN = "[0-9a-zA-Z-_.]+";

    private final ScheduleGroups groups;
    private final ScheduleRunner runner;
    private final EmulatorClock clock;

    ScheduleOperations(ScheduleGroups groups, ScheduleRunner runner, EmulatorClock clock) {
        this.groups = groups;
        this.runner = runner;
        this.clock = clock;
    }

    public CreateScheduleResponse createSchedule(CreateScheduleRequest r, Call call) {
        checkName(r.name(), "name");
        ScheduleGroup g = groups.require(r.groupName(), call.region());
        Schedule.Definition d = definition(r.scheduleExpression(), r.scheduleExpressionTimezone(), r.startDate(), r.endDate(),
                r.flexibleTimeWindow(), r.state(), r.stateAsString(), r.description(), r.target(), r.actionAfterCompletion(),
                r.actionAfterCompletionAsString(), r.kmsKeyArn(), r.clientToken());
        Schedule s = g.create(r.name(), d, clock.now());
        if (s.definition() == d) {
            runner.reschedule(s, true);
        }
        return CreateScheduleResponse.builder().scheduleArn(s.arn().toString()).build();
    }

    public UpdateScheduleResponse updateSchedule(UpdateScheduleRequest r, Call call) {
        ScheduleGroup g = groups.require(r.groupName(), call.region());
        Schedule s = g.schedule(r.name()).orElseThrow(() -> SchedulerErrors.scheduleNotFound(r.name()));
        Schedule.Definition d = definition(r.scheduleExpression(), r.scheduleExpressionTimezone(), r.startDate(), r.endDate(),
                r.flexibleTimeWindow(), r.state(), r.stateAsString(), r.description(), r.target(), r.actionAfterCompletion(),
                r.actionAfterCompletionAsString(), r.kmsKeyArn(), r.clientToken());
        s.update(d, clock.now());
        runner.reschedule(s, true);
        return UpdateScheduleResponse.builder().scheduleArn(s.arn().toString()).build();
    }

    public GetScheduleResponse getSchedule(GetScheduleRequest r, Call call) {
        ScheduleGroup g = groups.require(r.groupName(), call.region());
        Schedule s = g.schedule(r.name()).orElseThrow(() -> SchedulerErrors.scheduleNotFound(r.name()));
        Schedule.Definition d = s.definition();
        FlexibleTimeWindow window = d.window().isZero() ? FlexibleTimeWindow.builder().mode(FlexibleTimeWindowMode.OFF).build()
                : FlexibleTimeWindow.builder().mode(FlexibleTimeWindowMode.FLEXIBLE).maximumWindowInMinutes((int) d.window().toMinutes()).build();
        return GetScheduleResponse.builder().arn(s.arn().toString()).name(s.name()).groupName(s.group())
                .scheduleExpression(d.expressionText()).scheduleExpressionTimezone(d.timezoneText())
                .startDate(d.start()).endDate(d.end()).flexibleTimeWindow(window)
                .state(d.enabled() ? ScheduleState.ENABLED : ScheduleState.DISABLED).description(d.description())
                .target(d.target().given()).actionAfterCompletion(d.deleteAfter() ? ActionAfterCompletion.DELETE : ActionAfterCompletion.NONE)
                .creationDate(s.created()).lastModificationDate(s.modified()).build();
    }

    public DeleteScheduleResponse deleteSchedule(DeleteScheduleRequest r, Call call) {
        ScheduleGroup g = groups.require(r.groupName(), call.region());
        Schedule s = g.schedule(r.name()).orElseThrow(() -> SchedulerErrors.scheduleNotFound(r.name()));
        if (g.remove(s)) {
            runner.reschedule(s, false);
        }
        return DeleteScheduleResponse.builder().build();
    }

    public ListSchedulesResponse listSchedules(ListSchedulesRequest r, Call call) {
        List<ScheduleGroup> scope = r.groupName() != null ? List.of(groups.require(r.groupName(), call.region())) : groups.list(call.region());
        List<Schedule> matching = scope.stream().flatMap(g -> g.schedules().stream())
                .filter(s -> r.namePrefix() == null || s.name().startsWith(r.namePrefix()))
                .filter(s -> r.state() == null || (r.state() == ScheduleState.ENABLED) == s.definition().enabled())
                .sorted(java.util.Comparator.comparing(s -> s.group() + "/" + s.name())).toList();
        Paging<Schedule> page = Paging.of(matching, s -> s.group() + "/" + s.name(), r.nextToken(), r.maxResults());
        return ListSchedulesResponse.builder().nextToken(page.next()).schedules(page.items().stream().map(s ->
                ScheduleSummary.builder().arn(s.arn().toString()).name(s.name()).groupName(s.group())
                        .state(s.definition().enabled() ? ScheduleState.ENABLED : ScheduleState.DISABLED)
                        .creationDate(s.created()).lastModificationDate(s.modified())
                        .target(TargetSummary.builder().arn(s.definition().target().arn().toString()).build()).build()).toList())
                .build();
    }

    static void checkName(String name, String member) {
        if (name == null) {
            throw SchedulerErrors.constraint(null, member, "Member must not be null");
        }
        if (name.isEmpty() || name.length() > 64) {
            throw SchedulerErrors.constraint(name, member, "Member must have length less than or equal to 64");
        }
        if (!name.matches(NAME_PATTERN)) {
            throw SchedulerErrors.constraint(name, member, "Member must satisfy regular expression pattern: " + NAME_PATTERN);
        }
    }

    private static Schedule.Definition definition(String expression, String timezone, Instant start, Instant end,
                                                  FlexibleTimeWindow window, ScheduleState state, String stateText,
                                                  String description, Target target, ActionAfterCompletion after,
                                                  String afterText, String kmsKeyArn, String clientToken) {
        if (expression == null) {
            throw SchedulerErrors.constraint(null, "scheduleExpression", "Member must not be null");
        }
        ScheduleExpression parsed;
        try {
            parsed = ScheduleExpression.parse(expression, ScheduleExpression.Dialect.SCHEDULER);
        } catch (ScheduleExpression.Invalid e) {
            throw SchedulerErrors.invalidExpression(expression);
        }
        ZoneId zone = ZoneOffset.UTC;
        if (timezone != null) {
            try {
                zone = ZoneId.of(timezone);
            } catch (DateTimeException e) {
                throw SchedulerErrors.validation("Invalid ScheduleExpressionTimezone " + timezone + ".");
            }
        }
        if (start != null && end != null && !end.isAfter(start)) {
            throw SchedulerErrors.validation("The EndDate must be after the StartDate.");
        }
        if (kmsKeyArn != null) {
            throw SchedulerErrors.notEmulated("KmsKeyArn (encryption with a customer managed key)");
        }
        if (state == ScheduleState.UNKNOWN_TO_SDK_VERSION) {
            throw SchedulerErrors.constraint(stateText, "state", "Member must satisfy enum value set: [ENABLED, DISABLED]");
        }
        if (after == ActionAfterCompletion.UNKNOWN_TO_SDK_VERSION) {
            throw SchedulerErrors.constraint(afterText, "actionAfterCompletion", "Member must satisfy enum value set: [NONE, DELETE]");
        }
        return new Schedule.Definition(expression, parsed, zone, timezone, start, end, window(window), state != ScheduleState.DISABLED,
                description, ScheduleTarget.of(target), after == ActionAfterCompletion.DELETE, clientToken);
    }

    private static Duration window(FlexibleTimeWindow w) {
        if (w == null || w.mode() == null) {
            throw SchedulerErrors.constraint(null, "flexibleTimeWindow", "Member must not be null");
        }
        Integer max = w.maximumWindowInMinutes();
        if (w.mode() == FlexibleTimeWindowMode.OFF) {
            if (max != null) {
                throw SchedulerErrors.validation("MaximumWindowInMinutes must not be provided when the FlexibleTimeWindow mode is OFF.");
            }
            return Duration.ZERO;
        }
        if (w.mode() != FlexibleTimeWindowMode.FLEXIBLE) {
            throw SchedulerErrors.constraint(w.modeAsString(), "flexibleTimeWindow.mode", "Member must satisfy enum value set: [OFF, FLEXIBLE]");
        }
        if (max == null || max < 1 || max > 1440) {
            throw SchedulerErrors.validation("MaximumWindowInMinutes must be between 1 and 1440 when the FlexibleTimeWindow mode is FLEXIBLE.");
        }
        return Duration.ofMinutes(max);
    }
}
