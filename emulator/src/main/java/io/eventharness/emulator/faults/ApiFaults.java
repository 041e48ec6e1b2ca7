package io.eventharness.emulator.faults;

import io.eventharness.emulator.core.AwsException;
import io.eventharness.emulator.delivery.EventTrail;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The armed faults of the AWS APIs, asked by the request pipeline before each operation runs. Faults of the same
 * operation are used in the order they were armed; one whose count is used up stays listed (with what it injected)
 * until {@link #clear()}.
 *
 * <pre>{@code
 * emulator.faults().arm("s3", "PutObject", FaultKind.THROTTLING, 2); // the next two PutObject calls: 503 SlowDown
 * }</pre>
 */
public final class ApiFaults {
    /** The most calls one fault may fail: enough for any retry policy, and a bound on a typo. */
    public static final int MAX_COUNT = 10_000;

    private final EventTrail trail;
    private final List<ApiFault> faults = new ArrayList<>();
    private long lastId;

    public ApiFaults(EventTrail trail) {
        this.trail = trail;
    }

    /**
     * Arms a fault: the next {@code count} calls of {@code operation} of {@code service} answer with {@code kind}'s error.
     * The caller checks that the service serves the operation.
     *
     * @throws IllegalArgumentException when {@code count} is not between 1 and {@link #MAX_COUNT}
     */
    public synchronized ApiFault arm(String service, String operation, FaultKind kind, int count) {
        if (count < 1 || count > MAX_COUNT) {
            throw new IllegalArgumentException("count must be between 1 and " + MAX_COUNT + ", got " + count);
        }
        ApiFault f = new ApiFault(++lastId, service, operation, kind, count, 0);
        faults.add(f);
        return f;
    }

    /**
     * The error this call of {@code operation} answers with, if an armed fault still has calls to fail (counted, and
     * recorded in the trail), else empty.
     */
    public Optional<AwsException> next(String service, String operation) {
        ApiFault used;
        synchronized (this) {
            int i = indexOf(f -> f.remaining() > 0 && f.service().equals(service) && f.operation().equals(operation));
            if (i < 0) {
                return Optional.empty();
            }
            ApiFault f = faults.get(i);
            used = new ApiFault(f.id(), f.service(), f.operation(), f.kind(), f.remaining() - 1, f.injected() + 1);
            faults.set(i, used);
        }
        AwsException error = used.kind().error(service);
        trail.record(service, used.action(), "fault", error.code() + " injected (" + used.injected() + " of "
                + (used.injected() + used.remaining()) + ", fault " + used.id() + ")", "injected");
        return Optional.of(error);
    }

    /** Every fault armed since the last clear, in the order armed. */
    public synchronized List<ApiFault> list() {
        return List.copyOf(faults);
    }

    /** Disarms every fault. */
    public synchronized void clear() {
        faults.clear();
    }

    private int indexOf(Predicate<ApiFault> p) {
        for (int i = 0; i < faults.size(); i++) {
            if (p.test(faults.get(i))) {
                return i;
            }
        }
        return -1;
    }
}
