package io.eventharness.harness.wire;

import java.util.function.Consumer;
import software.amazon.awssdk.services.scheduler.model.CreateScheduleRequest;
import software.amazon.awssdk.services.scheduler.model.Target;

/**
 * An EventBridge Scheduler schedule that {@link Wiring#schedule} describes, created when its one target is named:
 * the target invoked with the harness's Scheduler execution role (Scheduler needs no resource policy on the target;
 * the role is the permission).
 *
 * <pre>{@code
 * String arn = cloud.wire().schedule(s -> s.name(cloud.name("once")).scheduleExpression("at(2026-03-29T02:30:00)")
 *         .scheduleExpressionTimezone("Europe/Berlin")).toLambda(fn);
 * cloud.wire().schedule(s -> s.name(cloud.name("retried")).scheduleExpression("rate(1 hour)"))
 *         .toLambda(fn, t -> t.retryPolicy(r -> r.maximumRetryAttempts(2)).deadLetterConfig(d -> d.arn(dlqArn)));
 * }</pre>
 */
public final class Schedule {
    private final Wiring wiring;
    private final Consumer<CreateScheduleRequest.Builder> schedule;

    Schedule(Wiring wiring, Consumer<CreateScheduleRequest.Builder> schedule) {
        this.wiring = wiring;
        this.schedule = schedule;
    }

    /** Creates the schedule with the function as its target (invoked asynchronously); returns the schedule's ARN. */
    public String toLambda(FunctionTarget fn) {
        return toLambda(fn, t -> { });
    }

    /**
     * The same with more of the target set ({@code Input}, {@code RetryPolicy}, {@code DeadLetterConfig}); the wiring
     * sets its {@code Arn} and {@code RoleArn}.
     */
    public String toLambda(FunctionTarget fn, Consumer<Target.Builder> target) {
        return wiring.targets().createSchedule(schedule, fn.arn(), target);
    }

    /** Creates the schedule with the queue as its target; returns the schedule's ARN. */
    public String toSqs(String queueUrl) {
        return toSqs(queueUrl, t -> { });
    }

    /** The same with more of the target set (a FIFO queue needs {@code SqsParameters.MessageGroupId}). */
    public String toSqs(String queueUrl, Consumer<Target.Builder> target) {
        return wiring.targets().createSchedule(schedule, wiring.queueArn(queueUrl), target);
    }
}
