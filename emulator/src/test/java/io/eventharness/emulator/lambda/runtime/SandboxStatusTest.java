package io.eventharness.emulator.lambda.runtime;

import static io.eventharness.emulator.lambda.runtime.SandboxStatus.IDLE;
import static io.eventharness.emulator.lambda.runtime.SandboxStatus.INIT;
import static io.eventharness.emulator.lambda.runtime.SandboxStatus.INVOKING;
import static io.eventharness.emulator.lambda.runtime.SandboxStatus.NEW;
import static io.eventharness.emulator.lambda.runtime.SandboxStatus.OUT_OF_MEMORY;
import static io.eventharness.emulator.lambda.runtime.SandboxStatus.RESET;
import static io.eventharness.emulator.lambda.runtime.SandboxStatus.SHUT_DOWN;
import static io.eventharness.emulator.lambda.runtime.SandboxStatus.SPARE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A sandbox's lifecycle: the changes of status it may make, and the ones refused as impossible. */
class SandboxStatusTest {
    /** The lifecycle, written out independently of the table in {@link SandboxStatus}. */
    private static final Map<SandboxStatus, Set<SandboxStatus>> ALLOWED = Map.of(
            NEW, EnumSet.of(SPARE, INIT, RESET, SHUT_DOWN),
            SPARE, EnumSet.of(INIT, RESET, SHUT_DOWN),
            INIT, EnumSet.of(IDLE, RESET, OUT_OF_MEMORY, SHUT_DOWN),
            IDLE, EnumSet.of(INVOKING, RESET, OUT_OF_MEMORY, SHUT_DOWN),
            INVOKING, EnumSet.of(IDLE, RESET, OUT_OF_MEMORY, SHUT_DOWN),
            RESET, EnumSet.noneOf(SandboxStatus.class),
            OUT_OF_MEMORY, EnumSet.noneOf(SandboxStatus.class),
            SHUT_DOWN, EnumSet.noneOf(SandboxStatus.class));

    static List<Arguments> allowed() {
        List<Arguments> out = new ArrayList<>();
        ALLOWED.forEach((from, tos) -> tos.forEach(to -> out.add(Arguments.of(from, to))));
        return out;
    }

    static List<Arguments> refused() {
        List<Arguments> out = new ArrayList<>();
        for (SandboxStatus from : SandboxStatus.values()) {
            for (SandboxStatus to : SandboxStatus.values()) {
                if (!ALLOWED.get(from).contains(to)) {
                    out.add(Arguments.of(from, to));
                }
            }
        }
        return out;
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("allowed")
    void aLifecycleStepIsAllowed(SandboxStatus from, SandboxStatus to) {
        assertThat(from.to(to)).isSameAs(to);
    }

    @ParameterizedTest(name = "{0} -/-> {1}")
    @MethodSource("refused")
    void anImpossibleStepIsRefusedNamingBothStates(SandboxStatus from, SandboxStatus to) {
        assertThatThrownBy(() -> from.to(to)).isInstanceOf(IllegalStateException.class)
                .hasMessage("a sandbox cannot go from " + from + " to " + to);
    }

    @Test
    void theTableCoversEveryPairOnce() {
        int states = SandboxStatus.values().length;
        assertThat(ALLOWED).hasSize(states);
        assertThat(allowed().size() + refused().size()).isEqualTo(states * states);
    }

    @Test
    void theEndedStatesAreTheOnesNoStepLeaves() {
        assertThat(EnumSet.allOf(SandboxStatus.class)).filteredOn(SandboxStatus::ended)
                .containsExactlyInAnyOrder(RESET, OUT_OF_MEMORY, SHUT_DOWN);
        assertThat(EnumSet.allOf(SandboxStatus.class)).filteredOn(SandboxStatus::reset)
                .as("their /tmp goes to a successor").containsExactlyInAnyOrder(RESET, OUT_OF_MEMORY);
    }

    @Test
    void aSpareIsOnlyEverMadeAndNeverReturnedTo() {
        for (SandboxStatus from : SandboxStatus.values()) {
            if (from != NEW) {
                assertThatThrownBy(() -> from.to(SPARE)).isInstanceOf(IllegalStateException.class);
            }
            assertThatThrownBy(() -> from.to(NEW)).isInstanceOf(IllegalStateException.class);
        }
    }
}
