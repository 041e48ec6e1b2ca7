package io.eventharness.emulator.lambda.runtime;

import static io.eventharness.emulator.lambda.runtime.SandboxStatus.IDLE;
import static io.eventharness.emulator.lambda.runtime.SandboxStatus.INIT;
import static io.eventharness.emulator.lambda.runtime.SandboxStatus.INVOKING;
import static io.eventharness.emulator.lambda.runtime.SandboxStatus.NEW;
import static io.eventharness.emulator.lambda.runtime.SandboxStatus.OUT_OF_MEMORY;
import static io.eventharness.emulator.lambda.runtime.SandboxStatus.RESET;
import static io.eventharness.emulator.lambda.runtime.SandboxStatus.SHUT_DOWN;
import static io.eventharness.emulator.lambda.runtime.SandboxStatus.SPARE;

import io.eventharness.emulator.lambda.runtime.RuntimeApiServer.NextExchange;
import java.util.function.BiConsumer;

/**
 * A {@link Sandbox}'s state machine: its one {@link SandboxStatus}, the invocation in flight, the runtime's parked
 * {@code /next} and the invocation answered but not done with. Every change of status goes through
 * {@link #transition} (an impossible one is refused, naming the state). Each method is one step, taken atomically under
 * this object's monitor, which guards all four; the monitor is held to hand an event to a waiting {@code /next} (which
 * Jetty writes without blocking), never to kill a process or write a log: the sandbox does that with what the step
 * returns.
 */
final class SandboxState {
    /** What the runtime's {@code /next} came to. */
    enum Next {
        /** The sandbox has ended: left unanswered, as AWS leaves a frozen sandbox. */
        ENDED,
        /** INIT ended with it; it got the event in flight or waits for the next. */
        INIT_DONE,
        /** It got the event in flight or waits for the next. */
        WAITING
    }

    private final BiConsumer<NextExchange, SandboxInvocation> handOver;
    private SandboxStatus status = NEW;
    /** The invocation in flight: set while INVOKING (and while a shutdown that came then waits for the exit). */
    private SandboxInvocation current;
    /** The runtime's {@code /next} waiting for an event: only while IDLE or INVOKING. */
    private NextExchange parked;
    /** The invocation the runtime answered and is not done with yet: its END waits for {@link #takeAnswered}. */
    private SandboxInvocation answered;

    /** @param handOver hands an event to a {@code /next}, under the monitor */
    SandboxState(BiConsumer<NextExchange, SandboxInvocation> handOver) {
        this.handOver = handOver;
    }

    /** Whether the sandbox can take another invocation. */
    synchronized boolean reusable() {
        return status == IDLE;
    }

    /** Whether it ended by a failure (a timeout, a crash, a failed INIT, its memory). */
    synchronized boolean wasReset() {
        return status.reset();
    }

    /** The one place the status changes; an impossible change is a bug, refused. Under the monitor. */
    private void transition(SandboxStatus next) {
        status = status.to(next);
        if (next.ended()) {
            parked = null; // left unanswered, as AWS leaves a frozen sandbox's
        }
    }

    /** Starts: INIT or SPARE (before the process runs, which may ask for its first event at once); RESET if it failed. */
    synchronized void to(SandboxStatus next) {
        transition(next);
    }

    /** A spare goes on, in INIT from now; false when it is no spare. */
    synchronized boolean activate() {
        if (status != SPARE) {
            return false;
        }
        transition(INIT);
        return true;
    }

    /** Hands the event to the runtime's waiting {@code /next}, or leaves it for the next; false when the sandbox has ended. */
    synchronized boolean dispatch(SandboxInvocation call) {
        if (status.ended()) {
            return false;
        }
        transition(INVOKING);
        current = call;
        if (parked != null) {
            handOver.accept(parked, call);
            parked = null;
        }
        return true;
    }

    /**
     * Ends {@code call} with {@code outcome} ({@code Runtime.OutOfMemory} in a sandbox that ran out of memory), the
     * sandbox going to {@code next} unless it has ended already. Returns the status after, or null when the invocation
     * had ended already (a timeout and an answer racing: the first wins).
     */
    synchronized SandboxStatus end(SandboxInvocation call, Outcome outcome, SandboxStatus next) {
        SandboxStatus after = status.ended() ? status : next;
        if (!call.end(after == OUT_OF_MEMORY ? Outcome.outOfMemory(call.requestId()) : outcome)) {
            return null;
        }
        if (current == call) {
            current = null;
        }
        if (after != status) {
            transition(after);
        }
        if (!after.ended()) {
            answered = call; // before the answer's reply: the runtime's next /next comes after this
        }
        return after;
    }

    /** The invocation the runtime answered and is now done with, or null. */
    synchronized SandboxInvocation takeAnswered() {
        SandboxInvocation done = answered;
        answered = null;
        return done;
    }

    /** The runtime asks for its next event: INIT ends with it; it gets the event in flight, or waits (parked). */
    synchronized Next next(NextExchange exchange, SandboxInit init) {
        if (status.ended()) {
            return Next.ENDED;
        }
        boolean initDone = status == INIT;
        if (initDone) {
            transition(IDLE);
            init.endNow();
        }
        if (current != null && !current.handedOver()) {
            handOver.accept(exchange, current);
        } else {
            parked = exchange;
        }
        return initDone ? Next.INIT_DONE : Next.WAITING;
    }

    /** The invocation in flight, or null. */
    synchronized SandboxInvocation current() {
        return current;
    }

    /** The runtime reports {@code /init/error}: RESET; false (refused) unless it is in INIT. */
    synchronized boolean initError(SandboxInit init) {
        if (status != INIT) {
            return false;
        }
        transition(RESET);
        init.endNow();
        return true;
    }

    /** The invocation in flight when the sandbox ran out of memory (null if none); ended already: nothing happens. */
    record OutOfMemory(SandboxInvocation inFlight) {
    }

    /** OUT_OF_MEMORY unless it has ended: what was in flight then; null when it had ended. */
    synchronized OutOfMemory outOfMemory() {
        if (status.ended()) {
            return null;
        }
        transition(OUT_OF_MEMORY);
        return new OutOfMemory(current);
    }

    /** The process exited: RESET unless it had ended; the invocation in flight then, or null. */
    synchronized SandboxInvocation exited() {
        if (!status.ended()) {
            transition(RESET);
        }
        return current;
    }

    /** The engine ends it: SHUT_DOWN, unless it has ended already (a reset stays a reset). */
    synchronized void shutDown() {
        if (!status.ended()) {
            transition(SHUT_DOWN);
        }
    }
}
