package io.eventharness.emulator.lambda.runtime;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Where a {@link Sandbox} is in its life: AWS's execution environment lifecycle (Lambda developer guide,
 * "Understanding the Lambda execution environment lifecycle"): an Init phase, then one Invoke phase per event with
 * the environment frozen in between, until it shuts down, or until a failure resets it ("If the Lambda function
 * crashes or times out during the Invoke phase, Lambda resets the execution environment").
 *
 * <p>Here a reset ends the sandbox: the runner starts another for the next event, which inherits the reset one's
 * {@code /tmp}, as AWS's reset leaves {@code /tmp} as it was. The three ended states are final; {@link #to} is
 * the transition table, and {@code SandboxState.transition} the one place a sandbox's status changes.
 *
 * <pre>
 * NEW ──────────► INIT ──► IDLE ◄──► INVOKING
 *   └──► SPARE ──┘
 * </pre>
 * and from every state not ended to RESET or SHUT_DOWN; from INIT, IDLE and INVOKING to OUT_OF_MEMORY.
 */
enum SandboxStatus {
    /** Made; its process not started yet. */
    NEW,
    /** Started ahead of need ({@link SpareSandbox}): the runtime booted, waiting for activation to load the function. */
    SPARE,
    /** The Init phase: the runtime loads the function until it first asks for an event ({@code /next}). */
    INIT,
    /** Between invocations: no event in flight (AWS freezes the environment once the runtime asks for the next). */
    IDLE,
    /** The Invoke phase: one event dispatched, until the runtime answers it. */
    INVOKING,
    /** Ended by a failure (a timeout, a crash, a failed INIT): killed; its {@code /tmp} goes to its successor. */
    RESET,
    /**
     * Ended for going beyond its memory size: killed; whatever ends in it ends with {@code Runtime.OutOfMemory}.
     * A reset too: its {@code /tmp} goes to its successor.
     */
    OUT_OF_MEMORY,
    /** Ended by the engine (retired after the keep-alive, a new configuration, the engine closing). */
    SHUT_DOWN;

    private static final Map<SandboxStatus, Set<SandboxStatus>> NEXT = new EnumMap<>(SandboxStatus.class);

    static {
        NEXT.put(NEW, EnumSet.of(SPARE, INIT, RESET, SHUT_DOWN)); // RESET: the process could not be started
        NEXT.put(SPARE, EnumSet.of(INIT, RESET, SHUT_DOWN));
        NEXT.put(INIT, EnumSet.of(IDLE, RESET, OUT_OF_MEMORY, SHUT_DOWN));
        NEXT.put(IDLE, EnumSet.of(INVOKING, RESET, OUT_OF_MEMORY, SHUT_DOWN));
        NEXT.put(INVOKING, EnumSet.of(IDLE, RESET, OUT_OF_MEMORY, SHUT_DOWN));
        NEXT.put(RESET, EnumSet.noneOf(SandboxStatus.class));
        NEXT.put(OUT_OF_MEMORY, EnumSet.noneOf(SandboxStatus.class));
        NEXT.put(SHUT_DOWN, EnumSet.noneOf(SandboxStatus.class));
    }

    /**
     * {@code next}, when a sandbox in this status can go there.
     *
     * @throws IllegalStateException naming both statuses, when it cannot
     */
    SandboxStatus to(SandboxStatus next) {
        if (!NEXT.get(this).contains(next)) {
            throw new IllegalStateException("a sandbox cannot go from " + this + " to " + next);
        }
        return next;
    }

    /** Whether the sandbox has ended (for good: no transition leaves these). */
    boolean ended() {
        return NEXT.get(this).isEmpty();
    }

    /** Whether it ended by a failure: its {@code /tmp} goes to the sandbox that replaces it. */
    boolean reset() {
        return this == RESET || this == OUT_OF_MEMORY;
    }
}
