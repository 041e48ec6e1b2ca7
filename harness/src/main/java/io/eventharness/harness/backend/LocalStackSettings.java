package io.eventharness.harness.backend;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How the LocalStack backend configures its container and its clients — plain data, so it can be
 * checked without Docker. (Testcontainers' {@code LocalStackContainer} mounts the Docker socket
 * itself, which LocalStack's Lambda needs for its sibling containers.)
 *
 * @param image       the image, {@value BackendConfig#DEFAULT_LOCALSTACK_IMAGE} unless configured
 * @param environment the container's environment: credentials and region the clients will use, the
 *                    auth token when {@code LOCALSTACK_AUTH_TOKEN} is set
 */
public record LocalStackSettings(String image, Map<String, String> environment) {
    /** LocalStack's edge port inside the container. */
    public static final int EDGE_PORT = 4566;

    public static LocalStackSettings from(BackendConfig config) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("AWS_ACCESS_KEY_ID", "test");
        env.put("AWS_SECRET_ACCESS_KEY", "test");
        env.put("DEFAULT_REGION", "us-east-1");
        env.put("LAMBDA_RUNTIME_ENVIRONMENT_TIMEOUT", "60");
        if (config.localStackAuthToken() != null) {
            env.put("LOCALSTACK_AUTH_TOKEN", config.localStackAuthToken());
        }
        return new LocalStackSettings(config.localStackImage(), Map.copyOf(env));
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

    /** The endpoint clients use: the container's host and the port Docker mapped the edge port to. */
    public static URI endpoint(String host, int mappedEdgePort) {
        return URI.create("http://" + host + ":" + mappedEdgePort);
    }
}
