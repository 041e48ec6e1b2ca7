package io.eventharness.harness;

import io.eventharness.harness.backend.Backend;
import io.eventharness.harness.backend.BackendConfig;
import io.eventharness.harness.deploy.ExecutionRole;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;

/**
 * The per-JVM part of the harness: the backend (started once, shared by every test class), one HTTP
 * connection pool, the run prefix of resource names, the functions' execution role, and clients for
 * housekeeping that do not record what they create. Tests get a {@link Cloud} each.
 */
public final class Harness implements AutoCloseable {
    private final BackendConfig config;
    private final Backend backend;
    private final SdkHttpClient http;
    private final Clients admin;
    private final AtomicInteger tests = new AtomicInteger();
    private volatile String roleArn;

    private Harness(BackendConfig config, Backend backend) {
        this.config = config;
        this.backend = backend;
        this.http = ApacheHttpClient.builder().maxConnections(64).build();
        this.admin = new Clients(backend, http, null);
    }

    private static Harness shared;
    private static RuntimeException sharedFailure;

    /**
     * The harness of this JVM, started on first use and stopped when the JVM exits; if the backend
     * could not start, every call reports why (without trying again).
     */
    public static synchronized Harness shared() {
        if (sharedFailure != null) {
            throw sharedFailure;
        }
        if (shared == null) {
            try {
                shared = start();
            } catch (RuntimeException e) {
                sharedFailure = e;
                throw e;
            }
            Harness h = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(h::close, "event-harness-shutdown"));
        }
        return shared;
    }

    /** Starts the configured backend ({@code -Dharness.backend}, default embedded). */
    public static Harness start() {
        BackendConfig config = BackendConfig.fromEnvironment();
        return new Harness(config, config.create());
    }

    /** A harness over a given backend (for tests of the harness itself). */
    public static Harness over(Backend backend, String runPrefix) {
        return new Harness(new BackendConfig(backend.name(), null, null, runPrefix), backend);
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
            roleArn = ExecutionRole.ensure(admin.iam(), roleName());
        }
        return roleArn;
    }

    private String roleName() {
        return config.runPrefix() + "-lambda-exec";
    }

    @Override
    public void close() {
        if (roleArn != null && !"embedded".equals(backend.name())) {
            ExecutionRole.delete(admin.iam(), roleName());
        }
        http.close();
        backend.close();
    }
}
