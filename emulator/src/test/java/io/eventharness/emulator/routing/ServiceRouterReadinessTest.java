package io.eventharness.emulator.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventharness.emulator.Emulator;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * The emulator builds its services while its port opens: a request that comes first waits for them, and
 * a failure to build them is every request's answer instead of a hang.
 */
class ServiceRouterReadinessTest {

    @Test
    void aRequestBeforeTheServicesExistWaitsForThem() {
        ServiceRouter router = new ServiceRouter();
        CompletableFuture<List<ServiceBinding>> early = CompletableFuture.supplyAsync(router::bindings);
        assertThat(early).isNotCompleted();

        router.serve(List.of());

        assertThat(early).succeedsWithin(Duration.ofSeconds(5)).isEqualTo(List.of());
        assertThat(router.bindings()).isEmpty();
    }

    @Test
    void servicesThatCouldNotBeBuiltFailEveryRequestThatWaits() {
        ServiceRouter router = new ServiceRouter();
        CompletableFuture<List<ServiceBinding>> early = CompletableFuture.supplyAsync(router::bindings);

        router.fail(new IllegalStateException("disk full"));

        assertThat(early).failsWithin(Duration.ofSeconds(5)).withThrowableOfType(Exception.class)
                .withRootCauseInstanceOf(IllegalStateException.class).withMessageContaining("could not be built");
        assertThatThrownBy(router::bindings).hasMessageContaining("could not be built").hasRootCauseMessage("disk full");
    }

    @Test
    void startReturnsWithEveryServiceRoutable() {
        try (Emulator aws = Emulator.builder().withDynamicPort().build().start()) {
            assertThat(aws.services().bindings()).extracting(ServiceBinding::name)
                    .contains("sqs", "sns", "s3", "logs", "iam", "sts", "lambda");
        }
    }
}
