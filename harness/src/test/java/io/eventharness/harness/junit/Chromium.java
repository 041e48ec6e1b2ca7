package io.eventharness.harness.junit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's headless Chromium, driven over the Chrome DevTools Protocol with the JDK's own WebSocket client: open a
 * page, evaluate JavaScript in it after its scripts ran (layout, clicks, what is visible), take a screenshot. One
 * browser per instance, with a profile of its own in a temporary folder, on a loopback port it picks itself.
 *
 * <p>A missing {@code chromium} fails the test with the install hint (it is part of the contract: the report is checked
 * as a person sees it), unless {@code -Deventharness.skipBrowserTests=true} skips it. {@code -Deventharness.chromium=PATH}
 * names another binary.
 */
final class Chromium implements AutoCloseable {
    static final String SKIP_PROPERTY = "eventharness.skipBrowserTests";
    private static final Pattern LISTENING = Pattern.compile("DevTools listening on (ws://\\S+)");
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final Path profile;
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> answers = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<JsonNode>> events = new ConcurrentHashMap<>();

    private Chromium(Process process, Path profile, WebSocket.Builder ws, URI page) throws Exception {
        this.process = process;
        this.profile = profile;
        this.socket = ws.buildAsync(page, new Listener()).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    }

    /** The browser: {@code -Deventharness.chromium}, else {@code chromium} on PATH or in {@code /usr/bin}; or a failed (or aborted) test. */
    static Path binary() {
        String named = System.getProperty("eventharness.chromium");
        Optional<Path> found = named != null && !named.isBlank() ? Optional.of(Path.of(named)).filter(Files::isExecutable)
                : Stream.concat(Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)), Stream.of("/usr/bin"))
                        .filter(d -> !d.isEmpty()).map(d -> Path.of(d, "chromium")).filter(Files::isExecutable).findFirst();
        if (found.isEmpty()) {
            String what = named != null && !named.isBlank() ? "-Deventharness.chromium=" + named + " is not an executable"
                    : "chromium (headless, to check the HTML report as a browser renders it) is missing";
            Assumptions.assumeFalse(Boolean.getBoolean(SKIP_PROPERTY), what + "; skipped (" + SKIP_PROPERTY + "=true)");
            Assertions.fail(what + ": install it as .ci/run does (apt-get install -y --no-install-recommends chromium), "
                    + "or skip these tests with -D" + SKIP_PROPERTY + "=true");
        }
        return found.get();
    }

    /** Starts a headless browser with a blank page, {@code width} × {@code height} CSS pixels. */
    static Chromium start(int width, int height) throws Exception {
        Path binary = binary();
        Path profile = Files.createTempDirectory("eventharness-chromium-");
        Process p = new ProcessBuilder(binary.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--no-first-run", "--user-data-dir=" + profile,
                "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0", "--window-size=" + width + "," + height,
                "--hide-scrollbars", "about:blank").redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            URI browser = listening(p);
            HttpClient http = HttpClient.newHttpClient();
            URI list = URI.create("http://" + browser.getAuthority() + "/json/list");
            JsonNode targets = JSON.readTree(http.send(HttpRequest.newBuilder(list).timeout(TIMEOUT).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
            URI page = null;
            for (JsonNode t : targets) {
                if ("page".equals(t.path("type").asText())) {
                    page = URI.create(t.path("webSocketDebuggerUrl").asText());
                }
            }
            if (page == null) {
                throw new IllegalStateException("chromium shows no page: " + targets);
            }
            Chromium c = new Chromium(p, profile, http.newWebSocketBuilder(), page);
            c.send("Page.enable", JSON.createObjectNode());
            c.send("Runtime.enable", JSON.createObjectNode());
            c.send("Emulation.setDeviceMetricsOverride", JSON.createObjectNode().put("width", width).put("height", height)
                    .put("deviceScaleFactor", 1).put("mobile", false));
            return c;
        } catch (Exception | Error e) {
            p.destroyForcibly();
            deleteTree(profile);
            throw e;
        }
    }

    /** Reads stderr until the browser says where DevTools listen, then drains the rest on a thread of its own. */
    private static URI listening(Process p) throws Exception {
        BufferedReader err = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8));
        CompletableFuture<URI> found = new CompletableFuture<>();
        List<String> seen = new ArrayList<>();
        Thread drain = new Thread(() -> {
            try {
                for (String line; (line = err.readLine()) != null; ) {
                    Matcher m = LISTENING.matcher(line);
                    if (m.find()) {
                        found.complete(URI.create(m.group(1)));
                    } else if (!found.isDone()) {
                        seen.add(line);
                    }
                }
            } catch (IOException ignored) {
                // the browser has gone
            }
            found.completeExceptionally(new IllegalStateException("chromium exited without DevTools listening: " + seen));
        }, "chromium-stderr");
        drain.setDaemon(true);
        drain.start();
        return found.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    }

    /** Opens a page and returns once it has loaded (its inline scripts have run). */
    void open(URI url) throws Exception {
        CompletableFuture<JsonNode> loaded = new CompletableFuture<>();
        events.put("Page.loadEventFired", loaded);
        send("Page.navigate", JSON.createObjectNode().put("url", url.toString()));
        loaded.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    }

    /** The value of a JavaScript expression in the page (a promise is awaited), as JSON. */
    JsonNode eval(String expression) throws Exception {
        JsonNode r = send("Runtime.evaluate", JSON.createObjectNode().put("expression", expression).put("returnByValue", true)
                .put("awaitPromise", true));
        if (r.has("exceptionDetails")) {
            throw new AssertionError("the page threw evaluating " + expression + ": " + r.path("exceptionDetails"));
        }
        return r.path("result").path("value");
    }

    /** A PNG of the viewport as it is now. */
    byte[] screenshot() throws Exception {
        return Base64.getDecoder().decode(send("Page.captureScreenshot", JSON.createObjectNode().put("format", "png"))
                .path("data").asText());
    }

    private JsonNode send(String method, ObjectNode params) throws Exception {
        int id = ids.incrementAndGet();
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        answers.put(id, answer);
        ObjectNode call = JSON.createObjectNode().put("id", id).put("method", method);
        call.set("params", params);
        socket.sendText(JSON.writeValueAsString(call), true).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        try {
            JsonNode a = answer.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            if (a.has("error")) {
                throw new IllegalStateException(method + " failed: " + a.path("error"));
            }
            return a.path("result");
        } catch (TimeoutException e) {
            throw new IllegalStateException("chromium did not answer " + method + " within " + TIMEOUT, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(method + ": " + e.getCause(), e.getCause());
        }
    }

    /** Collects each text message (it may come in parts) and hands it to the call it answers or the event awaited. */
    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String message = partial.toString();
                partial.setLength(0);
                try {
                    JsonNode m = JSON.readTree(message);
                    if (m.has("id")) {
                        CompletableFuture<JsonNode> f = answers.remove(m.path("id").asInt());
                        if (f != null) {
                            f.complete(m);
                        }
                    } else {
                        CompletableFuture<JsonNode> f = events.remove(m.path("method").asText());
                        if (f != null) {
                            f.complete(m.path("params"));
                        }
                    }
                } catch (IOException e) {
                    // not JSON: nothing of ours
                }
            }
            ws.request(1);
            return null;
        }
    }

    @Override
    public void close() throws Exception {
        try {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(5, TimeUnit.SECONDS);
        } catch (Exception ignored) {
            // the browser goes anyway
        }
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        deleteTree(profile);
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
