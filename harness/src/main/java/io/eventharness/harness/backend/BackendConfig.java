package io.eventharness.harness.backend;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.Map;
import java.util.function.Function;

/**
 * How a test run chooses and configures its backend: system properties first, then environment
 * variables.
 * <ul>
 *   <li>{@code -Dharness.backend=embedded|localstack|aws|endpoint} or {@code HARNESS_BACKEND} (default {@code embedded});</li>
 *   <li>{@code -Dharness.endpoint} or {@code HARNESS_ENDPOINT}: where the {@code endpoint} backend finds what already runs
 *       (default {@value #DEFAULT_ENDPOINT});</li>
 *   <li>{@code -Dharness.localstack.image} or {@code HARNESS_LOCALSTACK_IMAGE} (default {@value #DEFAULT_LOCALSTACK_IMAGE},
 *       the last community release that starts without an account token);</li>
 *   <li>{@code LOCALSTACK_AUTH_TOKEN}, passed to the container when set;</li>
 *   <li>{@code -Dharness.run.prefix} or {@code HARNESS_RUN_PREFIX}: prefix of every resource name (default random).</li>
 * </ul>
 * The JUnit extension also reads {@code harness.backend} as a JUnit configuration parameter (which JUnit takes
 * from system properties and {@code junit-platform.properties}), so a test kit run can pin its backend.
 *
 * <pre>{@code
 * BackendConfig c = BackendConfig.fromEnvironment();          // -Dharness.backend=localstack ...
 * Backend b = c.withBackend("embedded").create();
 * }</pre>
 */
public record BackendConfig(String backend, String localStackImage, String localStackAuthToken, String runPrefix,
                            String endpoint) {
    public static final String DEFAULT_LOCALSTACK_IMAGE = "localstack/localstack:4.14.0";
    /** Where the {@code endpoint} backend looks unless told: the standalone emulator's and LocalStack's port. */
    public static final String DEFAULT_ENDPOINT = "http://127.0.0.1:4566";
    /** The system property (and JUnit configuration parameter) that selects the backend. */
    public static final String BACKEND_PROPERTY = "harness.backend";
    /** The environment variable that selects the backend when the property is not set. */
    public static final String BACKEND_VARIABLE = "HARNESS_BACKEND";

    public static BackendConfig fromEnvironment() {
        return from(System::getProperty, System.getenv());
    }

    static BackendConfig from(Function<String, String> properties, Map<String, String> env) {
        String backend = pick(properties, env, BACKEND_PROPERTY, BACKEND_VARIABLE, "embedded").toLowerCase(Locale.ROOT);
        String image = pick(properties, env, "harness.localstack.image", "HARNESS_LOCALSTACK_IMAGE", DEFAULT_LOCALSTACK_IMAGE);
        String token = env.get("LOCALSTACK_AUTH_TOKEN");
        String prefix = pick(properties, env, "harness.run.prefix", "HARNESS_RUN_PREFIX",
                "eh" + Long.toString(System.nanoTime() & 0xFFFFF, 36));
        String endpoint = pick(properties, env, "harness.endpoint", "HARNESS_ENDPOINT", DEFAULT_ENDPOINT);
        return new BackendConfig(backend, image, token == null || token.isBlank() ? null : token, prefix.toLowerCase(Locale.ROOT),
                endpoint);
    }

    /** A configuration of {@code backend} with everything else as the defaults have it (tests, {@code Harness.over}). */
    public static BackendConfig of(String backend, String runPrefix) {
        return new BackendConfig(backend, DEFAULT_LOCALSTACK_IMAGE, null, runPrefix, DEFAULT_ENDPOINT);
    }

    private static String pick(Function<String, String> props, Map<String, String> env, String prop, String var, String dflt) {
        String v = props.apply(prop);
        if (v == null || v.isBlank() || v.startsWith("${")) { // "${harness.backend}": a build file passed an unset property
            v = env.get(var);
        }
        return v == null || v.isBlank() ? dflt : v.trim();
    }

    /** The same configuration on another backend ({@code embedded}, {@code localstack}, {@code aws} or {@code endpoint}). */
    public BackendConfig withBackend(String name) {
        return new BackendConfig(name.trim().toLowerCase(Locale.ROOT), localStackImage, localStackAuthToken, runPrefix, endpoint);
    }

    /**
     * What the configured backend serves and can do, known without starting it: from its kind, or for the
     * {@code endpoint} backend by asking what runs there (one HTTP request); empty when that cannot be told (nothing
     * answers at the endpoint, an unknown backend), in which case starting it reports why.
     */
    public Optional<Capabilities> capabilities() {
        return switch (backend) {
            case "embedded" -> Optional.of(EmbeddedBackend.known());
            case "localstack" -> Optional.of(Capabilities.LOCALSTACK);
            case "aws" -> Optional.of(Capabilities.AWS);
            case "endpoint" -> EndpointBackend.probe(endpointUri()).map(EndpointBackend.Probe::capabilities);
            default -> Optional.empty();
        };
    }

    /**
     * Testcontainers is an optional dependency of the harness: only a project that runs on LocalStack adds it. Checked
     * before anything of {@code LocalStackBackend} loads, so that its absence reads as what to add.
     */
    static void requireTestcontainers(ClassLoader loader) {
        try {
            Class.forName("org.testcontainers.localstack.LocalStackContainer", false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new BackendUnavailableException("harness.backend=localstack runs LocalStack through Testcontainers, which is "
                    + "not on the test class path: add org.testcontainers:testcontainers-localstack:" + Versions.TESTCONTAINERS
                    + " (scope test) to your pom.xml, or run on the embedded backend, which needs neither Docker nor "
                    + "Testcontainers: drop -Dharness.backend or set it to 'embedded'.");
        }
    }

    /** Creates the configured backend (not yet started for LocalStack: {@link Backend}s start in their factory). */
    public Backend create() {
        return switch (backend) {
            case "embedded" -> new EmbeddedBackend();
            case "localstack" -> {
                requireTestcontainers(BackendConfig.class.getClassLoader());
                yield LocalStackBackend.start(this);
            }
            case "aws" -> new AwsBackend();
            case "endpoint" -> EndpointBackend.connect(endpointUri());
            default -> throw new BackendUnavailableException("unknown harness.backend '" + backend
                    + "': use embedded, localstack, aws or endpoint");
        };
    }

    private URI endpointUri() {
        try {
            URI u = new URI(endpoint);
            if (u.getScheme() == null || u.getHost() == null) {
                throw new URISyntaxException(endpoint, "not an http URL with a host");
            }
            return u;
        } catch (URISyntaxException e) {
            throw new BackendUnavailableException("harness.endpoint='" + endpoint + "' is not a URL like "
                    + DEFAULT_ENDPOINT + ": " + e.getMessage());
        }
    }
}
