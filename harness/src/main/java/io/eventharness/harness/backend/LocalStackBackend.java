package io.eventharness.harness.backend;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * LocalStack in a container (Testcontainers), for users with Docker; configured by
 * {@link LocalStackSettings}. Without Docker, or when the container exits (e.g. for lack of an account
 * token), it fails at once with a message that says so.
 */
public final class LocalStackBackend implements Backend {

    private final LocalStackContainer container;
    private final LocalStackSettings settings;
    private final URI endpoint;

    private LocalStackBackend(LocalStackContainer container, LocalStackSettings settings) {
        this.container = container;
        this.settings = settings;
        this.endpoint = LocalStackSettings.endpoint(container.getHost(), container.getMappedPort(LocalStackSettings.EDGE_PORT));
    }

    /** The container as this backend configures it, not started (needs Docker to be created). */
    static LocalStackContainer container(LocalStackSettings settings) {
        LocalStackContainer c = new LocalStackContainer(DockerImageName.parse(settings.image())
                .asCompatibleSubstituteFor("localstack/localstack"));
        settings.environment().forEach(c::withEnv);
        c.withStartupTimeout(Duration.ofMinutes(2));
        return c;
    }

    static LocalStackBackend start(BackendConfig config) {
        requireDocker(DockerProbe.DEFAULT);
        LocalStackSettings settings = LocalStackSettings.from(config);
        LocalStackContainer c = container(settings);
        try {
            c.start();
        } catch (RuntimeException e) {
            String logs = safeLogs(c);
            c.stop();
            throw new BackendUnavailableException(explainFailure(config, logs, e));
        }
        return new LocalStackBackend(c, settings);
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
            if (p != null && java.nio.file.Files.exists(java.nio.file.Path.of(p))) {
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

    static String explainFailure(BackendConfig config, String logs, RuntimeException e) {
        String lower = logs.toLowerCase(java.util.Locale.ROOT);
        if (lower.contains("auth_token") || lower.contains("auth token") || lower.contains("license")) {
            return "The LocalStack container (" + config.localStackImage() + ") exited because it needs an account token. "
                    + "Set LOCALSTACK_AUTH_TOKEN, or use an image that starts without one (default "
                    + BackendConfig.DEFAULT_LOCALSTACK_IMAGE + "), or the embedded backend. Last container output:\n"
                    + tail(logs, 15);
        }
        return "The LocalStack container (" + config.localStackImage() + ") did not start: " + e.getMessage()
                + (logs.isEmpty() ? "" : "\nLast container output:\n" + tail(logs, 15));
    }

    private static String safeLogs(LocalStackContainer c) {
        try {
            return c.getLogs();
        } catch (RuntimeException e) {
            return "";
        }
    }

    private static String tail(String s, int lines) {
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
        return Optional.of(endpoint);
    }

    @Override
    public Region region() {
        return Region.of(settings.region());
    }

    @Override
    public AwsCredentialsProvider credentials() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(settings.accessKey(), settings.secretKey()));
    }

    @Override
    public void close() {
        container.stop();
    }
}
