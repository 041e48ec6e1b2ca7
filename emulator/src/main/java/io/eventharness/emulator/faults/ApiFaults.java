package io.eventharness.emulator.faults;

import io.eventharness.emulator.core.AwsException;
import io.eventharness.emulator.delivery.EventTrail;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The armed faults: of the AWS APIs, asked by the request pipeline before each operation runs, and of functions, asked
 * by Lambda before each invocation runs (whether it came from Invoke, the async queue or an event source). Faults of
 * the same operation or function are used in the order they were armed; one whose count is used up stays listed (with
 * what it injected) until {@link #clear()}.
 *
 * <pre>{@code
 * emulator.faults().arm("s3", "PutObject", FaultKind.THROTTLING, 2); // the next two PutObject calls: 503 SlowDown
 * emulator.faults().armInvocations("thumbnailer", "ImageError", "corrupt", 1); // its next invocation fails
 * }</pre>
 */
public final class ApiFaults {
    /** The most calls one fault may fail: enough for any retry policy, and a bound on a typo. */
    public static final int MAX_COUNT = 10_000;

    private final EventTrail trail;
    private final List<ApiFault> faults = new ArrayList<>();
    private final List<FunctionFault> functionFaults = new ArrayList<>();
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

    /**
     * Arms a fault of a function: its next {@code count} invocations fail with {@code errorType} and {@code errorMessage}
     * without its code running. The caller checks that the function exists.
     *
     * @throws IllegalArgumentException when {@code count} is not between 1 and {@link #MAX_COUNT}
     */
    public synchronized FunctionFault armInvocations(String function, String errorType, String errorMessage, int count) {
        if (count < 1 || count > MAX_COUNT) {
            throw new IllegalArgumentException("count must be between 1 and " + MAX_COUNT + ", got " + count);
        }
        FunctionFault f = new FunctionFault(++lastId, function, errorType, errorMessage, count, 0);
        functionFaults.add(f);
        return f;
    }

    /**
     * The fault this invocation of {@code function} (its name) fails with, if an armed one still has invocations to
     * fail (counted, and recorded in the trail), else empty.
     */
    public Optional<FunctionFault> nextInvocation(String function) {
        FunctionFault used;
        synchronized (this) {
            int i = -1;
            for (int j = 0; j < functionFaults.size() && i < 0; j++) {
                if (functionFaults.get(j).remaining() > 0 && functionFaults.get(j).function().equals(function)) {
                    i = j;
                }
            }
            if (i < 0) {
                return Optional.empty();
            }
            FunctionFault f = functionFaults.get(i);
            used = new FunctionFault(f.id(), f.function(), f.errorType(), f.errorMessage(), f.remaining() - 1, f.injected() + 1);
            functionFaults.set(i, used);
        }
        trail.record("lambda", function, "fault", used.errorType() + " injected (" + used.injected() + " of "
                + (used.injected() + used.remaining()) + ", fault " + used.id() + "): " + used.errorMessage(), "injected");
        return Optional.of(used);
    }

    /** Every fault of the AWS APIs armed since the last clear, in the order armed. */
    public synchronized List<ApiFault> list() {
        return List.copyOf(faults);
    }

    /** Every fault of functions armed since the last clear, in the order armed. */
    public synchronized List<FunctionFault> functionFaults() {
        return List.copyOf(functionFaults);
    }

    /** Disarms every fault. */
    public synchronized void clear() {
        faults.clear();
        functionFaults.clear();
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
