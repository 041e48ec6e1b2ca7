package io.eventharness.emulator.sqs;

/**
 * How many messages a queue holds, by state, at one moment: the {@code ApproximateNumberOfMessages},
 * {@code …NotVisible} and {@code …Delayed} attributes.
 *
 * @param visible  can be received now
 * @param inFlight received, and their visibility timeout has not ended
 * @param delayed  never received, and their delay has not ended
 */
record QueueCounts(int visible, int inFlight, int delayed) {
}
