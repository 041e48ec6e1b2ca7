package io.eventharness.emulator.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.eventharness.emulator.Emulator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;

/**
 * The Lambda Runtime API as a function's own client can abuse it: a custom runtime ({@code runtime-api-fuzzer}) sends,
 * over one keep-alive connection, the generated malformed requests each event carries (wrong and absurd request ids,
 * unknown routes, wrong methods, garbage, huge and truncated bodies, absurd headers) and answers with what the API
 * answered. Each must be a 4xx, never a 5xx or a hang, and the invocation goes on. Garbage that ends an invocation
 * (an error document that is no JSON, a response too large) fails that invocation alone: the next one is served.
 */
class RuntimeApiCorpusTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String API = "/2018-06-01/runtime/";
    private static final int REQUESTS = 1_000;
    private static final int PER_INVOCATION = 200;

    private static Emulator aws;
    private static LambdaClient lambda;

    @BeforeAll
    static void start() throws IOException {
        aws = Emulator.builder().withDynamicPort().withLambdaSpareSandboxes(false).build().start();
        lambda = LambdaClient.builder().endpointOverride(aws.endpoint()).region(aws.region()).credentialsProvider(aws.credentials())
                .httpClientBuilder(ApacheHttpClient.builder()).build();
        var iam = software.amazon.awssdk.services.iam.IamClient.builder().endpointOverride(aws.endpoint())
                .region(software.amazon.awssdk.regions.Region.AWS_GLOBAL).credentialsProvider(aws.credentials())
                .httpClientBuilder(ApacheHttpClient.builder()).build();
        String role = iam.createRole(b -> b.roleName("fuzzer").assumeRolePolicyDocument(
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"lambda.amazonaws.com\"},"
                        + "\"Action\":\"sts:AssumeRole\"}]}")).role().arn();
        byte[] zip = zip(Files.readAllBytes(Path.of("src/test/resources/lambda/functions/runtime-api-fuzzer/bootstrap")));
        for (String[] fn : new String[][]{{"fuzzer", "30"}, {"fuzzer-short", "3"}}) {
            lambda.createFunction(b -> b.functionName(fn[0]).runtime("provided.al2023").handler("unused").role(role)
                    .timeout(Integer.parseInt(fn[1])).code(c -> c.zipFile(SdkBytes.fromByteArray(zip))));
        }
    }

    @AfterAll
    static void stop() {
        if (aws != null) {
            aws.close();
        }
    }

    /** One request the runtime sends: method, target, headers, body, and how many {@code x} to append. */
    record Raw(String name, String method, String target, Map<String, String> headers, byte[] body, int repeat) {
        ArrayNode json() {
            ArrayNode a = JSON.createArrayNode().add(method).add(target);
            ObjectNode h = a.addObject();
            headers.forEach(h::put);
            return a.add(Base64.getEncoder().encodeToString(body)).add(repeat);
        }
    }

    /** Requests that must each be refused with a 4xx and leave the invocation in flight. */
    static List<Raw> corpus() {
        List<String> ids = List.of("x", "", "{id}x", "X{id}", "..", "{id}/..", "%7Bid%7D", "%C3%A9", "a%20b", "0".repeat(2_000),
                "{id}%00", "%zz", "{id};x=1");
        List<String> tails = List.of("response", "error", "bogus", "", "response/extra", "error/", "RESPONSE");
        List<String> methods = List.of("POST", "GET", "PUT", "DELETE", "PATCH", "OPTIONS");
        Map<String, byte[]> bodies = new LinkedHashMap<>();
        bodies.put("empty", new byte[0]);
        bodies.put("{}", "{}".getBytes(StandardCharsets.UTF_8));
        bodies.put("garbage", garbage(512));
        bodies.put("not UTF-8", new byte[]{'"', (byte) 0xC3, 0x28, '"'});
        bodies.put("nested 10,000 deep", "[".repeat(10_000).getBytes(StandardCharsets.UTF_8));
        List<Map.Entry<String, Map<String, String>>> headers = List.of(
                Map.entry("no headers", Map.of()),
                Map.entry("error type huge", Map.of("Lambda-Runtime-Function-Error-Type", "E".repeat(4_000))),
                Map.entry("error type not ASCII", Map.of("Lambda-Runtime-Function-Error-Type", "été")),
                Map.entry("content type odd", Map.of("Content-Type", "application/x-bogus; charset=nope")),
                Map.entry("a header of 7 KB", Map.of("X-Bogus", "b".repeat(7_000))),
                Map.entry("a header of 20 KB", Map.of("X-Bogus", "b".repeat(20_000))),
                Map.entry("content length not a number", Map.of("Content-Length", "many")),
                Map.entry("content length negative", Map.of("Content-Length", "-1")),
                Map.entry("chunked, but not", Map.of("Transfer-Encoding", "chunked")),
                Map.entry("trace context garbage", Map.of("Lambda-Runtime-Function-XRay-Error-Cause", "{{{")));
        List<Raw> all = new ArrayList<>();
        for (String id : ids) {
            for (String tail : tails) {
                for (String method : methods) {
                    for (Map.Entry<String, byte[]> body : bodies.entrySet()) {
                        for (Map.Entry<String, Map<String, String>> h : headers) {
                            String target = API + "invocation/" + id + (tail.isEmpty() ? "" : "/" + tail);
                            all.add(new Raw(method + " " + target + " (" + body.getKey() + ", " + h.getKey() + ")", method, target,
                                    h.getValue(), body.getValue(), 0));
                        }
                    }
                }
            }
        }
        Random random = new Random(CorpusRun.SEED);
        Collections.shuffle(all, random);
        List<Raw> out = new ArrayList<>(all.subList(0, REQUESTS - 40));
        // the rest of the API, wrong: its other routes, another version, nothing at all, bodies over 6 MB to a wrong id
        for (String method : List.of("POST", "PUT", "DELETE", "PATCH")) {
            out.add(new Raw(method + " next", method, API + "invocation/next", Map.of(), new byte[0], 0));
        }
        for (String method : List.of("GET", "PUT", "DELETE")) {
            out.add(new Raw(method + " init/error", method, API + "init/error", Map.of(), new byte[0], 0));
        }
        out.add(new Raw("init/error during an invocation", "POST", API + "init/error", Map.of(), "{}".getBytes(StandardCharsets.UTF_8), 0));
        for (String target : List.of("/", "/2018-06-01/runtime", "/2018-06-01/runtime/", "/2099-01-01/runtime/invocation/next",
                "/2018-06-01/runtime/invocation", "/2018-06-01/runtime/invocation/", "/_harness/health", "/2018-06-01/runtime/bogus",
                "/2018-06-01/runtime/invocation/{id}", "/2018-06-01/runtime/invocation//response", "*", "/..%2F..%2Fetc/passwd")) {
            for (String method : List.of("GET", "POST")) {
                out.add(new Raw(method + " " + target, method, target, Map.of(), new byte[0], 0));
            }
        }
        for (int i = 0; i < 4; i++) {
            out.add(new Raw("7 MB to a wrong id #" + i, "POST", API + "invocation/x/response", Map.of(), new byte[0], 7 << 20));
        }
        out.add(new Raw("7 MB error to a wrong id", "POST", API + "invocation/x/error", Map.of(), new byte[0], 7 << 20));
        while (out.size() < REQUESTS) {
            out.add(new Raw("unknown route #" + out.size(), "GET", API + "bogus/" + out.size(), Map.of(), new byte[0], 0));
        }
        return out;
    }

    @Test
    void garbageFromTheRuntimeIsRefusedAndTheInvocationGoesOn() throws IOException {
        List<Raw> corpus = corpus();
        List<String> failures = new ArrayList<>();
        int refused = 0;
        long start = System.nanoTime();
        for (int from = 0; from < corpus.size(); from += PER_INVOCATION) {
            List<Raw> batch = corpus.subList(from, Math.min(corpus.size(), from + PER_INVOCATION));
            InvokeResponse r = invoke("fuzzer", batch, "respond");
            assertThat(r.functionError()).as("the invocation goes on: %s", lenient(r)).isNull();
            JsonNode results = JSON.readTree(r.payload().asByteArray()).get("results");
            assertThat(results).hasSize(batch.size());
            for (int i = 0; i < batch.size(); i++) {
                int status = results.get(i).get(0).asInt();
                if (status < 400 || status > 499) {
                    failures.add((from + i) + " " + batch.get(i).name() + ": " + status + " " + results.get(i).get(1).asText());
                } else {
                    refused++;
                }
            }
        }
        System.out.printf(Locale.ROOT, "[corpus] Lambda Runtime API: %,d generated malformed requests tried over the runtime's "
                        + "keep-alive connection in %.1f s: %,d refused with a 4xx, %d failed; seed %#x%n", corpus.size(),
                (System.nanoTime() - start) / 1e9, refused, failures.size(), CorpusRun.SEED);
        assertThat(failures).isEmpty();
    }

    @Test
    void garbageThatEndsAnInvocationFailsThatOneAlone() throws IOException {
        byte[] notJson = garbage(300);
        Map<String, Raw> endings = new LinkedHashMap<>();
        endings.put("an error that is no JSON", new Raw("", "POST", API + "invocation/{id}/error", Map.of(), notJson, 0));
        endings.put("an error that is not UTF-8", new Raw("", "POST", API + "invocation/{id}/error", Map.of(),
                new byte[]{'{', '"', (byte) 0xC3, 0x28, '"', '}'}, 0));
        endings.put("an empty error", new Raw("", "POST", API + "invocation/{id}/error", Map.of(), new byte[0], 0));
        endings.put("an error of a huge type", new Raw("", "POST", API + "invocation/{id}/error",
                Map.of("Lambda-Runtime-Function-Error-Type", "T".repeat(6_000)), "{}".getBytes(StandardCharsets.UTF_8), 0));
        endings.put("a response over 6 MB", new Raw("", "POST", API + "invocation/{id}/response", Map.of(), new byte[0], 7 << 20));
        for (Map.Entry<String, Raw> e : endings.entrySet()) {
            InvokeResponse r = invoke("fuzzer", List.of(e.getValue()), "stop");
            assertThat(r.functionError()).as("%s fails the invocation: %s", e.getKey(), lenient(r)).isNotNull();
            assertThat(invoke("fuzzer", List.of(), "respond").functionError()).as("after %s", e.getKey()).isNull();
        }
        // a response that never arrives whole: the invocation times out, the sandbox is replaced
        InvokeResponse cut = invoke("fuzzer-short", List.of(new Raw("", "POST", API + "invocation/{id}/response",
                Map.of("Content-Length", "100"), "{\"a\":".getBytes(StandardCharsets.UTF_8), 0)), "stop");
        assertThat(cut.functionError()).isNotNull();
        assertThat(cut.payload().asUtf8String()).contains("Task timed out");
        assertThat(invoke("fuzzer-short", List.of(), "respond").functionError()).isNull();
    }

    private static InvokeResponse invoke(String function, List<Raw> requests, String then) {
        ObjectNode order = JSON.createObjectNode();
        ArrayNode a = order.putArray("requests");
        requests.forEach(r -> a.add(r.json()));
        order.put("then", then);
        return lambda.invoke(b -> b.functionName(function).payload(SdkBytes.fromUtf8String(order.toString())));
    }

    /** The payload as text, whatever bytes the runtime posted (an error that is no UTF-8 is passed on as it is). */
    private static String lenient(InvokeResponse r) {
        return new String(r.payload().asByteArray(), StandardCharsets.UTF_8);
    }

    private static byte[] garbage(int n) {
        byte[] b = new byte[n];
        new Random(n).nextBytes(b);
        b[0] = (byte) 0xFF;
        return b;
    }

    private static byte[] zip(byte[] bootstrap) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            z.putNextEntry(new ZipEntry("bootstrap"));
            z.write(bootstrap);
            z.closeEntry();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
