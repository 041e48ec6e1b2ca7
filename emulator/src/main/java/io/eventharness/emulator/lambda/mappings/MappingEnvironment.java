package io.eventharness.emulator.lambda.mappings;

import io.eventharness.emulator.core.EmulatorClock;
import io.eventharness.emulator.delivery.ConsumableQueues;
import io.eventharness.emulator.delivery.Delivery;
import java.util.concurrent.ExecutorService;

/**
 * What pollers work with: the one clock (batching windows, visibility, back-off; its activity tracks their work),
 * {@code delivery} (the trail of every hop), the functions they invoke, the sources they read, and the threads their
 * batches run on.
 */
record MappingEnvironment(EmulatorClock clock, Delivery delivery, MappedFunctions functions, ConsumableQueues queues,
                          ExecutorService executor) {
}
