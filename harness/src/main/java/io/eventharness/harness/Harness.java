package io.eventharness.harness;

import io.eventharness.harness.backend.Backend;
import io.eventharness.harness.backend.BackendConfig;
import io.eventharness.harness.deploy.ExecutionRole;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;

/**
 * The per-JVM part of the harness: the backend (started once, shared by every test class), one HTTP
 * connection pool, the run prefix of resource names, the functions' execution role, and clients for
 * housekeeping that do not record what they create. Tests get a {@link Cloud} each; a test may also
 * ask for the {@code Harness} itself (parameter or field).
 *
 * <pre>{@code
 * Harness h = Harness.shared();                 // the backend -Dharness.backend selects
 * Harness e = Harness.shared("embedded");       // pinned, whatever is selected (the harness's own tests)
 * try (Cloud cloud = h.newCloud("by hand")) { cloud.sqs().createQueue(b -> b.queueName(cloud.name("q"))); }
 * }</pre>
 *
 * <p>When the run ends, resources that could not be deleted (or were kept with {@code -Dharness.keep=true})
 * are listed at WARN.
 */
public final class Harness implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Harness.class);

    private final BackendConfig config;
    private final Backend backend;
    private final SdkHttpClient http;
    private final Clients admin;
    private final AtomicInteger tests = new AtomicInteger();
    private final List<String> leftBehind = new ArrayList<>();
    private volatile String roleArn;

    private Harness(BackendConfig config, Backend backend, SdkHttpClient http) {
        this.config = config;
        this.backend = backend;
        this.http = http;
        this.admin = new Clients(backend, http, null);
    }

    /**
     * Starts the backend and, meanwhile on another thread, the HTTP client every SDK client shares (loading
     * Apache's client is a tenth of a second or more of a test JVM's first test).
     */
    private static Harness startWith(BackendConfig config) {
        CompletableFuture<SdkHttpClient> http = CompletableFuture.supplyAsync(
                () -> ApacheHttpClient.builder().maxConnections(64).build());
        Backend backend;
        try {
            backend = config.create();
        } catch (RuntimeException e) {
            http.thenAccept(SdkHttpClient::close);
            throw e;
        }
        return new Harness(config, backend, http.join());
    }

    private static final Map<String, Harness> SHARED = new HashMap<>();
    private static final Map<String, RuntimeException> FAILED = new HashMap<>();

    /**
     * The harness of this JVM on the selected backend ({@code -Dharness.backend}, {@code HARNESS_BACKEND},
     * default embedded), started on first use and stopped when the JVM exits; if the backend could not
     * start, every call reports why (without trying again).
     */
    public static Harness shared() {
        return shared(null);
    }

    /** The harness of this JVM on the named backend ({@code null}: the selected one), started once. */
    public static synchronized Harness shared(String backend) {
        BackendConfig config = BackendConfig.fromEnvironment();
        if (backend != null && !backend.isBlank()) {
            config = config.withBackend(backend);
        }
        String key = config.backend();
        RuntimeException failure = FAILED.get(key);
        if (failure != null) {
            throw failure;
        }
        Harness h = SHARED.get(key);
        if (h == null) {
            try {
                h = startWith(config);
            } catch (RuntimeException e) {
                FAILED.put(key, e);
                throw e;
            }
            SHARED.put(key, h);
            Runtime.getRuntime().addShutdownHook(new Thread(h::close, "event-harness-shutdown-" + key));
        }
        return h;
    }

    /** Starts the configured backend ({@code -Dharness.backend}, default embedded); the caller closes it. */
    public static Harness start() {
        return startWith(BackendConfig.fromEnvironment());
    }

    /** A harness over a given backend (for tests of the harness itself). */
    public static Harness over(Backend backend, String runPrefix) {
        return new Harness(new BackendConfig(backend.name(), null, null, runPrefix), backend,
                ApacheHttpClient.builder().maxConnections(64).build());
    }

    public Backend backend() {
        return backend;
    }

    public String runPrefix() {
        return config.runPrefix();
    }

    /** A fresh per-test view: its own names, its own record of what it creates. */
    public Cloud newCloud(String testName) {
        return new Cloud(this, testName, Integer.toString(tests.incrementAndGet(), 36));
    }

    Clients adminClients() {
        return admin;
    }

    SdkHttpClient http() {
        return http;
    }

    /** The execution role of test functions, created on first use. */
    synchronized String executionRoleArn() {
        if (roleArn == null) {
            roleArn = ExecutionRole.ensure(admin.iam(), roleName(), config.runPrefix());
        }
        return roleArn;
    }

    private String roleName() {
        return config.runPrefix() + "-lambda-exec";
    }

    /** Remembers resources a test left behind, for the list at the end of the run. */
    void leftBehind(String testName, List<String> what) {
        synchronized (leftBehind) {
            what.forEach(w -> leftBehind.add(w + "  [" + testName + "]"));
        }
    }

    /** What tests left behind so far (not deleted, or kept on purpose). */
    public List<String> leftBehind() {
        synchronized (leftBehind) {
            return List.copyOf(leftBehind);
        }
    }

    @Override
    public void close() {
        if (roleArn != null && !"embedded".equals(backend.name()) && !Boolean.getBoolean("harness.keep")) {
            try {
                ExecutionRole.delete(admin.iam(), roleName());
            } catch (RuntimeException e) {
                leftBehind("the run", List.of("ROLE " + roleName() + " (" + e.getMessage() + ")"));
            }
        }
        List<String> left = leftBehind();
        if (!left.isEmpty() && !"embedded".equals(backend.name())) {
            LOG.warn("Event Harness left {} resource(s) behind on the {} backend (run prefix {}); delete them by hand:\n    {}",
                    left.size(), backend.name(), config.runPrefix(), String.join("\n    ", left));
        }
        http.close();
        backend.close();
    }
}
