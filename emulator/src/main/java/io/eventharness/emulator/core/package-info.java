/**
 * What every layer shares, and which imports nothing else of the emulator: the one movable
 * {@link io.eventharness.emulator.core.EmulatorClock} (its time in {@code EmulatedTime}, the only reader of the
 * machine's time; its scheduled tasks in {@code ClockTasks}; its pending work in {@code Activity}), the one source of identifiers
 * ({@link io.eventharness.emulator.core.Ids}), ARNs ({@link io.eventharness.emulator.core.Arn}: the only place
 * they are parsed or formatted), the emulated account, AWS errors as the codecs render them
 * ({@link io.eventharness.emulator.core.AwsException}) and the one Jackson mapper.
 */
package io.eventharness.emulator.core;
