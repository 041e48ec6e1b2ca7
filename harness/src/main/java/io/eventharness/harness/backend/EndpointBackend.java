package io.eventharness.harness.backend;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * An emulator that is already running at a URL: the standalone Event Harness emulator kept running across IDE test
 * runs, a CI service container, LocalStack started by other means. The harness neither starts nor stops it, and
 * tears down only what its tests created.
 *
 * <pre>{@code
 * java -jar emulator.jar --port 4566 &
 * mvn -B verify -Dharness.backend=endpoint -Dharness.endpoint=http://127.0.0.1:4566
 * }</pre>
 *
 * <p>What it can do is asked of it once, when the harness connects ({@link #probe}): the Event Harness emulator
 * answers {@code GET /_harness/health} with its services and features (a movable clock, the event trail, its
 * deliveries), which this backend then offers over HTTP ({@code /_harness/clock/advance}, {@code /_harness/trail});
 * LocalStack answers {@code GET /_localstack/health} with its services, and has neither clock nor trail; anything
 * else is taken as an AWS-compatible endpoint of unknown reach. Credentials are the conventional {@code test}/{@code
 * test}; the region is the emulator's, else {@code AWS_REGION}, else {@code us-east-1}.
 */
public final class EndpointBackend implements Backend {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(3);

    /** What answers at an endpoint. */
    public enum Kind {
        /** The Event Harness emulator: a clock and a trail to offer. */
        EMULATOR,
        /** LocalStack. */
        LOCALSTACK,
        /** Something else that speaks AWS's protocols. */
        OTHER
    }

    /**
     * What the probe found at an endpoint.
     *
     * @param region the region it names (the emulator's), or null
     */
    public record Probe(Kind kind, Capabilities capabilities, String region) {
    }

    private final URI endpoint;
    private final Probe probe;
    private final Region region;
    private final HttpClient http;

    private EndpointBackend(URI endpoint, Probe probe, HttpClient http) {
        this.endpoint = endpoint;
        this.probe = probe;
        this.http = http;
        String r = probe.region() != null ? probe.region() : System.getenv("AWS_REGION");
        this.region = Region.of(r == null || r.isBlank() ? "us-east-1" : r);
    }

    /**
     * Connects to what runs at {@code endpoint}, asking it what it can do.
     *
     * @throws BackendUnavailableException when nothing answers there, saying how to start something
     */
    public static EndpointBackend connect(URI endpoint) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(PROBE_TIMEOUT).build();
        Probe p = probe(http, endpoint).orElseThrow(() -> new BackendUnavailableException("harness.endpoint=" + endpoint
                + ": nothing answers there. Start the emulator (java -jar emulator.jar --port " + port(endpoint)
                + ") or LocalStack at that address, point harness.endpoint elsewhere, or drop harness.backend=endpoint "
                + "to run on the embedded backend."));
        return new EndpointBackend(endpoint, p, http);
    }

    /** What runs at {@code endpoint} and what it can do; empty when nothing answers there. */
    public static Optional<Probe> probe(URI endpoint) {
        return probe(HttpClient.newBuilder().connectTimeout(PROBE_TIMEOUT).build(), endpoint);
    }

    private static Optional<Probe> probe(HttpClient http, URI endpoint) {
        HttpResponse<String> health;
        try {
            health = get(http, endpoint.resolve("/_harness/health"));
        } catch (IOException e) {
            return Optional.empty();
        }
        JsonNode h = json(health);
        if (health.statusCode() == 200 && h != null && h.path("features").isArray()) {
            List<String> features = new ArrayList<>();
            h.path("features").forEach(f -> features.add(f.asText()));
            List<String> services = new ArrayList<>();
            h.path("services").fieldNames().forEachRemaining(services::add);
            return Optional.of(new Probe(Kind.EMULATOR, Capabilities.of(features, services), h.path("region").asText(null)));
        }
        try {
            HttpResponse<String> ls = get(http, endpoint.resolve("/_localstack/health"));
            JsonNode l = json(ls);
            if (ls.statusCode() == 200 && l != null && l.path("services").isObject()) {
                List<String> services = new ArrayList<>();
                for (Map.Entry<String, JsonNode> s : (Iterable<Map.Entry<String, JsonNode>>) l.path("services")::fields) {
                    if (List.of("available", "running").contains(s.getValue().asText())) {
                        services.add(s.getKey());
                    }
                }
                return Optional.of(new Probe(Kind.LOCALSTACK, new Capabilities(Capabilities.LOCALSTACK.features(), java.util.Set.copyOf(services)), null));
            }
        } catch (IOException e) {
            // answers, but not as LocalStack
        }
        return Optional.of(new Probe(Kind.OTHER, new Capabilities(java.util.Set.of(), null), null));
    }

    /** What answers here. */
    public Kind kind() {
        return probe.kind();
    }

    @Override
    public String name() {
        return "endpoint";
    }

    @Override
    public Optional<URI> endpoint() {
        return Optional.of(endpoint);
    }

    @Override
    public Region region() {
        return region;
    }

    @Override
    public AwsCredentialsProvider credentials() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));
    }

    @Override
    public Capabilities capabilities() {
        return probe.capabilities();
    }

    /** {@code GET /_harness/clock}: the emulator's time; the wall clock where what runs there has no clock of its own. */
    @Override
    public Instant now() {
        if (!hasMovableClock()) {
            return Backend.super.now();
        }
        JsonNode n = json(send(HttpRequest.newBuilder(admin("clock")).GET(), PROBE_TIMEOUT));
        if (n == null || !n.path("now").isTextual()) {
            throw new IllegalStateException("the emulator at " + endpoint + " did not tell its time");
        }
        return Instant.parse(n.path("now").asText());
    }

    /** {@code POST /_harness/clock/advance}: everything that falls due has fired when this returns. */
    @Override
    public void advance(Duration by) {
        if (!hasMovableClock()) {
            Backend.super.advance(by);
        }
        HttpResponse<String> r = send(HttpRequest.newBuilder(admin("clock/advance"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"seconds\": " + by.toMillis() / 1000.0 + "}")), Duration.ofMinutes(15));
        if (r.statusCode() != 200) {
            throw new IllegalStateException("the emulator at " + endpoint + " did not move its clock: " + r.statusCode() + " " + r.body());
        }
    }

    /** {@code POST /_harness/clock/freeze} or {@code /_harness/clock/unfreeze}. */
    @Override
    public void freezeClock(boolean frozen) {
        if (!hasMovableClock()) {
            Backend.super.freezeClock(frozen);
        }
        HttpResponse<String> r = send(HttpRequest.newBuilder(admin(frozen ? "clock/freeze" : "clock/unfreeze"))
                .POST(HttpRequest.BodyPublishers.noBody()), PROBE_TIMEOUT);
        if (r.statusCode() != 200) {
            throw new IllegalStateException("the emulator at " + endpoint + " did not " + (frozen ? "freeze" : "unfreeze")
                    + " its clock: " + r.statusCode() + " " + r.body());
        }
    }

    @Override
    public void armFault(String service, String operation, String error, int count) {
        if (!capabilities().supports(Feature.API_FAULTS)) {
            Backend.super.armFault(service, operation, error, count);
        }
        FaultRequests.arm(endpoint, service, operation, error, count);
    }

    @Override
    public void armFunctionFault(String function, String errorType, String errorMessage, int count) {
        if (!capabilities().supports(Feature.API_FAULTS)) {
            Backend.super.armFunctionFault(function, errorType, errorMessage, count);
        }
        FaultRequests.armFunction(endpoint, function, errorType, errorMessage, count);
    }

    @Override
    public int faultsInjected(String service, String operation) {
        return capabilities().supports(Feature.API_FAULTS) ? FaultRequests.injected(endpoint, service, operation) : 0;
    }

    @Override
    public void clearFaults() {
        if (capabilities().supports(Feature.API_FAULTS)) {
            FaultRequests.clear(endpoint);
        }
    }

    @Override
    public long trailMark() {
        if (!hasTrail()) {
            return 0;
        }
        JsonNode n = json(send(HttpRequest.newBuilder(admin("trail/last")).GET(), PROBE_TIMEOUT));
        return n == null ? 0 : n.path("seq").asLong();
    }

    @Override
    public List<Hop> hopsSince(long afterSeq) {
        if (!hasTrail()) {
            return List.of();
        }
        JsonNode entries = json(send(HttpRequest.newBuilder(admin("trail?since=" + afterSeq)).GET(), Duration.ofSeconds(30)));
        List<Hop> out = new ArrayList<>();
        if (entries != null) {
            for (JsonNode e : entries) {
                out.add(new Hop(e.path("seq").asLong(), Instant.parse(e.path("at").asText()), e.path("source").asText(),
                        e.path("target").asText(), e.path("kind").asText(), e.path("summary").asText(), e.path("outcome").asText()));
            }
        }
        return out;
    }

    /** Nothing: what runs at the endpoint is not the harness's to stop. */
    @Override
    public void close() {
    }

    private URI admin(String route) {
        return endpoint.resolve("/_harness/" + route);
    }

    private HttpResponse<String> send(HttpRequest.Builder request, Duration timeout) {
        try {
            return http.send(request.timeout(timeout).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("the emulator at " + endpoint + " does not answer: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while asking the emulator at " + endpoint, e);
        }
    }

    private static HttpResponse<String> get(HttpClient http, URI uri) throws IOException {
        try {
            return http.send(HttpRequest.newBuilder(uri).timeout(PROBE_TIMEOUT).GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private static JsonNode json(HttpResponse<String> r) {
        try {
            return JSON.readTree(r.body());
        } catch (IOException e) {
            return null;
        }
    }

    private static String port(URI endpoint) {
        return endpoint.getPort() > 0 ? Integer.toString(endpoint.getPort()) : "4566";
    }
}
