package io.eventharness.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventharness.harness.backend.Backend;
import io.eventharness.harness.backend.BackendUnavailableException;
import java.net.URI;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/** The shared harness runs while a run holds it and closes when the last one lets go; a failed start is final. */
class SharedHarnessesTest {

    /** A backend that counts its starts and stops. */
    static final class Counted implements Backend {
        final AtomicInteger closed = new AtomicInteger();

        @Override
        public String name() {
            return "counted";
        }

        @Override
        public Optional<URI> endpoint() {
            return Optional.of(URI.create("http://127.0.0.1:1"));
        }

        @Override
        public Region region() {
            return Region.US_EAST_1;
        }

        @Override
        public AwsCredentialsProvider credentials() {
            return AnonymousCredentialsProvider.create();
        }

        @Override
        public void close() {
            closed.incrementAndGet();
        }
    }

    @Test
    void theLastLeaseToLetGoClosesTheHarnessAndTheNextUseStartsAnother() {
        SharedHarnesses shared = new SharedHarnesses();
        Counted backend = new Counted();
        AtomicInteger starts = new AtomicInteger();

        SharedHarnesses.Lease outer = shared.lease("b", () -> {
            starts.incrementAndGet();
            return Harness.over(backend, "outer");
        });
        SharedHarnesses.Lease nested = shared.lease("b", () -> Harness.over(new Counted(), "never"));
        assertThat(nested.harness()).isSameAs(outer.harness()).isSameAs(shared.get("b", () -> null));
        assertThat(shared.holders("b")).isEqualTo(2);

        nested.close();
        nested.close();
        assertThat(shared.holders("b")).as("a lease lets go once").isEqualTo(1);
        assertThat(backend.closed).as("the outer run still holds it").hasValue(0);

        outer.close();
        assertThat(backend.closed).hasValue(1);
        assertThat(shared.holders("b")).isZero();
        Counted next = new Counted();
        assertThat(shared.get("b", () -> Harness.over(next, "next")).backend()).isSameAs(next);
        assertThat(starts).hasValue(1);
    }

    @Test
    void aBackendThatCouldNotStartIsNotTriedAgain() {
        SharedHarnesses shared = new SharedHarnesses();
        AtomicInteger tries = new AtomicInteger();
        BackendUnavailableException down = new BackendUnavailableException("no Docker");
        assertThatThrownBy(() -> shared.lease("b", () -> {
            tries.incrementAndGet();
            throw down;
        })).isSameAs(down);
        assertThatThrownBy(() -> shared.get("b", () -> Harness.over(new Counted(), "x"))).isSameAs(down);
        assertThat(tries).hasValue(1);
        assertThat(shared.holders("b")).isZero();
    }
}
