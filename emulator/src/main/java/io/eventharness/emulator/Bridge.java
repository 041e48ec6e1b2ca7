package io.eventharness.emulator;

import io.eventharness.emulator.delivery.TrailEntry;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The emulator as a host sees it that loads {@code emulator.jar} in a class loader of its own (the harness does, so
 * that the emulator's AWS SDK, Jackson, Jetty and SLF4J never meet the test's): every method takes and returns JDK
 * types only, so the host calls it by reflection without sharing a single class with the emulator.
 *
 * <pre>{@code
 * Object bridge = loader.loadClass("io.eventharness.emulator.Bridge").getMethod("start", Map.class).invoke(null, Map.of());
 * URI endpoint = (URI) bridge.getClass().getMethod("endpoint").invoke(bridge);
 * }</pre>
 *
 * <p>Options of {@link #start(Map)}, all optional, as strings: {@code port} (default 0: a free one),
 * {@code lambdaKeepAlive} (ISO-8601), {@code lambdaAsyncWorkers}, {@code lambdaSpareSandboxes} ({@code true} or
 * {@code false}), {@code lambdaWorkDirectory}, {@code verifySignatures} and {@code enforcePolicies} ({@code true} or
 * {@code false}). Any other key is refused.
 */
public final class Bridge implements AutoCloseable {
    private final Emulator emulator;

    private Bridge(Emulator emulator) {
        this.emulator = emulator;
    }

    /** Starts an emulator on 127.0.0.1 with these options (see the class comment); returns once it serves. */
    public static Bridge start(Map<String, String> options) {
        Emulator.Builder b = Emulator.builder().withDynamicPort();
        for (Map.Entry<String, String> o : options.entrySet()) {
            String v = o.getValue();
            b = switch (o.getKey()) {
                case "port" -> b.withPort(Integer.parseInt(v));
                case "lambdaKeepAlive" -> b.withLambdaKeepAlive(Duration.parse(v));
                case "lambdaAsyncWorkers" -> b.withLambdaAsyncWorkers(Integer.parseInt(v));
                case "lambdaSpareSandboxes" -> b.withLambdaSpareSandboxes(Boolean.parseBoolean(v));
                case "lambdaWorkDirectory" -> b.withLambdaWorkDirectory(Path.of(v));
                case "verifySignatures" -> b.withSignatureVerification(Boolean.parseBoolean(v));
                case "enforcePolicies" -> b.withPolicyEnforcement(Boolean.parseBoolean(v));
                default -> throw new IllegalArgumentException("unknown emulator option '" + o.getKey()
                        + "': use port, lambdaKeepAlive, lambdaAsyncWorkers, lambdaSpareSandboxes, lambdaWorkDirectory,"
                        + " verifySignatures or enforcePolicies");
            };
        }
        return new Bridge(b.build().start());
    }

    /** The services an emulator serves, by signing name ({@link Emulator#SERVICES}); known without starting one. */
    public static List<String> services() {
        return Emulator.SERVICES;
    }

    /** What an emulator does beyond the services' APIs ({@link Emulator#FEATURES}); known without starting one. */
    public static List<String> features() {
        return Emulator.FEATURES;
    }

    /** {@code http://127.0.0.1:<port>}. */
    public URI endpoint() {
        return emulator.endpoint();
    }

    /** The region clients should name, {@code us-east-1}. */
    public String region() {
        return emulator.region().id();
    }

    /** The emulator's time: where its clock stands (it follows real time, plus every {@link #advance}). */
    public Instant now() {
        return emulator.clock().now();
    }

    /** Moves the emulator's clock, running everything that falls due (see {@code EmulatorClock.advance}). */
    public void advance(Duration by) {
        emulator.clock().advance(by);
    }

    /**
     * Waits up to {@code timeout} until nothing is pending in the emulator (see {@link Emulator#settle}); returns what
     * is still pending then, empty when it settled.
     */
    public List<String> settle(Duration timeout) {
        try {
            emulator.settle(timeout);
            return List.of();
        } catch (io.eventharness.emulator.core.Activity.NotSettledException e) {
            return e.pending();
        }
    }

    /** Stops the clock following real time (it moves only with advances), or lets it follow real time again. */
    public void freezeClock(boolean frozen) {
        if (frozen) {
            emulator.clock().freeze();
        } else {
            emulator.clock().unfreeze();
        }
    }

    /** The sequence number of the trail's last entry, a mark for {@link #trailSince(long)}. */
    public long trailMark() {
        return emulator.trail().lastSeq();
    }

    /**
     * The trail's entries after {@code mark}, oldest first, each a map of {@code seq}, {@code at} (ISO-8601),
     * {@code source}, {@code target}, {@code kind}, {@code summary} and {@code outcome}.
     */
    public List<Map<String, String>> trailSince(long mark) {
        return emulator.trail().since(mark).stream().map(Bridge::entry).toList();
    }

    private static Map<String, String> entry(TrailEntry e) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("seq", Long.toString(e.seq()));
        m.put("at", e.at().toString());
        m.put("source", e.source());
        m.put("target", e.target());
        m.put("kind", e.kind());
        m.put("summary", e.summary());
        m.put("outcome", e.outcome());
        return m;
    }

    /** Stops the emulator: its port, its sandboxes, its work directories. */
    @Override
    public void close() {
        emulator.close();
    }
}
