package io.eventharness.harness.wire;

import io.eventharness.harness.observe.Await;
import java.util.function.Consumer;
import java.util.function.Supplier;
import software.amazon.awssdk.services.eventbridge.model.PutTargetsResponse;
import software.amazon.awssdk.services.eventbridge.model.PutTargetsResultEntry;
import software.amazon.awssdk.services.eventbridge.model.Target;
import software.amazon.awssdk.services.scheduler.model.CreateScheduleRequest;
import software.amazon.awssdk.services.scheduler.model.FlexibleTimeWindowMode;
import software.amazon.awssdk.services.scheduler.model.ValidationException;

/**
 * What a {@link Rule} and a {@link Schedule} create: PutTargets of a rule's target (its dead-letter queue's policy
 * letting the rule send), and CreateSchedule with the harness's Scheduler role, retried while a fresh role cannot be
 * assumed yet; each is told in the failure story.
 */
final class EventBridgeTargets {
    private final WiringClients c;
    private final ResourceGrants grants;
    private final Supplier<String> schedulerRole;
    private final Await await;
    private final Wires wires;

    EventBridgeTargets(WiringClients clients, ResourceGrants grants, Supplier<String> schedulerRole, Await await, Wires wires) {
        this.c = clients;
        this.grants = grants;
        this.schedulerRole = schedulerRole;
        this.await = await;
        this.wires = wires;
    }

    /** PutTargets of one target of the rule; a target EventBridge refuses throws, naming its error. */
    void put(Rule rule, String targetArn, String defaultId, Consumer<Target.Builder> target) {
        Target.Builder b = Target.builder().id(targetId(defaultId)).applyMutation(target).arn(targetArn);
        Target t = b.build();
        if (t.deadLetterConfig() != null && t.deadLetterConfig().arn() != null) {
            String dlqArn = t.deadLetterConfig().arn();
            grants.allowToQueue(Wiring.queueUrlOf(c, dlqArn), dlqArn, "events.amazonaws.com", rule.arn());
        }
        PutTargetsResponse r = c.events().putTargets(p -> p.rule(rule.name()).eventBusName(rule.bus()).targets(t));
        if (r.failedEntryCount() != null && r.failedEntryCount() > 0) {
            PutTargetsResultEntry f = r.failedEntries().get(0);
            throw new IllegalStateException("EventBridge refused the target " + targetArn + " of rule " + rule.arn() + ": "
                    + f.errorCode() + ": " + f.errorMessage());
        }
        wires.add(new Wires.Wire("rule " + rule.name(), Wiring.lastSegment(targetArn), "", null));
    }

    /** A target id from a resource name: letters, digits, {@code .-_}, at most 64 characters. */
    static String targetId(String name) {
        String id = name.replaceAll("[^A-Za-z0-9._-]", "-");
        return id.length() > 64 ? id.substring(id.length() - 64) : id;
    }

    /**
     * CreateSchedule with the target's ARN and the Scheduler role set; a fresh role that Scheduler cannot assume yet
     * (IAM is eventually consistent) is retried for up to a minute.
     */
    String createSchedule(Consumer<CreateScheduleRequest.Builder> schedule, String targetArn,
                          Consumer<software.amazon.awssdk.services.scheduler.model.Target.Builder> target) {
        String role = schedulerRole.get();
        CreateScheduleRequest.Builder b = CreateScheduleRequest.builder().flexibleTimeWindow(w -> w.mode(FlexibleTimeWindowMode.OFF))
                .applyMutation(schedule);
        CreateScheduleRequest given = b.build();
        software.amazon.awssdk.services.scheduler.model.Target.Builder t = given.target() == null
                ? software.amazon.awssdk.services.scheduler.model.Target.builder() : given.target().toBuilder();
        CreateScheduleRequest r = b.target(t.applyMutation(target).arn(targetArn).roleArn(role).build()).build();
        String arn = await.atMost(Wiring.ROLE_PROPAGATION).retrying("the schedule " + r.name() + " -> " + targetArn,
                () -> c.scheduler().createSchedule(r).scheduleArn(), EventBridgeTargets::schedulerRoleNotAssumableYet);
        wires.add(new Wires.Wire("schedule " + r.name(), Wiring.lastSegment(targetArn), r.scheduleExpression(), null));
        return arn;
    }

    /** Scheduler's answer to CreateSchedule while a fresh execution role has not reached it. */
    static boolean schedulerRoleNotAssumableYet(RuntimeException e) {
        return e instanceof ValidationException && e.getMessage() != null && e.getMessage().contains("assume the role");
    }
}
