package io.eventharness.emulator;

import io.eventharness.emulator.admin.AdminRoutes;
import io.eventharness.emulator.core.Account;
import io.eventharness.emulator.core.EmulatorClock;
import io.eventharness.emulator.delivery.Delivery;
import io.eventharness.emulator.delivery.EventTrail;
import io.eventharness.emulator.http.FrontDoor;
import io.eventharness.emulator.http.JettyServer;
import io.eventharness.emulator.routing.ServiceBinding;
import io.eventharness.emulator.routing.ServiceRouter;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * The embedded AWS: one port serving S3, SQS, SNS, CloudWatch Logs, IAM and STS to unmodified AWS
 * clients, on one movable clock.
 *
 * <pre>{@code
 * try (Emulator aws = Emulator.builder().withDynamicPort().build().start()) {
 *     SqsClient sqs = SqsClient.builder()
 *             .endpointOverride(aws.endpoint())
 *             .region(aws.region())
 *             .credentialsProvider(aws.credentials())
 *             .build();
 *     sqs.createQueue(b -> b.queueName("orders"));
 * }
 * }</pre>
 *
 * <p>Differences from AWS: one account ({@code 000000000000}); credentials are accepted, not checked.
 */
public final class Emulator implements AutoCloseable {
    private final Builder config;
    private final EmulatorClock clock;
    private final EventTrail trail;
    private final Delivery delivery;
    private final Services services;
    private final ServiceRouter router = new ServiceRouter();
    private JettyServer server;

    private Emulator(Builder config) {
        this.config = config;
        this.clock = new EmulatorClock();
        this.trail = new EventTrail(clock);
        this.delivery = new Delivery(trail);
        this.services = new Services(clock, delivery, this::endpointOrNull);
        for (ServiceBinding b : services.bindings()) {
            router.add(b);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Starts serving; returns once the port accepts requests. */
    public synchronized Emulator start() {
        if (server != null) {
            return this;
        }
        // Models and codecs load on another core while the server starts (see ServiceBinding).
        Thread warmUp = new Thread(() -> router.bindings().forEach(Emulator::warmUp), "emulator-warm-up");
        warmUp.setDaemon(true);
        warmUp.start();
        JettyServer s = new JettyServer(config.host, config.port, new FrontDoor(router, new AdminRoutes(router, clock, trail)));
        try {
            s.start();
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the emulator on " + config.host + ":" + config.port + ": " + e.getMessage(), e);
        }
        server = s;
        return this;
    }

    /** A service that fails to load here fails again on its first request, which reports it in its protocol. */
    private static void warmUp(ServiceBinding b) {
        try {
            b.warmUp();
        } catch (RuntimeException | LinkageError e) {
            // reported by the first request that needs this service
        }
    }

    /** {@code http://127.0.0.1:<port>}: give it to {@code endpointOverride}. */
    public URI endpoint() {
        requireStarted();
        String host = server.host() == null || server.host().equals("0.0.0.0") ? "127.0.0.1" : server.host();
        return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + server.port());
    }

    private URI endpointOrNull() {
        return server == null ? null : endpoint();
    }

    public int port() {
        requireStarted();
        return server.port();
    }

    public Region region() {
        return Region.of(Account.DEFAULT_REGION);
    }

    /** Any credentials work; these are the conventional ones. */
    public AwsCredentialsProvider credentials() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));
    }

    public EmulatorClock clock() {
        return clock;
    }

    public EventTrail trail() {
        return trail;
    }

    /** The hub every cross-service event passes through. */
    public Delivery delivery() {
        return delivery;
    }

    /** The services, for embedders that need more than the wire (the harness). */
    public Services services() {
        return services;
    }

    private void requireStarted() {
        if (server == null) {
            throw new IllegalStateException("the emulator is not started");
        }
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            try {
                server.close();
            } catch (Exception e) {
                // stopping anyway
            }
            server = null;
        }
        services.close();
        clock.close();
    }

    /** An immutable-style builder: a fixed or a dynamic port, a host. */
    public static final class Builder {
        private String host = "127.0.0.1";
        private int port = 4566;

        private Builder() {
        }

        public Builder withPort(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port out of range: " + port);
            }
            this.port = port;
            return this;
        }

        /** Any free port; read it back with {@link Emulator#endpoint()}. */
        public Builder withDynamicPort() {
            return withPort(0);
        }

        public Builder withHost(String host) {
            this.host = host;
            return this;
        }

        public Emulator build() {
            return new Emulator(this);
        }
    }

    /** The list of bindings, for the services assembly. */
    static List<ServiceBinding> list(ServiceBinding... b) {
        return new ArrayList<>(List.of(b));
    }
}
