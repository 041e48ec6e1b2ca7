package io.eventharness.emulator;

import io.eventharness.emulator.pipeline.FrontDoor;
import io.eventharness.emulator.routing.ServiceRouter;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * An emulator's services, built on a thread of their own while {@link Emulator#start()} opens the port, then warmed
 * up ({@code WarmUp}) on that thread. The router answers requests that arrive before they are built once they are
 * (or with the failure, when building them failed).
 */
final class ServicesInBackground {
    private final CompletableFuture<Services> services = new CompletableFuture<>();
    /** Done once {@code WarmUp} has gone through every service (or the services failed). */
    private final CompletableFuture<Void> warmedUp = new CompletableFuture<>();
    private final ServiceRouter router = new ServiceRouter();

    ServiceRouter router() {
        return router;
    }

    /** Starts building them with {@code build} on a daemon thread, then warming them up through {@code frontDoor}. */
    void start(Supplier<Services> build, FrontDoor frontDoor) {
        Thread builder = new Thread(() -> build(build, frontDoor), "emulator-services");
        builder.setDaemon(true);
        builder.start();
    }

    private void build(Supplier<Services> build, FrontDoor frontDoor) {
        Services built;
        try {
            built = build.get();
        } catch (RuntimeException | Error e) {
            IllegalStateException failure = new IllegalStateException("cannot build the emulator's services: " + e, e);
            router.fail(failure);
            services.completeExceptionally(failure);
            warmedUp.complete(null);
            return;
        }
        router.serve(built.bindings());
        services.complete(built);
        try {
            WarmUp.run(built.bindings(), frontDoor);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // only a warm-up
        } finally {
            warmedUp.complete(null);
        }
    }

    /** The services; waits while they are being built, throws {@code CompletionException} when that failed. */
    Services join() {
        return services.join();
    }

    /** Waits until every service is warmed up. */
    void awaitWarmUp(Duration timeout) throws Exception {
        warmedUp.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Closes the services once built (at once when they are); nothing when building them failed. */
    void close() {
        services.thenAccept(Services::close).exceptionally(e -> null).join();
    }
}
