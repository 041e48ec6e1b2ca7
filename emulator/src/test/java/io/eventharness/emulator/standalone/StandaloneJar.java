package io.eventharness.emulator.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * One standalone emulator ({@code java -jar emulator.jar --port 0}) for the whole test JVM, started by
 * the first test that needs it and stopped with SIGTERM when the JVM exits (the tests of the stop itself
 * are in {@link StandaloneJarIT}, on emulators of their own). Its admin endpoints are reached over HTTP,
 * as any user of the jar reaches them: {@code /_harness/health}, {@code /_harness/clock},
 * {@code POST /_harness/clock/advance}, {@code POST /_harness/settle}, {@code /_harness/trail}.
 */
public final class StandaloneJar {
    static final Duration START = Duration.ofSeconds(60); // generous: 2 cores shared with builds
    static final Duration STOP = Duration.ofSeconds(20);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static StandaloneJar shared;

    private final StandaloneProcess process;
    private final URI endpoint;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private StandaloneJar(StandaloneProcess process, URI endpoint) {
        this.process = process;
        this.endpoint = endpoint;
    }

    /** The JVM's standalone emulator, started on a free port at the first call. */
    public static synchronized StandaloneJar shared() {
        if (shared == null) {
            try {
                StandaloneProcess p = StandaloneProcess.start("--port", "0");
                shared = new StandaloneJar(p, p.awaitReady(START));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(shared::stop, "standalone-jar-stop"));
        }
        return shared;
    }

    /** The JVM's standalone emulator if a test started it. */
    public static synchronized Optional<StandaloneJar> ifStarted() {
        return Optional.ofNullable(shared);
    }

    public URI endpoint() {
        return endpoint;
    }

    /** What the emulator logged on stderr so far. */
    public String log() {
        return String.join("\n", process.stderr());
    }

    /** {@code GET /_harness/health}. */
    public JsonNode health() {
        return send(HttpRequest.newBuilder(admin("health")).GET());
    }

    /** The emulated time, in epoch milliseconds ({@code GET /_harness/clock}). */
    public long clockMillis() {
        return send(HttpRequest.newBuilder(admin("clock")).GET()).path("epochMillis").asLong();
    }

    /** {@code POST /_harness/clock/advance}: everything that falls due has fired when this returns. */
    public void advance(Duration by) {
        String body = "{\"seconds\": " + by.toMillis() / 1000.0 + "}";
        send(HttpRequest.newBuilder(admin("clock/advance")).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** {@code POST /_harness/settle}: returns once nothing is pending in the emulator; fails with what is, after {@code timeout}. */
    public void settle(Duration timeout) {
        String body = "{\"timeoutSeconds\": " + timeout.toMillis() / 1000.0 + "}";
        send(HttpRequest.newBuilder(admin("settle")).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** {@code GET /_harness/trail}: every hop between services so far, oldest first. */
    public JsonNode trail() {
        return send(HttpRequest.newBuilder(admin("trail")).GET());
    }

    private URI admin(String route) {
        return endpoint.resolve("/_harness/" + route);
    }

    private JsonNode send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> r = http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new AssertionError(r.request().method() + " " + r.uri() + " answered " + r.statusCode() + ": " + r.body());
            }
            return JSON.readTree(r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** SIGTERM, then up to {@link #STOP} for the emulator to stop its sandboxes and exit. */
    private void stop() {
        process.terminate();
        try {
            process.awaitExit(STOP);
        } catch (InterruptedException | AssertionError e) {
            System.err.println("the standalone emulator did not stop on SIGTERM: " + e.getMessage());
        } finally {
            process.close();
        }
    }
}
