package io.eventharness.harness.backend;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.testcontainers.utility.DockerImageName;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * Everything the LocalStack backend decides about its container and its clients, as plain data, so it
 * can be checked without Docker: {@link LocalStackBackend} only hands these values to Testcontainers'
 * {@code LocalStackContainer} (whose constructor needs Docker) and maps the started container's host
 * and port through {@link #connection(String, int)}.
 *
 * <pre>{@code
 * LocalStackSettings s = LocalStackSettings.from(BackendConfig.fromEnvironment());
 * s.imageName();                          // localstack/localstack:4.14.0, usable as LocalStackContainer's image
 * s.connection("localhost", 32768);       // endpoint http://localhost:32768, region us-east-1, credentials test/test
 * }</pre>
 *
 * <p>Testcontainers' {@code LocalStackContainer} also mounts the Docker socket itself, which LocalStack's
 * Lambda needs for its sibling containers.
 *
 * @param image          the image, {@value BackendConfig#DEFAULT_LOCALSTACK_IMAGE} unless configured
 * @param environment    the container's environment: credentials and region the clients will use, the
 *                       auth token when {@code LOCALSTACK_AUTH_TOKEN} is set
 * @param services       what LocalStack starts ({@code SERVICES}): what the harness's clients use
 * @param startupTimeout how long LocalStack may take to print {@code Ready.}
 * @param pollInterval   how often start-up is checked (log line, container still running)
 */
public record LocalStackSettings(String image, Map<String, String> environment, List<String> services, Duration startupTimeout,
                                 Duration pollInterval) {
    /** LocalStack's edge port inside the container. */
    public static final int EDGE_PORT = 4566;
    /** The line LocalStack prints once it serves (the same pattern Testcontainers' own wait uses). */
    public static final String READY_LINE = "(?m)^Ready\\.$";
    /** What every LocalStack image is a substitute for, as Testcontainers checks it. */
    public static final String OFFICIAL_IMAGE = "localstack/localstack";

    public LocalStackSettings {
        environment = Map.copyOf(environment);
        services = List.copyOf(services);
    }

    public static LocalStackSettings from(BackendConfig config) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("AWS_ACCESS_KEY_ID", "test");
        env.put("AWS_SECRET_ACCESS_KEY", "test");
        env.put("DEFAULT_REGION", "us-east-1");
        env.put("LAMBDA_RUNTIME_ENVIRONMENT_TIMEOUT", "60");
        if (config.localStackAuthToken() != null) {
            env.put("LOCALSTACK_AUTH_TOKEN", config.localStackAuthToken());
        }
        return new LocalStackSettings(config.localStackImage(), env,
                List.of("s3", "sqs", "sns", "logs", "lambda", "iam", "sts"), Duration.ofMinutes(2), Duration.ofMillis(250));
    }

    /** The image as Testcontainers takes it: any mirror or the pro image counts as a LocalStack image. */
    public DockerImageName imageName() {
        return DockerImageName.parse(image).asCompatibleSubstituteFor(OFFICIAL_IMAGE);
    }

    /** The port the container exposes: LocalStack's edge port. */
    public int exposedPort() {
        return EDGE_PORT;
    }

    public String accessKey() {
        return environment.get("AWS_ACCESS_KEY_ID");
    }

    public String secretKey() {
        return environment.get("AWS_SECRET_ACCESS_KEY");
    }

    public String region() {
        return environment.get("DEFAULT_REGION");
    }

    /** Whether an account token is passed to the container. */
    public boolean hasAuthToken() {
        return environment.containsKey("LOCALSTACK_AUTH_TOKEN");
    }

    /** The start-up watch the container waits with: ready on {@link #READY_LINE}, failed at once if it exits. */
    public StartupWatch startupWatch() {
        return new StartupWatch(READY_LINE, startupTimeout, pollInterval);
    }

    /** What clients use once the container runs on {@code host}, its edge port mapped to {@code mappedEdgePort}. */
    public Connection connection(String host, int mappedEdgePort) {
        return new Connection(endpoint(host, mappedEdgePort), Region.of(region()),
                StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey(), secretKey())));
    }

    /** The endpoint clients use: the container's host and the port Docker mapped the edge port to. */
    public static URI endpoint(String host, int mappedEdgePort) {
        return URI.create("http://" + host + ":" + mappedEdgePort);
    }

    /** Endpoint, region and credentials of a started LocalStack. */
    public record Connection(URI endpoint, Region region, AwsCredentialsProvider credentials) {
    }
}
