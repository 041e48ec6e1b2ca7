package io.eventharness.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The standalone emulator leaves the compilers alone when its command line chose them. */
class QuickJitTest {
    @Test
    void aCommandLineThatChoseTheCompilersKeepsThem() {
        assertThat(QuickJit.chosenByUser(List.of("-Xmx256m", "-XX:TieredStopAtLevel=4"))).isTrue();
        assertThat(QuickJit.chosenByUser(List.of("-XX:-TieredCompilation"))).isTrue();
        assertThat(QuickJit.chosenByUser(List.of("-XX:CompileCommand=exclude,*.*"))).isTrue();
        assertThat(QuickJit.chosenByUser(List.of("-XX:CompilerDirectivesFile=d.json"))).isTrue();
    }

    @Test
    void otherOptionsLeaveItToTheEmulator() {
        assertThat(QuickJit.chosenByUser(List.of())).isFalse();
        assertThat(QuickJit.chosenByUser(List.of("-Xmx256m", "-XX:+UseSerialGC", "-Dx=Tiered"))).isFalse();
    }
}
