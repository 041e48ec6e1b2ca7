package io.eventharness.emulator.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.eventharness.emulator.core.Account;
import io.eventharness.emulator.core.Arn;
import io.eventharness.emulator.core.Json;
import io.eventharness.emulator.faults.ApiFault;
import io.eventharness.emulator.faults.ApiFaults;
import io.eventharness.emulator.faults.FaultKind;
import io.eventharness.emulator.faults.FunctionFault;
import io.eventharness.emulator.http.HttpRequest;
import io.eventharness.emulator.http.HttpResponse;
import io.eventharness.emulator.lambda.LambdaService;
import io.eventharness.emulator.routing.ServiceBinding;
import io.eventharness.emulator.routing.ServiceRouter;
import java.util.List;
import java.util.function.Supplier;

/**
 * {@code /_harness/faults}: {@code POST} arms a fault of an AWS API ({@code {"service": "s3", "operation":
 * "PutObject", "error": "throttling", "count": 2}}) or of a function ({@code {"function": "thumbnailer", "errorType":
 * "ImageError", "errorMessage": "corrupt", "count": 1}}: its next invocation fails so, its code not run) and answers
 * it; {@code GET} lists the faults armed; {@code DELETE} disarms them. A service, operation or function the emulator
 * does not have is a 400 saying so.
 */
final class FaultRoutes {
    static final String ROUTE = "faults";
    private static final String USAGE = "body must be JSON like {\"service\": \"s3\", \"operation\": \"PutObject\", "
            + "\"error\": \"throttling\", \"count\": 2}";

    private static final String FUNCTION_USAGE = "body must be JSON like {\"function\": \"thumbnailer\", \"errorType\": "
            + "\"ImageError\", \"errorMessage\": \"corrupt\", \"count\": 1}";

    private final ServiceRouter router;
    private final ApiFaults faults;
    private final Supplier<LambdaService> lambda;

    FaultRoutes(ServiceRouter router, ApiFaults faults, Supplier<LambdaService> lambda) {
        this.router = router;
        this.faults = faults;
        this.lambda = lambda;
    }

    HttpResponse handle(HttpRequest r) {
        return switch (r.method()) {
            case "GET" -> AdminRoutes.ok(list());
            case "POST" -> AdminRoutes.ok(armed(body(r)));
            case "DELETE" -> {
                faults.clear();
                yield AdminRoutes.ok(list());
            }
            default -> AdminRoutes.error(405, AdminRoutes.PREFIX + ROUTE + " answers GET, POST and DELETE, not " + r.method())
                    .header("Allow", "GET, POST, DELETE");
        };
    }

    private static JsonNode body(HttpRequest r) {
        try {
            return Json.MAPPER.readTree(r.body());
        } catch (Exception e) {
            return null;
        }
    }

    private ObjectNode armed(JsonNode body) {
        if (body != null && body.has("function")) {
            return json(armFunction(body));
        }
        return json(arm(body));
    }

    private FunctionFault armFunction(JsonNode body) {
        if (!body.path("function").isTextual() || !body.path("errorType").isTextual() || !body.path("errorMessage").isTextual()
                || !body.path("count").isIntegralNumber() || !body.path("count").canConvertToInt()) {
            throw new IllegalArgumentException(FUNCTION_USAGE);
        }
        String function = body.get("function").asText();
        if (function.isEmpty() || function.contains(":") || !lambda.get().functionExists(Arn.of("lambda", Account.DEFAULT_REGION,
                "function:" + function))) {
            throw new IllegalArgumentException("there is no function \"" + function + "\" (a function's name, as CreateFunction "
                    + "gave it)");
        }
        return faults.armInvocations(function, body.get("errorType").asText(), body.get("errorMessage").asText(),
                body.get("count").intValue());
    }

    private ApiFault arm(JsonNode body) {
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
        faults.functionFaults().forEach(f -> a.add(json(f)));
        return a;
    }

    private static ObjectNode json(FunctionFault f) {
        ObjectNode n = Json.MAPPER.createObjectNode();
        n.put("id", f.id());
        n.put("function", f.function());
        n.put("errorType", f.errorType());
        n.put("errorMessage", f.errorMessage());
        n.put("remaining", f.remaining());
        n.put("injected", f.injected());
        return n;
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
