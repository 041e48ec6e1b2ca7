package io.eventharness.emulator.dynamodb;

import java.time.Instant;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughput;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputDescription;

/**
 * Provisioned read and write capacity of a table or a global index, and when it last went up or down. Reported as
 * set; the emulator does not throttle (a difference from AWS documented in the package).
 *
 * @param read         read capacity units (0 on demand)
 * @param write        write capacity units (0 on demand)
 * @param lastIncrease when capacity last went up, or null
 * @param lastDecrease when capacity last went down, or null
 */
record Throughput(long read, long write, Instant lastIncrease, Instant lastDecrease) {
    static final Throughput ON_DEMAND = new Throughput(0, 0, null, null);

    static Throughput of(ProvisionedThroughput t) {
        return t == null ? ON_DEMAND : new Throughput(t.readCapacityUnits(), t.writeCapacityUnits(), null, null);
    }

    /** The capacity after an UpdateTable, with the times of the change. */
    Throughput changedTo(ProvisionedThroughput t, Instant now) {
        long r = t.readCapacityUnits();
        long w = t.writeCapacityUnits();
        boolean up = r > read || w > write;
        boolean down = r < read || w < write;
        return new Throughput(r, w, up ? now : lastIncrease, down ? now : lastDecrease);
    }

    ProvisionedThroughputDescription describe(boolean payPerRequest) {
        return ProvisionedThroughputDescription.builder().readCapacityUnits(payPerRequest ? 0 : read)
                .writeCapacityUnits(payPerRequest ? 0 : write).numberOfDecreasesToday(0L)
                .lastIncreaseDateTime(lastIncrease).lastDecreaseDateTime(lastDecrease).build();
    }
}
