package io.eventharness.emulator.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.eventharness.emulator.Emulator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The emulator's own endpoints ({@code /_harness/...}) given generated malformed requests over one keep-alive
 * connection: every route with every method, bodies of the wrong shape (wrong types, out of range, huge, truncated,
 * garbage, nested), bad query strings and paths, absurd headers. Each answer is a 2xx (the request was valid after
 * all: a freeze ignores its body) or a 4xx with {@code {"error": "..."}}, never a 5xx or a hang. It runs on an
 * emulator of its own: the valid ones move and freeze its clock.
 */
class AdminCorpusTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Emulator aws;

    @BeforeAll
    static void start() {
        aws = Emulator.builder().withDynamicPort().withLambdaSpareSandboxes(false).build().start();
    }

    @AfterAll
    static void stop() {
        if (aws != null) {
            aws.close();
        }
    }

    static List<Mutant> corpus() {
        List<String> routes = List.of("health", "clock", "trail", "trail/last", "settled", "clock/advance", "clock/freeze",
                "clock/unfreeze", "settle", "lambda/code/no-such-function", "lambda/code/f/1/2", "lambda/code/", "bogus", "",
                "health/extra", "/health", "trail?since=abc", "trail?since=-1", "trail?since=99999999999999999999",
                "trail?since=%zz", "lambda/code/%C3%28", "lambda/code/" + "f".repeat(5_000), "clock/advance/..", "faults", "faults/1");
        Map<String, String> bodies = new LinkedHashMap<>();
        bodies.put("no body", "");
        bodies.put("seconds a string", "{\"seconds\":\"60\"}");
        bodies.put("seconds negative", "{\"seconds\":-1}");
        bodies.put("seconds 1e400", "{\"seconds\":1e400}");
        bodies.put("seconds beyond a century", "{\"seconds\":99999999999999}");
        bodies.put("seconds null", "{\"seconds\":null}");
        bodies.put("seconds a list", "{\"seconds\":[1]}");
        bodies.put("timeoutSeconds beyond ten minutes", "{\"timeoutSeconds\":601}");
        bodies.put("timeoutSeconds a fraction", "{\"timeoutSeconds\":0.001}");
        bodies.put("document a list", "[1]");
        bodies.put("truncated", "{\"seconds\":");
        bodies.put("nested 10,000 deep", "[".repeat(10_000));
        bodies.put("not UTF-8", "{\"seconds\":\"\u00c3(\"}");
        bodies.put("huge", "{\"seconds\":1,\"x\":\"" + "x".repeat(200_000) + "\"}");
        bodies.put("garbage", new String(garbage(300), StandardCharsets.ISO_8859_1));
        bodies.put("fault of no service", "{\"service\":\"ec2\",\"operation\":\"RunInstances\",\"error\":\"throttling\",\"count\":1}");
        bodies.put("fault count huge", "{\"service\":\"s3\",\"operation\":\"PutObject\",\"error\":\"throttling\",\"count\":1e12}");
        bodies.put("fault count a string", "{\"service\":\"s3\",\"operation\":\"PutObject\",\"error\":\"throttling\",\"count\":\"2\"}");
        bodies.put("fault error a list", "{\"service\":\"s3\",\"operation\":\"PutObject\",\"error\":[1],\"count\":2}");
        List<String> methods = List.of("GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS");
        List<Mutant> out = new ArrayList<>();
        for (String route : routes) {
            for (String method : methods) {
                for (Map.Entry<String, String> b : bodies.entrySet()) {
                    if (method.equals("GET") && !b.getKey().equals("no body") && out.size() % 3 != 0) {
                        continue; // a few GETs with bodies are enough
                    }
                    Map<String, String> h = new LinkedHashMap<>();
                    h.put("Content-Type", "application/json");
                    out.add(Mutant.any("admin " + method + " /_harness/" + route + " (" + b.getKey() + ")",
                            new WireCapture.Wire(method, "/_harness/" + route, h, b.getValue().getBytes(StandardCharsets.ISO_8859_1))));
                }
            }
        }
        for (String route : routes) {
            out.add(Mutant.any("admin GET /_harness/" + route + " (a header of 40 KB)", new WireCapture.Wire("GET", "/_harness/" + route,
                    Map.of("X-Bogus", "b".repeat(40_000)), new byte[0])));
            out.add(Mutant.any("admin POST /_harness/" + route + " (form body)", new WireCapture.Wire("POST", "/_harness/" + route,
                    Map.of("Content-Type", "application/x-www-form-urlencoded"), "seconds=60".getBytes(StandardCharsets.UTF_8))));
        }
        return out;
    }

    @Test
    void everyAnswerIsJsonAndNeverA5xx() throws IOException {
        List<Mutant> corpus = corpus();
        List<String> failures = new ArrayList<>();
        int refused = 0;
        int accepted = 0;
        long start = System.nanoTime();
        try (KeepAlive connection = new KeepAlive(aws.endpoint().getHost(), aws.port(), (int) Corpus.DEADLINE.toMillis())) {
            for (int i = 0; i < corpus.size(); i++) {
                Mutant m = corpus.get(i);
                RawHttp.Answer a;
                try {
                    a = connection.send(m.wire().method(), m.wire().target(), m.wire().headers(), m.wire().body());
                } catch (IOException e) {
                    failures.add(i + " " + m + ": no answer (" + e.getMessage() + ")");
                    continue;
                }
                String why = judge(a);
                if (why != null) {
                    failures.add(i + " " + m + ": " + why);
                } else if (a.status() >= 400) {
                    refused++;
                } else {
                    accepted++;
                }
            }
            System.out.printf(Locale.ROOT, "[corpus] admin (/_harness/): %,d generated malformed requests tried over %d keep-alive "
                            + "connection(s) in %.1f s: %,d refused with a 4xx, %,d accepted, %d failed%n", corpus.size(),
                    connection.connections(), (System.nanoTime() - start) / 1e9, refused, accepted, failures.size());
        }
        assertThat(corpus).hasSizeGreaterThanOrEqualTo(1_000);
        assertThat(failures).isEmpty();
        assertThat(aws.clock().millis()).isPositive();
    }

    /** Null when the answer is a 2xx, or a 4xx with the admin routes' {@code {"error": "..."}}. */
    private static String judge(RawHttp.Answer a) {
        String shown = new String(a.body(), 0, Math.min(300, a.body().length), StandardCharsets.UTF_8);
        if (a.status() >= 500) {
            return "status " + a.status() + ": " + shown;
        }
        if (a.status() < 400 || a.status() == 431 || a.status() == 414) {
            return null; // the HTTP layer's own refusals of a header or target too large carry no admin body
        }
        try {
            JsonNode n = JSON.readTree(a.body());
            if (n == null || !n.path("error").isTextual()) {
                return "status " + a.status() + " without {\"error\": ...}: " + shown;
            }
        } catch (IOException e) {
            return "status " + a.status() + ", not JSON: " + shown;
        }
        return null;
    }

    private static byte[] garbage(int n) {
        byte[] b = new byte[n];
        new Random(n).nextBytes(b);
        return b;
    }
}
