package io.eventharness.emulator.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventharness.emulator.core.AwsException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The account pool, which a test through the SDK cannot fill (1000 invocations at once): here with an
 * account limit of 5.
 */
class ConcurrencyTest {
    private static LambdaFunction function(String name) {
        return new LambdaFunction(new FunctionSettings(name, FunctionName.arn("us-east-1", name),
                "$LATEST", "python3.12", "m.h", null, 128, 3, Map.of(), null, null, null, null, null, null, null));
    }

    private final LambdaFunction reserved = function("reserved");
    private final LambdaFunction a = function("a");
    private final LambdaFunction b = function("b");
    private final Concurrency concurrency = new Concurrency(5, () -> reserved.reservedConcurrency() == null ? 0 : reserved.reservedConcurrency());

    private static void assertThrottled(Runnable r, String reason) {
        assertThatThrownBy(r::run).isInstanceOfSatisfying(AwsException.class, e -> {
            assertThat(e.status()).isEqualTo(429);
            assertThat(e.code()).isEqualTo("TooManyRequestsException");
            assertThat(e.members()).containsEntry("Reason", reason);
        });
    }

    @Test
    void unreservedFunctionsShareWhatTheReservationsLeave() {
        reserved.reservedConcurrency(2);
        assertThat(concurrency.unreserved()).isEqualTo(3);
        List<Concurrency.Permit> held = List.of(concurrency.acquire(a), concurrency.acquire(a), concurrency.acquire(b));
        assertThrottled(() -> concurrency.acquire(b), "ConcurrentInvocationLimitExceeded");
        // the reserved function has its own two, untouched by the others
        Concurrency.Permit r1 = concurrency.acquire(reserved);
        Concurrency.Permit r2 = concurrency.acquire(reserved);
        assertThrottled(() -> concurrency.acquire(reserved), "ReservedFunctionConcurrentInvocationLimitExceeded");

        held.get(0).close();
        held.get(0).close(); // twice frees one slot, not two
        concurrency.acquire(b);
        assertThrottled(() -> concurrency.acquire(a), "ConcurrentInvocationLimitExceeded");
        r1.close();
        assertThat(concurrency.running(reserved)).isEqualTo(1);
        r2.close();
        assertThat(concurrency.running(reserved)).isZero();
    }

    @Test
    void aReservationMadeWhileInvocationsRunCountsThemAndFreesTheSharedSlotsTheyTook() {
        Concurrency.Permit before = concurrency.acquire(reserved); // unreserved yet: from the shared pool
        reserved.reservedConcurrency(1);
        assertThrottled(() -> concurrency.acquire(reserved), "ReservedFunctionConcurrentInvocationLimitExceeded");
        before.close();
        // the shared pool is 4 now (5 less the reservation of 1) and wholly free again
        for (int i = 0; i < 4; i++) {
            concurrency.acquire(a);
        }
        assertThrottled(() -> concurrency.acquire(a), "ConcurrentInvocationLimitExceeded");
    }
}
