package io.eventharness.emulator.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.eventharness.emulator.core.Activity;
import io.eventharness.emulator.core.Account;
import io.eventharness.emulator.core.EmulatorClock;
import io.eventharness.emulator.core.Json;
import io.eventharness.emulator.delivery.EventTrail;
import io.eventharness.emulator.delivery.TrailEntry;
import io.eventharness.emulator.faults.ApiFaults;
import io.eventharness.emulator.http.HttpRequest;
import io.eventharness.emulator.http.HttpResponse;
import io.eventharness.emulator.http.MalformedRequestException;
import io.eventharness.emulator.lambda.LambdaService;
import io.eventharness.emulator.policy.Decision;
import io.eventharness.emulator.policy.LeastPrivilege;
import io.eventharness.emulator.routing.ServiceBinding;
import io.eventharness.emulator.routing.ServiceRouter;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/**
 * The emulator's own endpoints, under {@code /_harness/}:
 * <ul>
 *   <li>{@code GET /_harness/health} — the services and their state, the region, the account, and the features a
 *       test harness may ask for ({@code clock}, {@code trail}, the deliveries between services: see
 *       {@code Emulator.FEATURES}): {@code {"status":"running","services":{"s3":"running",...},"region":"us-east-1",
 *       "account":"000000000000","features":["clock","trail",...]}};</li>
 *   <li>{@code GET /_harness/clock} — the emulated time;</li>
 *   <li>{@code POST /_harness/clock/advance} with {@code {"seconds": N}} — moves the clock, firing what falls due;</li>
 *   <li>{@code POST /_harness/clock/freeze} and {@code /_harness/clock/unfreeze} — the clock stops following real
 *       time (it moves only with advances) and follows it again;</li>
 *   <li>{@code GET /_harness/trail} — the event trail, {@code ?since=N} only the hops after sequence number N;
 *       {@code GET /_harness/trail/last} — {@code {"seq": N}}, the last hop's sequence number;</li>
 *   <li>{@code GET /_harness/settled} — whether the emulator is settled now, and what is pending
 *       ({@code {"settled": false, "pending": ["invocation of arn:…", …]}});</li>
 *   <li>{@code POST /_harness/settle} with {@code {"timeoutSeconds": N}} — waits until it is settled: 200 with
 *       {@code {"settled": true, "pending": []}}, or 408 with what is still pending after N seconds (see
 *       {@code Emulator.settle});</li>
 *   <li>{@code POST /_harness/faults} with {@code {"service": "s3", "operation": "PutObject", "error": "throttling",
 *       "count": 2}} — the next two {@code PutObject} calls answer with S3's throttling error ({@code "server-error"}:
 *       its internal error); {@code GET /_harness/faults} — the faults armed, with {@code remaining} and
 *       {@code injected}; {@code DELETE /_harness/faults} — disarms them all (see {@code faults.ApiFaults}); with
 *       {@code {"function": "thumbnailer", "errorType": "ImageError", "errorMessage": "corrupt", "count": 1}} the
 *       function's next invocation fails so, its code not run;</li>
 *   <li>{@code GET /_harness/permissions} — when IAM's policies are enforced, every denial so far (principal,
 *       action, resource, AWS's message, the fix) and {@code leastPrivilege}: for each role or user denied, the
 *       policy document that allows exactly what it was denied;</li>
 *   <li>{@code GET /_harness/lambda/code/<function>[/<version>]} — a function's deployment package, where
 *       Lambda's {@code GetFunction} points {@code Code.Location}.</li>
 * </ul>
 * Answers are JSON; a bad body is a 400, an unknown route a 404, a wrong method a 405, each with
 * {@code {"error": "..."}}.
 */
public final class AdminRoutes {
    public static final String PREFIX = "/_harness/";
    private static final String LAMBDA_CODE = LambdaService.CODE_PATH.substring(PREFIX.length());
    private static final String ADVANCE_USAGE = "body must be JSON like {\"seconds\": 60}";
    private static final String SETTLE_USAGE = "body must be JSON like {\"timeoutSeconds\": 10}";
    /** The longest a settle request may wait: ten minutes. */
    static final long MAX_SETTLE_SECONDS = 600;
    /** A century: far enough for any test, and the emulated epoch millis stay far from overflow. */
    static final long MAX_ADVANCE_SECONDS = 100L * 366 * 24 * 3600;

    private final ServiceRouter router;
    private final EmulatorClock clock;
    private final EventTrail trail;
    private final Supplier<LambdaService> lambda;
    private final List<String> features;
    private final FaultRoutes faults;
    private final Supplier<List<Decision>> denials;

    /**
     * @param lambda   the Lambda service, once built (waits while it is being built)
     * @param faults   the AWS APIs' armed faults
     * @param features what the health answer names as the emulator's features
     * @param denials  every call IAM's policies denied so far (none unless they are enforced)
     */
    public AdminRoutes(ServiceRouter router, EmulatorClock clock, EventTrail trail, Supplier<LambdaService> lambda,
                       ApiFaults faults, List<String> features, Supplier<List<Decision>> denials) {
        this.router = router;
        this.clock = clock;
        this.trail = trail;
        this.lambda = lambda;
        this.faults = new FaultRoutes(router, faults, lambda);
        this.features = List.copyOf(features);
        this.denials = denials;
    }

    public HttpResponse handle(HttpRequest r) {
        String path = r.rawPath();
        String m = r.method();
        String route = path.substring(PREFIX.length());
        if (route.equals(FaultRoutes.ROUTE)) {
            try {
                return faults.handle(r);
            } catch (IllegalArgumentException e) {
                return error(400, e.getMessage());
            }
        }
        String allowed = switch (route) {
            case "health", "clock", "trail", "trail/last", "settled", "permissions" -> "GET";
            case "clock/advance", "clock/freeze", "clock/unfreeze", "settle" -> "POST";
            default -> route.startsWith(LAMBDA_CODE) ? "GET" : null;
        };
        if (allowed == null) {
            return error(404, "no admin route " + path + " (try GET " + PREFIX + "health)");
        }
        if (!allowed.equals(m)) {
            return error(405, path + " answers " + allowed + ", not " + m).header("Allow", allowed);
        }
        try {
            return switch (route) {
                case "health" -> health();
                case "clock" -> ok(clockJson());
                case "clock/advance" -> advance(r);
                case "clock/freeze" -> {
                    clock.freeze();
                    yield ok(clockJson());
                }
                case "clock/unfreeze" -> {
                    clock.unfreeze();
                    yield ok(clockJson());
                }
                case "trail" -> trail(r);
                case "trail/last" -> ok(Json.MAPPER.createObjectNode().put("seq", trail.lastSeq()));
                case "settled" -> ok(settledJson(clock.activity().pending()));
                case "settle" -> settle(r);
                case "permissions" -> permissions();
                default -> lambdaCode(route.substring(LAMBDA_CODE.length()));
            };
        } catch (IllegalArgumentException e) {
            return error(400, e.getMessage());
        }
    }

    /** The denials so far and the least-privilege policies that would have allowed them. */
    private HttpResponse permissions() {
        List<Decision> all = denials.get();
        ObjectNode root = Json.MAPPER.createObjectNode();
        ArrayNode list = root.putArray("denials");
        for (Decision d : all) {
            list.addObject().put("principal", d.request().principal().display()).put("action", d.request().action())
                    .put("resource", d.request().resource()).put("message", d.message()).put("fix", d.fix());
        }
        ObjectNode policies = root.putObject("leastPrivilege");
        LeastPrivilege.policies(all).forEach(policies::set);
        return ok(root);
    }

    private HttpResponse health() {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("status", "running");
        ObjectNode services = root.putObject("services");
        for (ServiceBinding b : router.bindings()) {
            services.put(b.name(), "running");
        }
        root.put("region", Account.DEFAULT_REGION);
        root.put("account", Account.ID);
        ArrayNode f = root.putArray("features");
        features.forEach(f::add);
        return ok(root);
    }

    private ObjectNode clockJson() {
        ObjectNode n = Json.MAPPER.createObjectNode();
        long millis = clock.millis(); // read once: now and epochMillis must agree
        n.put("now", java.time.Instant.ofEpochMilli(millis).toString());
        n.put("epochMillis", millis);
        n.put("offsetSeconds", clock.offset().toMillis() / 1000.0);
        n.put("frozen", clock.frozen());
        return n;
    }

    /** Moves the clock; every task that falls due has run when the answer is sent. */
    private HttpResponse advance(HttpRequest r) {
        clock.advance(seconds(r, "seconds", ADVANCE_USAGE, MAX_ADVANCE_SECONDS));
        return ok(clockJson());
    }

    /** Waits until the emulator is settled, or answers 408 with what is still pending. */
    private HttpResponse settle(HttpRequest r) {
        Duration timeout = seconds(r, "timeoutSeconds", SETTLE_USAGE, MAX_SETTLE_SECONDS);
        try {
            clock.activity().awaitSettled(timeout);
            return ok(settledJson(List.of()));
        } catch (Activity.NotSettledException e) {
            ObjectNode n = settledJson(e.pending());
            n.put("error", e.getMessage());
            return HttpResponse.json(408, n.toString());
        }
    }

    /** The body's number of seconds {@code field}, 0 to {@code max}; IllegalArgumentException with the usage otherwise. */
    private static Duration seconds(HttpRequest r, String field, String usage, long max) {
        JsonNode body;
        try {
            body = Json.MAPPER.readTree(r.body());
        } catch (Exception e) {
            body = null;
        }
        JsonNode seconds = body == null ? null : body.get(field);
        if (seconds == null || !seconds.isNumber()) {
            throw new IllegalArgumentException(usage);
        }
        double s = seconds.doubleValue();
        if (!(s >= 0 && s <= max)) {
            throw new IllegalArgumentException(usage + "; " + field + " must be between 0 and " + max);
        }
        return Duration.ofMillis(Math.round(s * 1000));
    }

    private static ObjectNode settledJson(List<String> pending) {
        ObjectNode n = Json.MAPPER.createObjectNode();
        n.put("settled", pending.isEmpty());
        ArrayNode arr = n.putArray("pending");
        pending.forEach(arr::add);
        return n;
    }

    /** {@code <function>} ({@code $LATEST}) or {@code <function>/<version>}: the zip as uploaded. */
    private HttpResponse lambdaCode(String rest) {
        String[] parts;
        try {
            parts = HttpRequest.decodePath(rest).split("/", -1);
        } catch (MalformedRequestException e) {
            return error(400, e.getMessage());
        }
        if (parts.length > 2) {
            return error(404, "no deployment package at " + PREFIX + LAMBDA_CODE + rest);
        }
        return lambda.get().deploymentPackage(parts[0], parts.length == 2 ? parts[1] : null)
                .map(zip -> new HttpResponse().status(200).body(zip, "application/zip"))
                .orElseGet(() -> error(404, "no function version " + String.join(":", parts)));
    }

    /** Every hop, or with {@code ?since=N} those after sequence number N. */
    private HttpResponse trail(HttpRequest r) {
        String since = r.queryParamIfReadable("since");
        long after;
        try {
            after = since == null ? 0 : Long.parseLong(since);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("since must be a sequence number, got '" + since + "'");
        }
        ArrayNode arr = Json.MAPPER.createArrayNode();
        for (TrailEntry e : since == null ? trail.entries() : trail.since(after)) {
            ObjectNode n = arr.addObject();
            n.put("seq", e.seq());
            n.put("at", e.at().toString());
            n.put("source", e.source());
            n.put("target", e.target());
            n.put("kind", e.kind());
            n.put("summary", e.summary());
            n.put("outcome", e.outcome());
        }
        return ok(arr);
    }

    static HttpResponse ok(JsonNode n) {
        return HttpResponse.json(200, n.toString());
    }

    static HttpResponse error(int status, String message) {
        ObjectNode n = Json.MAPPER.createObjectNode();
        n.put("error", message);
        return HttpResponse.json(status, n.toString());
    }
}
