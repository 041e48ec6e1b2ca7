package io.eventharness.harness.observe;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a rule or a schedule (the trigger) caused in the function it targets: the invocations, and the trigger's hops.
 * Where the backend keeps an event trail (the emulator), an invocation counts when the trail shows the trigger
 * invoking the function with its request id, so other sources' invocations of the same function are not counted.
 * Elsewhere (LocalStack, AWS) there is no record of which source invoked a function: every invocation in the
 * function's log counts, so give each trigger a function of its own there.
 *
 * <pre>{@code
 * List<Invocation> fired = cloud.trigger(nightly.arn(), fn).await().invocations(1);
 * assertThat(cloud.trigger(nightly.arn(), fn).invocations()).hasSize(1);   // what happened so far
 * }</pre>
 */
public final class TriggerView {
    /** The request id in the outcome of an invocation's hop: {@code ok (cold, request <id>)}, {@code error X (warm, request <id>): ...}. */
    private static final Pattern REQUEST = Pattern.compile("\\((?:cold|warm), request ([^)\\s]+)\\)");

    private final String trigger;
    private final LogView target;
    private final Supplier<List<String>> hops;
    private final Await await;

    /**
     * @param trigger the rule's or schedule's ARN
     * @param target  the log of the function it targets
     * @param hops    the trail's hops whose source or target is the trigger, one line each; null where the backend
     *                keeps no trail
     */
    public TriggerView(String trigger, LogView target, Supplier<List<String>> hops, Await await) {
        this.trigger = trigger;
        this.target = target;
        this.hops = hops;
        this.await = await;
    }

    public String trigger() {
        return trigger;
    }

    /** The trail's hops from (or to) the trigger so far, one line each; empty where the backend keeps no trail. */
    public List<String> hops() {
        return hops == null ? List.of() : hops.get();
    }

    /**
     * The target's finished invocations the trigger caused so far, in log order (retries of a failed one included):
     * with a trail, those whose request id its hops show; without, all of the target's.
     */
    public List<Invocation> invocations() {
        if (hops == null) {
            return target.invocations();
        }
        Set<String> requests = requestIds(hops.get());
        return target.invocations().stream().filter(i -> requests.contains(i.requestId())).toList();
    }

    /** The request ids of the invocations that trail lines show. */
    static Set<String> requestIds(List<String> lines) {
        Set<String> ids = new LinkedHashSet<>();
        for (String line : lines) {
            Matcher m = REQUEST.matcher(line);
            if (m.find()) {
                ids.add(m.group(1));
            }
        }
        return ids;
    }

    /** Waits on what the trigger causes. */
    public TriggerWaits await() {
        return new TriggerWaits(this, await);
    }

    String describe(List<Invocation> inv) {
        StringBuilder b = new StringBuilder(inv.size() + " invocation(s) of " + target.group() + " by " + trigger);
        inv.forEach(i -> b.append("\n    ").append(i));
        List<String> h = hops();
        if (hops != null) {
            b.append(h.isEmpty() ? "\n  and no hop of " + trigger + " on the trail" : "\n  hops of " + trigger + ":");
            h.stream().skip(Math.max(0, h.size() - 10)).forEach(l -> b.append("\n    ").append(l));
        }
        return b.toString();
    }

    String target() {
        return target.group();
    }
}
