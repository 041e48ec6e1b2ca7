package io.eventharness.harness.report;

import io.eventharness.harness.backend.Hop;
import java.time.Instant;
import java.util.List;

/**
 * What the harness knows of one test when it ends, and the report draws: the trail's hops since the test's mark that
 * concern its resources, the logs of the functions it created or observed, and the moves of the clock it made.
 *
 * @param backend   the backend's name
 * @param runPrefix the run prefix of resource names ({@code <prefix>-<test id>-<base>}), cut from lifelines' names
 * @param hasTrail  whether the backend keeps an event trail (only the emulator does): without one there are no hops
 * @param since     the backend's time when the test started: what its functions logged before (a class's function,
 *                  invoked by earlier tests) is not the test's
 */
public record Scene(String backend, String runPrefix, boolean hasTrail, Instant since, List<Hop> hops,
                    List<FunctionLog> functions, List<ClockMove> clockMoves) {
    public Scene {
        hops = List.copyOf(hops);
        functions = List.copyOf(functions);
        clockMoves = List.copyOf(clockMoves);
    }
}
