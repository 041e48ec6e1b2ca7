package io.eventharness.harness;

import io.eventharness.harness.backend.Backend;
import io.eventharness.harness.backend.BackendConfig;
import io.eventharness.harness.deploy.CodeStaging;
import io.eventharness.harness.deploy.ExecutionRole;
import io.eventharness.harness.deploy.SchedulerRole;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;

/**
 * The per-JVM part of the harness: the backend (started once, shared by every test class), one HTTP
 * connection pool, the run prefix of resource names, the functions' execution role and EventBridge Scheduler's, and clients for
 * housekeeping that do not record what they create. Tests get {@link Cloud}s from it; a test may also ask
 * for the {@code Harness} itself (parameter or field).
 *
 * <p>JUnit owns the shared harness's life: the {@code @EventHarness} extension holds it in the launcher
 * session's store from the first test that needs it, and JUnit closes it when the run ends — no shutdown hook.
 * Runs nested in a test (the JUnit Platform test kit's) hold it too and leave it running for the run around
 * them; it closes when the last run holding it ends.
 *
 * <pre>{@code
 * @EventHarness
 * class OrdersIT {
 *   @Test void byHand(Harness harness) {                       // the shared harness of the selected backend
 *     try (Cloud cloud = harness.newCloud("by hand")) { cloud.sqs().createQueue(b -> b.queueName(cloud.name("q"))); }
 *   }
 * }
 * try (Harness h = Harness.start()) { ... }                   // outside JUnit: a harness of your own, yours to close
 * }</pre>
 *
 * <p>When the harness closes, resources that could not be deleted (or were kept with {@code -Dharness.keep=true})
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
    private volatile CodeStaging codeStaging;
    private volatile String schedulerRoleArn;

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

    private static final SharedHarnesses SHARED = new SharedHarnesses();

    /**
     * The harness this JVM shares on the selected backend ({@code -Dharness.backend}, {@code HARNESS_BACKEND},
     * default embedded), started on first use; if the backend could not start, every call reports why (without
     * trying again).
     */
    public static Harness shared() {
        return shared(null);
    }

    /**
     * The harness this JVM shares on the named backend ({@code null}: the selected one), started on first use.
     * Calling this takes no hold on it: it runs while a JUnit run holds it (every {@code @EventHarness} run does)
     * and closes when the last such run ends. Outside JUnit, use {@link #start()}.
     */
    public static Harness shared(String backend) {
        BackendConfig config = configFor(backend);
        return SHARED.get(config.backend(), () -> startWith(config));
    }

    /** A hold on the shared harness of the named backend, for a JUnit store to close when the run ends. */
    static SharedHarnesses.Lease lease(String backend) {
        BackendConfig config = configFor(backend);
        return SHARED.lease(config.backend(), () -> startWith(config));
    }

    /** How many runs hold the shared harness of the named backend now (0: none runs). */
    static int holders(String backend) {
        return SHARED.holders(configFor(backend).backend());
    }

    private static BackendConfig configFor(String backend) {
        BackendConfig config = BackendConfig.fromEnvironment();
        return backend == null || backend.isBlank() ? config : config.withBackend(backend);
    }

    /** Starts the configured backend ({@code -Dharness.backend}, default embedded); the caller closes it. */
    public static Harness start() {
        return startWith(BackendConfig.fromEnvironment());
    }

    /** A harness over a given backend (for tests of the harness itself). */
    public static Harness over(Backend backend, String runPrefix) {
        return new Harness(BackendConfig.of(backend.name(), runPrefix), backend,
                ApacheHttpClient.builder().maxConnections(64).build());
    }

    public Backend backend() {
        return backend;
    }

    public String runPrefix() {
        return config.runPrefix();
    }

    /** A fresh view for one test: its own names, its own record of what it creates; closing it tears that down. */
    public Cloud newCloud(String testName) {
        return newCloud(testName, null);
    }

    /**
     * A fresh view whose story also tells what {@code enclosing} (the test class's Cloud, or {@code null}) created:
     * a test's failure then shows the hops and functions of the class's resources too.
     */
    Cloud newCloud(String name, Cloud enclosing) {
        return new Cloud(this, name, Integer.toString(tests.incrementAndGet(), 36), enclosing);
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

    /** How deployment packages reach Lambda: in the request, or once per content through the run's code bucket. */
    CodeStaging codeStaging() {
        CodeStaging s = codeStaging;
        if (s == null) {
            synchronized (this) {
                if (codeStaging == null) {
                    codeStaging = new CodeStaging(admin.s3(), backend.region().id(), config.runPrefix());
                }
                s = codeStaging;
            }
        }
        return s;
    }

    private String roleName() {
        return config.runPrefix() + "-lambda-exec";
    }

    /** The role EventBridge Scheduler assumes to reach the targets of the schedules tests wire, created on first use. */
    synchronized String schedulerRoleArn() {
        if (schedulerRoleArn == null) {
            schedulerRoleArn = SchedulerRole.ensure(admin.iam(), schedulerRoleName(), config.runPrefix(),
                    admin.sts().getCallerIdentity().account());
        }
        return schedulerRoleArn;
    }

    private String schedulerRoleName() {
        return config.runPrefix() + "-scheduler";
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
        if (codeStaging != null && !"embedded".equals(backend.name()) && !Boolean.getBoolean("harness.keep")) {
            try {
                codeStaging.close();
            } catch (RuntimeException e) {
                leftBehind("the run", List.of("BUCKET " + codeStaging.bucketName() + " (" + e.getMessage() + ")"));
            }
        }
        if (schedulerRoleArn != null && !"embedded".equals(backend.name()) && !Boolean.getBoolean("harness.keep")) {
            try {
                SchedulerRole.delete(admin.iam(), schedulerRoleName());
            } catch (RuntimeException e) {
                leftBehind("the run", List.of("ROLE " + schedulerRoleName() + " (" + e.getMessage() + ")"));
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
