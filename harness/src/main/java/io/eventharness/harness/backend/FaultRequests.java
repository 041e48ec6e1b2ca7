package io.eventharness.harness.backend;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The emulator's {@code /_harness/faults} over HTTP, for the embedded backend and an emulator at an endpoint. */
final class FaultRequests {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private FaultRequests() {
    }

    /** {@code POST /_harness/faults}; IllegalArgumentException with the emulator's reason when it refuses. */
    static void arm(URI endpoint, String service, String operation, String error, int count) {
        String body = "{\"service\":" + quoted(service) + ",\"operation\":" + quoted(operation) + ",\"error\":" + quoted(error)
                + ",\"count\":" + count + "}";
        post(endpoint, service + ":" + operation, body);
    }

    private static void post(URI endpoint, String what, String body) {
        HttpResponse<String> r = send(endpoint, HttpRequest.newBuilder(faults(endpoint))
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        if (r.statusCode() == 400) {
            throw new IllegalArgumentException("the emulator refused the fault of " + what + ": " + r.body());
        }
        if (r.statusCode() != 200) {
            throw new IllegalStateException("the emulator at " + endpoint + " did not arm the fault: " + r.statusCode() + " "
                    + r.body());
        }
    }

    /** {@code POST /_harness/faults} for a function; IllegalArgumentException with the emulator's reason when it refuses. */
    static void armFunction(URI endpoint, String function, String errorType, String errorMessage, int count) {
        post(endpoint, function, "{\"function\":" + quoted(function) + ",\"errorType\":" + quoted(errorType) + ",\"errorMessage\":"
                + quoted(errorMessage) + ",\"count\":" + count + "}");
    }

    /** {@code GET /_harness/faults}: the calls of the operation (a null service: the invocations of the function) its faults answered. */
    static int injected(URI endpoint, String service, String operation) {
        HttpResponse<String> r = send(endpoint, HttpRequest.newBuilder(faults(endpoint)).GET());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("the emulator at " + endpoint + " did not list its faults: " + r.statusCode() + " "
                    + r.body());
        }
        int n = 0;
        try {
            for (JsonNode f : new ObjectMapper().readTree(r.body())) {
                boolean function = service == null && f.path("function").asText().equals(operation);
                if (function || (f.path("service").asText().equals(service) && f.path("operation").asText().equals(operation))) {
                    n += f.path("injected").asInt();
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("the emulator at " + endpoint + " listed its faults in no JSON: " + r.body(), e);
        }
        return n;
    }

    /** {@code DELETE /_harness/faults}. */
    static void clear(URI endpoint) {
        HttpResponse<String> r = send(endpoint, HttpRequest.newBuilder(faults(endpoint)).DELETE());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("the emulator at " + endpoint + " did not clear its faults: " + r.statusCode() + " "
                    + r.body());
        }
    }

    private static URI faults(URI endpoint) {
        return endpoint.resolve("/_harness/faults");
    }

    private static String quoted(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.append('"').toString();
    }

    private static HttpResponse<String> send(URI endpoint, HttpRequest.Builder request) {
        try {
            return HTTP.send(request.timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json").build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("the emulator at " + endpoint + " does not answer: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while asking the emulator at " + endpoint, e);
        }
    }
}
