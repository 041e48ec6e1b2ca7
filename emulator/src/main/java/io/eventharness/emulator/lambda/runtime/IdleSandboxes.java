package io.eventharness.emulator.lambda.runtime;

import io.eventharness.emulator.core.EmulatorClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The idle sandboxes of a {@link FunctionRunner}, most recently used first, and their keep-alive on the emulator clock:
 * since when each is idle, and one timer per sandbox which, when it fires, tells whether the sandbox has been idle for
 * the whole keep-alive (a sandbox reused meanwhile is checked again when its new keep-alive ends). It only keeps the
 * books: guarded by its runner's monitor, it never starts, kills or waits for a process; its timers call the runner
 * back ({@code check}), which retires the sandbox.
 */
final class IdleSandboxes {
    private final EmulatorClock clock;
    private final Duration keepAlive;
    private final Consumer<Sandbox> check;
    private final Deque<Sandbox> idle = new ArrayDeque<>();
    private final Map<Sandbox, Long> idleSince = new HashMap<>();
    private final Map<Sandbox, EmulatorClock.Task> retireTasks = new HashMap<>();

    /** @param check called on the clock's thread when a sandbox's keep-alive timer fires (it takes the runner's monitor) */
    IdleSandboxes(EmulatorClock clock, Duration keepAlive, Consumer<Sandbox> check) {
        this.clock = clock;
        this.keepAlive = keepAlive;
        this.check = check;
    }

    /**
     * Takes out the most recently used idle sandbox that can take an invocation, or returns null; those it meets that
     * cannot (their process exited) are taken out too, into {@code dead}, to be retired.
     */
    Sandbox takeReusable(List<Sandbox> dead) {
        while (!idle.isEmpty()) {
            Sandbox s = idle.pollFirst();
            if (s.reusable()) {
                return s;
            }
            dead.add(s);
        }
        return null;
    }

    /** The sandbox waits for its next invocation from now; its keep-alive timer is scheduled unless one is pending. */
    void add(Sandbox sandbox) {
        long now = clock.millis();
        idle.addFirst(sandbox);
        idleSince.put(sandbox, now);
        if (!retireTasks.containsKey(sandbox)) {
            schedule(sandbox, now + keepAlive.toMillis());
        }
    }

    /**
     * Its keep-alive timer fired: true when the sandbox has been idle that long (it is taken out, to be retired); false
     * when it is busy (its next {@link #add} schedules a new timer) or was used since (checked again later).
     */
    boolean expired(Sandbox sandbox) {
        retireTasks.remove(sandbox);
        if (!idle.contains(sandbox)) {
            return false;
        }
        long due = idleSince.get(sandbox) + keepAlive.toMillis();
        if (clock.millis() < due) {
            schedule(sandbox, due);
            return false;
        }
        idle.remove(sandbox);
        return true;
    }

    /** A sandbox that retires: its idle time and its timer (cancelled) are forgotten. */
    void forget(Sandbox sandbox) {
        idleSince.remove(sandbox);
        EmulatorClock.Task t = retireTasks.remove(sandbox);
        if (t != null) {
            t.cancel();
        }
    }

    /** Takes out every idle sandbox. */
    List<Sandbox> takeAll() {
        List<Sandbox> all = new ArrayList<>(idle);
        idle.clear();
        return all;
    }

    /** The idle sandboxes that can take an invocation (a sandbox whose process exited is not counted). */
    int reusable() {
        return (int) idle.stream().filter(Sandbox::reusable).count();
    }

    private void schedule(Sandbox sandbox, long dueMillis) {
        retireTasks.put(sandbox, clock.schedule(Instant.ofEpochMilli(dueMillis), () -> check.accept(sandbox)));
    }
}
