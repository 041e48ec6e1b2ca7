package io.eventharness.harness.backend;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.localstack.LocalStackContainer;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * LocalStack in a container (Testcontainers), for users with Docker; every setting comes from
 * {@link LocalStackSettings}. It fails with one {@link BackendUnavailableException} (no stack trace)
 * at once without Docker, and within a poll of the container exiting during start-up (for lack of an
 * account token, say), quoting the container's last lines.
 *
 * <pre>{@code
 * mvn -B verify -Dharness.backend=localstack                     # the default image, 4.14.0
 * LOCALSTACK_AUTH_TOKEN=... mvn -B verify -Dharness.backend=localstack -Dharness.localstack.image=localstack/localstack-pro:latest
 * }</pre>
 */
public final class LocalStackBackend implements Backend {

    private final LocalStackContainer container;
    private final LocalStackSettings.Connection connection;

    private LocalStackBackend(LocalStackContainer container, LocalStackSettings.Connection connection) {
        this.container = container;
        this.connection = connection;
    }

    /** The container as the settings describe it, not started (creating it needs Docker). */
    static LocalStackContainer container(LocalStackSettings settings, StartupWatch watch) {
        LocalStackContainer c = new LocalStackContainer(settings.imageName());
        c.withServices(settings.services().toArray(String[]::new));
        c.withExposedPorts(settings.exposedPort());
        settings.environment().forEach(c::withEnv);
        c.waitingFor(watch);
        return c;
    }

    static LocalStackBackend start(BackendConfig config) {
        requireDocker(DockerProbe.DEFAULT);
        LocalStackSettings settings = LocalStackSettings.from(config);
        StartupWatch watch = settings.startupWatch();
        LocalStackContainer c = container(settings, watch);
        try {
            c.start();
        } catch (RuntimeException e) {
            String logs = safeLogs(c);
            quietlyStop(c);
            throw new BackendUnavailableException(explainFailure(settings, logs, e));
        }
        StartupWatch.Outcome outcome = watch.outcome();
        if (!outcome.ready()) {
            quietlyStop(c);
            throw new BackendUnavailableException(explain(settings, outcome));
        }
        return new LocalStackBackend(c, settings.connection(c.getHost(), c.getMappedPort(settings.exposedPort())));
    }

    /** Whether Docker answers; a seam for tests. */
    @FunctionalInterface
    interface DockerProbe {
        boolean available();

        DockerProbe DEFAULT = () -> {
            if (!anyDockerEndpointConfigured()) {
                return false; // no socket, no DOCKER_HOST: say so without Testcontainers' long search and log
            }
            try {
                return DockerClientFactory.instance().isDockerAvailable();
            } catch (RuntimeException | Error e) {
                return false;
            }
        };
    }

    /** Whether any Docker endpoint is configured or present: DOCKER_HOST, a known socket, a Testcontainers setting. */
    static boolean anyDockerEndpointConfigured() {
        if (System.getenv("DOCKER_HOST") != null) {
            return true;
        }
        String home = System.getProperty("user.home");
        String runtimeDir = System.getenv("XDG_RUNTIME_DIR");
        for (String p : new String[]{"/var/run/docker.sock", home + "/.docker/run/docker.sock", home + "/.testcontainers.properties",
                runtimeDir == null ? null : runtimeDir + "/docker.sock"}) {
            if (p != null && Files.exists(Path.of(p))) {
                return true;
            }
        }
        return false;
    }

    static void requireDocker(DockerProbe probe) {
        if (!probe.available()) {
            throw new BackendUnavailableException("harness.backend=localstack needs Docker, and no Docker daemon is reachable "
                    + "on this machine. Start Docker (or set DOCKER_HOST), or run on the embedded backend, which needs no "
                    + "Docker: drop -Dharness.backend or set it to 'embedded'.");
        }
    }

    /** What a start-up that did not reach {@code Ready.} means, and what to do. */
    static String explain(LocalStackSettings s, StartupWatch.Outcome o) {
        String last = o.logs().isBlank() ? "" : "\nLast container output:\n" + tail(o.logs(), 15);
        if (o.state() == StartupWatch.State.TIMED_OUT) {
            return "LocalStack (" + s.image() + ") did not print 'Ready.' within " + s.startupTimeout().toSeconds()
                    + " s and is still running." + last;
        }
        String exit = o.exitCode() == null ? "" : " (exit code " + o.exitCode() + ")";
        String lower = o.logs().toLowerCase(Locale.ROOT);
        boolean aboutToken = lower.contains("auth_token") || lower.contains("auth token") || lower.contains("license")
                || lower.contains("api key");
        if (aboutToken && s.hasAuthToken()) {
            return "LocalStack exited" + exit + ": it did not accept LOCALSTACK_AUTH_TOKEN for image " + s.image()
                    + ". Check the token, or use image " + BackendConfig.DEFAULT_LOCALSTACK_IMAGE
                    + " (-Dharness.localstack.image), which starts without one, or the embedded backend." + last;
        }
        if (aboutToken || !s.hasAuthToken() && !BackendConfig.DEFAULT_LOCALSTACK_IMAGE.equals(s.image())) {
            return "LocalStack exited" + exit + ": it needs LOCALSTACK_AUTH_TOKEN for image " + s.image()
                    + "; set it, or use image " + BackendConfig.DEFAULT_LOCALSTACK_IMAGE
                    + " (the default; -Dharness.localstack.image), the last community release that starts without one, "
                    + "or the embedded backend." + last;
        }
        return "LocalStack (" + s.image() + ") exited during start-up" + exit + "." + last;
    }

    /** A start-up that failed inside Testcontainers (pull, create, start). */
    static String explainFailure(LocalStackSettings s, String logs, RuntimeException e) {
        if (!logs.isBlank()) {
            String lower = logs.toLowerCase(Locale.ROOT);
            if (lower.contains("auth_token") || lower.contains("auth token") || lower.contains("license")) {
                return explain(s, new StartupWatch.Outcome(StartupWatch.State.EXITED, logs, null));
            }
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return "The LocalStack container (" + s.image() + ") did not start: " + e.getMessage()
                + (root != e ? " (" + root + ")" : "") + (logs.isBlank() ? "" : "\nLast container output:\n" + tail(logs, 15));
    }

    private static String safeLogs(LocalStackContainer c) {
        try {
            return c.getLogs();
        } catch (RuntimeException e) {
            return "";
        }
    }

    private static void quietlyStop(LocalStackContainer c) {
        try {
            c.stop();
        } catch (RuntimeException ignored) {
            // the start failed already; that is the error to report
        }
    }

    static String tail(String s, int lines) {
        String[] all = s.split("\n");
        StringBuilder b = new StringBuilder();
        for (int i = Math.max(0, all.length - lines); i < all.length; i++) {
            b.append("  ").append(all[i]).append('\n');
        }
        return b.toString();
    }

    @Override
    public String name() {
        return "localstack";
    }

    @Override
    public Optional<URI> endpoint() {
        return Optional.of(connection.endpoint());
    }

    @Override
    public Region region() {
        return connection.region();
    }

    @Override
    public AwsCredentialsProvider credentials() {
        return connection.credentials();
    }

    @Override
    public void close() {
        container.stop();
    }
}
