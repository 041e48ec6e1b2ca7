package io.eventharness.emulator.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.eventharness.emulator.core.EmulatorClock;
import io.eventharness.emulator.delivery.EventTrail;
import io.eventharness.emulator.delivery.TrailEntry;
import io.eventharness.emulator.http.HttpRequest;
import io.eventharness.emulator.http.HttpResponse;
import io.eventharness.emulator.routing.ServiceBinding;
import io.eventharness.emulator.routing.ServiceRouter;
import java.time.Duration;

/**
 * The emulator's own endpoints, under {@code /_harness/}:
 * <ul>
 *   <li>{@code GET /_harness/health} — the services and their state;</li>
 *   <li>{@code GET /_harness/clock} — the emulated time;</li>
 *   <li>{@code POST /_harness/clock/advance} with {@code {"seconds": N}} — moves the clock, firing what falls due;</li>
 *   <li>{@code GET /_harness/trail} — the event trail.</li>
 * </ul>
 */
public final class AdminRoutes {
    public static final String PREFIX = "/_harness/";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ServiceRouter router;
    private final EmulatorClock clock;
    private final EventTrail trail;

    public AdminRoutes(ServiceRouter router, EmulatorClock clock, EventTrail trail) {
        this.router = router;
        this.clock = clock;
        this.trail = trail;
    }

    public HttpResponse handle(HttpRequest r) {
        String path = r.rawPath();
        String m = r.method();
        try {
            if (path.equals(PREFIX + "health") && m.equals("GET")) {
                return health();
            } else if (path.equals(PREFIX + "clock") && m.equals("GET")) {
                return ok(clockJson());
            } else if (path.equals(PREFIX + "clock/advance") && m.equals("POST")) {
                return advance(r);
            } else if (path.equals(PREFIX + "trail") && m.equals("GET")) {
                return trail();
            }
            return error(404, "no admin route " + m + " " + path);
        } catch (IllegalArgumentException e) {
            return error(400, e.getMessage());
        }
    }

    private HttpResponse health() {
        ObjectNode root = JSON.createObjectNode();
        root.put("status", "running");
        ObjectNode services = root.putObject("services");
        for (ServiceBinding b : router.bindings()) {
            services.put(b.name(), "running");
        }
        return ok(root);
    }

    private ObjectNode clockJson() {
        ObjectNode n = JSON.createObjectNode();
        n.put("now", clock.now().toString());
        n.put("epochMillis", clock.millis());
        n.put("offsetSeconds", clock.offset().toMillis() / 1000.0);
        return n;
    }

    private HttpResponse advance(HttpRequest r) {
        JsonNode body;
        try {
            body = JSON.readTree(r.body());
        } catch (Exception e) {
            throw new IllegalArgumentException("body must be JSON like {\"seconds\": 60}");
        }
        if (body == null || !body.path("seconds").isNumber() || body.path("seconds").doubleValue() < 0) {
            throw new IllegalArgumentException("body must be JSON like {\"seconds\": 60} with seconds >= 0");
        }
        long millis = Math.round(body.path("seconds").doubleValue() * 1000);
        clock.advance(Duration.ofMillis(millis));
        return ok(clockJson());
    }

    private HttpResponse trail() {
        ArrayNode arr = JSON.createArrayNode();
        for (TrailEntry e : trail.entries()) {
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

    private static HttpResponse ok(JsonNode n) {
        return HttpResponse.json(200, n.toString());
    }

    private static HttpResponse error(int status, String message) {
        ObjectNode n = JSON.createObjectNode();
        n.put("error", message);
        return HttpResponse.json(status, n.toString());
    }
}
