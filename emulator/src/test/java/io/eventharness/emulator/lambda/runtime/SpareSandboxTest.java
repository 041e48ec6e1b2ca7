package io.eventharness.emulator.lambda.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.eventharness.emulator.core.EmulatorClock;
import io.eventharness.emulator.core.Ids;
import io.eventharness.emulator.lambda.runtime.fixtures.InitProbeHandler;
import io.eventharness.emulator.lambda.runtime.fixtures.ProbeHandler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Spare sandboxes: the first cold start of a function takes the one prepared with its runner, and is still a
 * cold start in every way a function or its log can tell; a spare that cannot be used leaves a normal cold start.
 */
class SpareSandboxTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String IMPORTED = "init_probe: imported";
    @TempDir(factory = Functions.SharedWithSandboxes.class)
    static Path dir;
    private static EmulatorClock clock;
    private static Functions.RecordingSink sink;
    private static LambdaEngine engine;
    private static LambdaEngine withoutSpares;
    private static Path pythonRoot;
    private static Path javaRoot;

    @BeforeAll
    static void start() throws Exception {
        clock = new EmulatorClock();
        sink = new Functions.RecordingSink();
        engine = LambdaEngine.builder(clock).logSink(sink).build();
        withoutSpares = LambdaEngine.builder(clock).spareSandboxes(false).build();
        pythonRoot = Files.createDirectories(dir.resolve("python"));
        Files.writeString(pythonRoot.resolve("init_probe.py"), String.join("\n",
                "import os", "import time", "print(\"" + IMPORTED + "\")", "imported_at = time.time()", "",
                "def handler(event, context):",
                "    return {\"initialisedAt\": int(imported_at * 1000), \"pid\": os.getpid(),",
                "            \"logStreamName\": context.log_stream_name}", ""));
        javaRoot = Functions.javaTaskRoot(dir, InitProbeHandler.class, ProbeHandler.class);
    }

    @AfterAll
    static void stop() {
        engine.close();
        withoutSpares.close();
        clock.close();
    }

    private static FunctionConfig config(String runtime, String pythonHandler, String javaHandler, Path pythonCode) {
        boolean java = runtime.startsWith("java");
        return FunctionConfig.builder("spare-" + Ids.hex(4)).runtime(runtime).handler(java ? javaHandler : pythonHandler)
                .codeDirectory(java ? javaRoot : pythonCode).memoryMb(256).timeoutSeconds(30)
                .environment("GREETING", "hello").build();
    }

    private static JsonNode json(InvocationResult r) throws Exception {
        assertThat(r.isError()).as(r.payloadUtf8()).isFalse();
        return JSON.readTree(r.payload());
    }

    private static long readySpare(FunctionRunner fn) throws Exception {
        Long pid = fn.spareReady().get(60, TimeUnit.SECONDS);
        assertThat(pid).as("a spare prepared with the runner").isNotNull();
        return pid;
    }

    @ParameterizedTest
    @ValueSource(strings = {"python3.12", "java17"})
    void theFirstColdStartTakesTheSpareAndTheFunctionsInitRunsThen(String runtime) throws Exception {
        FunctionConfig c = config(runtime, "init_probe.handler", InitProbeHandler.class.getName() + "::handle", pythonRoot);
        FunctionRunner fn = engine.runner(c);
        long spare = readySpare(fn);
        clock.advance(Duration.ofSeconds(30)); // log timestamps now tell whether a line was stamped before or after
        assertThat(sink.lines).as("nothing in CloudWatch, no log stream, before it is used")
                .noneMatch(l -> l.group().equals(c.logGroup()));

        long emulatedBefore = clock.millis();
        long before = System.currentTimeMillis();
        InvocationResult r = fn.invoke(Invocation.of("{}"));
        long wall = System.currentTimeMillis() - before;

        JsonNode out = json(r);
        assertThat(out.path("pid").asLong()).as("the spare's process ran it").isEqualTo(spare);
        assertThat(fn.sparesTaken()).isEqualTo(1);
        assertThat(out.path("initialisedAt").asLong()).as("the function's INIT ran at activation").isGreaterThanOrEqualTo(before);
        assertThat(r.coldStart()).isTrue();
        assertThat(r.initDurationMs()).as("INIT timed from activation").isNotNull().isPositive().isLessThanOrEqualTo((double) wall);
        assertThat(out.path("logStreamName").asText()).isEqualTo(r.logStreamName());
        String initLine = runtime.startsWith("java") ? "InitProbeHandler: static initialiser ran" : IMPORTED;
        assertThat(r.logLines()).containsSubsequence(initLine, "START RequestId: " + r.requestId() + " Version: $LATEST",
                "END RequestId: " + r.requestId());
        List<Functions.Line> logged = sink.lines.stream().filter(l -> l.stream().equals(r.logStreamName())).toList();
        assertThat(logged).filteredOn(l -> l.message().equals(initLine)).singleElement()
                .satisfies(l -> assertThat(l.timestamp()).as("logged at INIT, not when the spare booted").isGreaterThanOrEqualTo(emulatedBefore));
        assertThat(logged).noneMatch(l -> l.message().contains("spare ready"));
        assertThat(sink.lines).filteredOn(l -> l.group().equals(c.logGroup()))
                .allMatch(l -> l.stream().equals(r.logStreamName()) && l.timestamp() >= emulatedBefore);
        assertThat(fn.spareReady().get(10, TimeUnit.SECONDS)).as("one invocation at a time needs no second spare").isNull();
    }

    @Test
    void aSparesLinesReachTheLogWhenItIsActivatedStampedThen() {
        Functions.RecordingSink own = new Functions.RecordingSink();
        SandboxLog log = new SandboxLog(own, "/aws/lambda/held", "2026/01/01/[$LATEST]0", clock, 1 << 20, 1 << 20);
        log.hold();
        log.platform("Event Harness: runtime java11 runs on Java 17");
        log.output("a JVM warning");
        assertThat(own.lines).isEmpty();

        clock.advance(Duration.ofSeconds(5));
        long activated = clock.millis();
        log.release();
        log.output("INIT");

        assertThat(own.lines).extracting(Functions.Line::message)
                .containsExactly("Event Harness: runtime java11 runs on Java 17", "a JVM warning", "INIT");
        assertThat(own.lines).allMatch(l -> l.timestamp() >= activated);
    }

    @ParameterizedTest
    @ValueSource(strings = {"python3.12", "java17"})
    void anInitErrorIsReportedAsWithoutASpare(String runtime) throws Exception {
        FunctionConfig c = config(runtime, "broken_import.handler", "example.DoesNotExist::handleRequest",
                Functions.python("python-probe"));
        FunctionRunner fn = engine.runner(c);
        readySpare(fn);

        InvocationResult spared = fn.invoke(Invocation.of("{}"));
        InvocationResult plain = withoutSpares.runner(c).invoke(Invocation.of("{}"));

        assertThat(fn.sparesTaken()).isEqualTo(1);
        assertThat(spared.functionError()).isEqualTo("Unhandled").isEqualTo(plain.functionError());
        assertThat(spared.errorType()).isIn("Runtime.ImportModuleError", "java.lang.ClassNotFoundException")
                .isEqualTo(plain.errorType());
        assertThat(JSON.readTree(spared.payload())).isEqualTo(JSON.readTree(plain.payload()));
        assertThat(spared.initDurationMs()).isNotNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"python3.12", "java17"})
    void environmentTmpAndContextAreThoseOfASandboxStartedWithoutASpare(String runtime) throws Exception {
        FunctionConfig c = config(runtime, "probe.environment", ProbeHandler.class.getName() + "::context",
                Functions.python("python-probe"));
        FunctionRunner fn = engine.runner(c);
        readySpare(fn);

        JsonNode spared = json(fn.invoke(Invocation.of("{}")));
        JsonNode plain = json(withoutSpares.runner(c).invoke(Invocation.of("{}")));

        assertThat(fn.sparesTaken()).isEqualTo(1);
        JsonNode spareEnv = runtime.startsWith("java") ? spared.path("env") : spared;
        JsonNode plainEnv = runtime.startsWith("java") ? plain.path("env") : plain;
        assertThat(spareEnv.path("AWS_LAMBDA_INITIALIZATION_TYPE").asText()).isEqualTo("on-demand");
        assertThat(spareEnv.path("GREETING").asText()).isEqualTo("hello");
        assertThat(withoutPerSandbox(spareEnv)).isEqualTo(withoutPerSandbox(plainEnv));
        if (runtime.startsWith("java")) {
            assertThat(spared.path("tmpFiles").asInt()).as("a new sandbox's temp directory").isZero();
            for (String same : List.of("functionName", "functionVersion", "invokedFunctionArn", "memoryLimitInMB", "logGroupName",
                    "tmpdir", "tmpFiles", "javaVersion", "maxHeapMb")) {
                assertThat(spared.path(same)).as(same).isEqualTo(plain.path(same));
            }
        } else {
            FunctionConfig tmp = config(runtime, "probe.tmp_files", null, Functions.python("python-probe"));
            FunctionRunner tmpFn = engine.runner(tmp);
            readySpare(tmpFn);
            assertThat(json(tmpFn.invoke(Invocation.of("{}"))).path("before")).as("a new sandbox's /tmp").isEmpty();
            assertThat(tmpFn.sparesTaken()).isEqualTo(1);
        }
    }

    /**
     * The environment without what differs from one sandbox to the next, and with each engine's own directory
     * (in paths of a task root under /tmp, seen through the engine's mount points) written the same way.
     */
    private static Map<String, Object> withoutPerSandbox(JsonNode env) {
        Map<String, Object> m = JSON.convertValue(env, JSON.getTypeFactory().constructMapType(Map.class, String.class, Object.class));
        m.keySet().removeAll(List.of("AWS_LAMBDA_LOG_STREAM_NAME", "AWS_LAMBDA_RUNTIME_API", "_X_AMZN_TRACE_ID"));
        m.replaceAll((k, v) -> v instanceof String text ? text.replaceAll("/engine-[0-9]+/", "/engine-*/") : v);
        return m;
    }

    @Test
    void aSpareKilledWhileItWaitsIsDroppedAndTheColdStartStartsASandbox() throws Exception {
        FunctionRunner fn = engine.runner(config("python3.12", "init_probe.handler", null, pythonRoot));
        long spare = readySpare(fn);
        ProcessHandle.of(spare).orElseThrow().destroyForcibly();
        await().atMost(Duration.ofSeconds(10)).until(() -> ProcessHandle.of(spare).map(p -> !p.isAlive()).orElse(true));

        InvocationResult r = fn.invoke(Invocation.of("{}"));

        assertThat(json(r).path("pid").asLong()).isNotEqualTo(spare);
        assertThat(r.coldStart()).isTrue();
        assertThat(r.logLines()).contains(IMPORTED);
        assertThat(fn.sparesTaken()).isZero();
    }

    @Test
    void turnedOffThereIsNoSpare() throws Exception {
        FunctionRunner fn = withoutSpares.runner(config("python3.12", "init_probe.handler", null, pythonRoot));

        assertThat(fn.spareReady().get(10, TimeUnit.SECONDS)).isNull();
        InvocationResult r = fn.invoke(Invocation.of("{}"));
        assertThat(r.coldStart()).isTrue();
        assertThat(fn.sparesTaken()).isZero();
    }

    @Test
    void aColdStartWhileAnotherSandboxIsBusyPreparesOneMoreSpare() throws Exception {
        FunctionRunner fn = engine.runner(config("python3.12", "probe.literal_tmp", null, Functions.python("python-probe")));
        readySpare(fn);
        assertThat(json(fn.invoke(Invocation.of("{}"))).path("pid").asLong()).isPositive();
        assertThat(fn.spareReady().get(10, TimeUnit.SECONDS)).as("invoked once: no idle process kept beyond its sandbox").isNull();

        Path started = dir.resolve("started-" + Ids.hex(4));
        Path release = dir.resolve("release-" + Ids.hex(4));
        CompletableFuture<InvocationResult> held = CompletableFuture.supplyAsync(() -> fn.invoke(Invocation.of(
                "{\"started\":\"" + started + "\",\"release\":\"" + release + "\"}")));
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(started));
        InvocationResult second = fn.invoke(Invocation.of("{}"));
        assertThat(second.coldStart()).as("its only sandbox was busy").isTrue();

        Long more = fn.spareReady().get(60, TimeUnit.SECONDS);
        assertThat(more).as("it needed more sandboxes than it had: a spare again").isNotNull();
        Files.writeString(release, "go");
        assertThat(held.get(30, TimeUnit.SECONDS).isError()).isFalse();
        assertThat(fn.sparesTaken()).isEqualTo(1);
    }

    @Test
    void aSpareRetiresAfterTheKeepAliveAndDiesWithTheEngine() throws Exception {
        try (EmulatorClock own = new EmulatorClock()) {
            LambdaEngine e = LambdaEngine.builder(own).keepAlive(Duration.ofMinutes(1)).build();
            FunctionRunner fn = e.runner(config("python3.12", "init_probe.handler", null, pythonRoot));
            long expiring = readySpare(fn);
            own.advance(Duration.ofSeconds(61));
            await().atMost(Duration.ofSeconds(10)).until(() -> ProcessHandle.of(expiring).map(p -> !p.isAlive()).orElse(true));
            assertThat(fn.spareReady().get(10, TimeUnit.SECONDS)).isNull();
            assertThat(fn.invoke(Invocation.of("{}")).coldStart()).isTrue();
            assertThat(fn.sparesTaken()).isZero();

            long left = readySpare(e.runner(config("java17", null, ProbeHandler.class.getName() + "::empty", null)));
            e.close();
            assertThat(ProcessHandle.of(left).map(ProcessHandle::isAlive).orElse(false)).as("a spare after close").isFalse();
        }
    }
}
