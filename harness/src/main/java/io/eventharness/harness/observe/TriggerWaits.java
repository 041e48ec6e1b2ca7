package io.eventharness.harness.observe;

import java.util.List;

/**
 * Waits on what a rule or a schedule causes in its target function.
 *
 * <pre>{@code
 * List<Invocation> firings = cloud.trigger(rule.arn(), fn).await().atMost(Duration.ofSeconds(30)).invocations(3);
 * }</pre>
 */
public final class TriggerWaits extends Waits<TriggerWaits> {
    private final TriggerView trigger;

    TriggerWaits(TriggerView trigger, Await await) {
        super(await);
        this.trigger = trigger;
    }

    @Override
    protected TriggerWaits with(Await await) {
        return new TriggerWaits(trigger, await);
    }

    /** At least {@code n} finished invocations that the trigger caused (see {@link TriggerView#invocations()}). */
    public List<Invocation> invocations(int n) {
        return await().until(n + " invocation(s) of " + trigger.target() + " by " + trigger.trigger(), trigger::invocations,
                inv -> inv.size() >= n, trigger::describe);
    }
}
