package io.eventharness.emulator.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.eventharness.emulator.core.Json;
import io.eventharness.emulator.faults.ApiFault;
import io.eventharness.emulator.faults.ApiFaults;
import io.eventharness.emulator.faults.FaultKind;
import io.eventharness.emulator.http.HttpRequest;
import io.eventharness.emulator.http.HttpResponse;
import io.eventharness.emulator.routing.ServiceBinding;
import io.eventharness.emulator.routing.ServiceRouter;
import java.util.List;

/**
 * {@code /_harness/faults}: {@code POST} arms a fault of an AWS API ({@code {"service": "s3", "operation":
 * "PutObject", "error": "throttling", "count": 2}}) and answers it; {@code GET} lists the faults armed;
 * {@code DELETE} disarms them. A service the emulator does not serve, or an operation it does not serve, is a 400
 * naming what it does serve.
 */
final class FaultRoutes {
    static final String ROUTE = "faults";
    private static final String USAGE = "body must be JSON like {\"service\": \"s3\", \"operation\": \"PutObject\", "
            + "\"error\": \"throttling\", \"count\": 2}";

    private final ServiceRouter router;
    private final ApiFaults faults;

    FaultRoutes(ServiceRouter router, ApiFaults faults) {
        this.router = router;
        this.faults = faults;
    }

    HttpResponse handle(HttpRequest r) {
        return switch (r.method()) {
            case "GET" -> AdminRoutes.ok(list());
            case "POST" -> AdminRoutes.ok(json(arm(r)));
            case "DELETE" -> {
                faults.clear();
                yield AdminRoutes.ok(list());
            }
            default -> AdminRoutes.error(405, AdminRoutes.PREFIX + ROUTE + " answers GET, POST and DELETE, not " + r.method())
                    .header("Allow", "GET, POST, DELETE");
        };
    }

    private ApiFault arm(HttpRequest r) {
        JsonNode body;
        try {
            body = Json.MAPPER.readTree(r.body());
        } catch (Exception e) {
            body = null;
        }
        if (body == null || !body.isObject() || !body.path("service").isTextual() || !body.path("operation").isTextual()
                || !body.path("error").isTextual() || !body.path("count").isIntegralNumber()
                || !body.path("count").canConvertToInt()) {
            throw new IllegalArgumentException(USAGE);
        }
        String service = body.get("service").asText();
        String operation = body.get("operation").asText();
        List<ServiceBinding> named = router.bindings().stream().filter(b -> b.name().equals(service)).toList();
        if (named.isEmpty()) {
            throw new IllegalArgumentException("the emulator serves no service \"" + service + "\"; it serves "
                    + router.bindings().stream().map(ServiceBinding::name).distinct().sorted().toList());
        }
        if (named.stream().noneMatch(b -> b.model().operation(operation) != null)) {
            throw new IllegalArgumentException(service + " has no operation \"" + operation + "\" the emulator serves (an "
                    + "operation's name as in its API: PutObject, SendMessage)");
        }
        return faults.arm(service, operation, FaultKind.parse(body.get("error").asText()), body.get("count").intValue());
    }

    private ArrayNode list() {
        ArrayNode a = Json.MAPPER.createArrayNode();
        faults.list().forEach(f -> a.add(json(f)));
        return a;
    }

    private static ObjectNode json(ApiFault f) {
        ObjectNode n = Json.MAPPER.createObjectNode();
        n.put("id", f.id());
        n.put("service", f.service());
        n.put("operation", f.operation());
        n.put("error", f.kind().wireName());
        n.put("remaining", f.remaining());
        n.put("injected", f.injected());
        return n;
    }
}
