package io.eventharness.emulator.lambda.mappings;

import java.util.List;

/**
 * What reads a mapping's source and invokes its function with batches, one per mapping, event-driven: it reacts to
 * its source's changes and to the clock (the end of a batching window, a visibility timeout, a back-off), never by
 * sleeping in a loop. It reads the mapping's settings at the start of each batch.
 */
interface Poller {

    /** The mapping is enabled: poll. */
    void start();

    /**
     * The mapping is disabled: take nothing more. A batch gathering in a batching window is invoked now; batches
     * invoking finish.
     */
    void stop();

    /** The mapping's settings were updated while it stays enabled: work the new settings allow may start now. */
    default void updated() {
    }

    /** The mapping is deleted: stop, and stop watching the source. */
    void close();

    /**
     * Adds a line to {@code out} for work this poller has not taken up yet although it could (records it can receive
     * now and a free slot to run them): the emulator is not settled meanwhile. Work it took up is tracked as it runs.
     */
    void unsettled(List<String> out);

    /**
     * {@code LastProcessingResult} as the API answers it ({@code OK}, {@code PROBLEM: Function call failed}); null
     * when the family does not answer it or nothing was processed yet.
     */
    default String lastProcessingResult() {
        return null;
    }
}
