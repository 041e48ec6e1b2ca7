package io.eventharness.emulator.scheduler;

import io.eventharness.emulator.core.EmulatorClock;
import io.eventharness.emulator.delivery.Delivery;
import io.eventharness.emulator.protocol.EmulatedService;
import io.eventharness.emulator.protocol.ServiceSpec;
import java.util.List;
import software.amazon.awssdk.services.scheduler.SchedulerClient;

/**
 * Amazon EventBridge Scheduler, assembled: the schedule groups ({@link ScheduleGroups}), the runner that fires
 * schedules on the clock and invokes their targets through {@code delivery} ({@link ScheduleRunner}), and the
 * operation objects ({@link ScheduleOperations}, {@link GroupOperations}, {@link TagOperations}); no operation is
 * served here.
 */
public final class SchedulerService implements EmulatedService, AutoCloseable {
    public static final ServiceSpec SPEC = ServiceSpec.restJson("scheduler", SchedulerClient.class);

    private final ScheduleRunner runner;
    private final List<Object> operations;

    public SchedulerService(EmulatorClock clock, Delivery delivery) {
        ScheduleGroups groups = new ScheduleGroups(clock);
        this.runner = new ScheduleRunner(clock, delivery);
        runner.onCompletion(s -> groups.find(s.group(), s.arn().region()).ifPresent(g -> g.remove(s)));
        this.operations = List.of(new ScheduleOperations(groups, runner, clock), new GroupOperations(groups, runner),
                new TagOperations(groups));
    }

    @Override
    public ServiceSpec spec() {
        return SPEC;
    }

    @Override
    public List<?> operations() {
        return operations;
    }

    /** Stops every schedule. */
    @Override
    public void close() {
        runner.close();
    }
}
