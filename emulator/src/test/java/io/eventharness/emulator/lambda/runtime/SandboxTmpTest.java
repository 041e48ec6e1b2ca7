package io.eventharness.emulator.lambda.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.eventharness.emulator.core.EmulatorClock;
import io.eventharness.emulator.core.Ids;
import io.eventharness.emulator.lambda.runtime.fixtures.ProbeHandler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each sandbox's own literal {@code /tmp} (the book's Python examples write there): kept across warm reuse
 * and a reset, empty in a new sandbox, never the machine's. Needs mount namespaces (Linux, {@code unshare});
 * where the engine cannot make them, these tests are skipped and {@link #withoutNamespacesTmpIsSharedAndTheLogSaysSo}
 * shows what happens instead.
 */
class SandboxTmpTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir(factory = Functions.SharedWithSandboxes.class)
    static Path shared;
    @TempDir
    static Path underTmp;
    private static EmulatorClock clock;
    private static LambdaEngine engine;
    private static Path javaRoot;

    @BeforeAll
    static void start() {
        clock = new EmulatorClock();
        engine = LambdaEngine.builder(clock).build();
        // a task root under /tmp, as unpacked code often is: the sandbox must still reach it
        javaRoot = Functions.javaTaskRoot(underTmp, ProbeHandler.class);
    }

    @AfterAll
    static void stop() {
        engine.close();
        clock.close();
    }

    private static FunctionRunner function(String runtime) {
        boolean java = runtime.startsWith("java");
        return engine.runner(FunctionConfig.builder("tmp-" + runtime.replace('.', '-') + "-" + Ids.hex(3)).runtime(runtime)
                .handler(java ? ProbeHandler.class.getName() + "::literalTmp" : "probe.literal_tmp")
                .codeDirectory(java ? javaRoot : Functions.python("python-probe")).memoryMb(256).timeoutSeconds(30).build());
    }

    private static JsonNode json(InvocationResult r) throws Exception {
        assertThat(r.isError()).as(r.payloadUtf8()).isFalse();
        return JSON.readTree(r.payload());
    }

    private static List<String> before(InvocationResult r) throws Exception {
        List<String> names = new ArrayList<>();
        json(r).path("before").forEach(n -> names.add(n.asText()));
        return names;
    }

    @ParameterizedTest
    @ValueSource(strings = {"python3.12", "java17"})
    void theLiteralTmpIsTheSandboxesOwn(String runtime) throws Exception {
        assumeThat(engine.privateTmp()).as("mount namespaces are available").isTrue();
        FunctionRunner fn = function(runtime);
        String file = "leftover-" + Ids.hex(4);

        InvocationResult first = fn.invoke(Invocation.of("{\"write\":\"" + file + "\"}"));
        assertThat(before(first)).as("a new sandbox's /tmp").isEmpty();
        JsonNode inside = json(first);
        assertThat(inside.path("tempdir").asText()).isEqualTo("/tmp");
        assertThat(inside.path("TMPDIR").asText()).isEqualTo("/tmp");
        assertThat(Path.of("/tmp", file)).as("the machine's /tmp").doesNotExist();

        InvocationResult warm = fn.invoke(Invocation.of("{}"));
        assertThat(warm.coldStart()).isFalse();
        assertThat(before(warm)).as("a warm sandbox keeps /tmp").containsExactly(file);

        // while the warm sandbox is busy, a second invocation starts a second sandbox: its /tmp is empty
        Path started = shared.resolve("started-" + file);
        Path release = shared.resolve("release-" + file);
        CompletableFuture<InvocationResult> busy = CompletableFuture.supplyAsync(() -> fn.invoke(Invocation.of(
                "{\"started\":\"" + started + "\",\"release\":\"" + release + "\"}")));
        await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(started));
        InvocationResult second = fn.invoke(Invocation.of("{}"));
        Files.writeString(release, "go");
        assertThat(second.coldStart()).isTrue();
        assertThat(before(second)).as("a concurrent sandbox's /tmp").isEmpty();
        assertThat(before(busy.get(20, TimeUnit.SECONDS))).containsExactly(file);

        fn.retireIdle().get(20, TimeUnit.SECONDS);
        assertThat(fn.sandboxes()).isZero();
        InvocationResult fresh = fn.invoke(Invocation.of("{}"));
        assertThat(fresh.coldStart()).isTrue();
        assertThat(before(fresh)).as("after the old sandboxes retired").isEmpty();
        assertThat(Path.of("/tmp", file)).as("the machine's /tmp").doesNotExist();
    }

    @Test
    void aTaskRootUnderTmpIsStillReachable() throws Exception {
        assumeThat(engine.privateTmp()).isTrue();
        JsonNode inside = json(function("java17").invoke(Invocation.of("{}")));

        if (engine.taskRootAtVarTask()) {
            assertThat(inside.path("task_root").asText()).isEqualTo(inside.path("cwd").asText()).isEqualTo("/var/task");
            return;
        }
        assertThat(inside.path("task_root").asText()).isEqualTo(inside.path("cwd").asText()).doesNotStartWith("/tmp/")
                .endsWith("/task-root/" + Path.of("/tmp").toRealPath().relativize(javaRoot.toRealPath()));
        assertThat(Path.of(inside.path("task_root").asText())).as("an empty mount point outside the sandbox").isEmptyDirectory();
    }

    @Test
    void theTaskRootIsVarTaskAsInAwsInStackTracesAndFileToo() throws Exception {
        assumeThat(engine.taskRootAtVarTask()).as("/var/task can be mounted here").isTrue();
        Path code = Files.createDirectories(shared.resolve("var-task-" + Ids.hex(3)));
        Files.writeString(code.resolve("where.py"), """
                import os

                def handle(event, context):
                    if event.get("fail"):
                        raise ValueError("from " + __file__)
                    return {"file": __file__, "cwd": os.getcwd(), "root": os.environ["LAMBDA_TASK_ROOT"],
                            "listing": sorted(os.listdir("/var/task"))}
                """);
        FunctionRunner fn = engine.runner(FunctionConfig.builder("var-task").runtime("python3.12").handler("where.handle")
                .codeDirectory(code).build());

        JsonNode ok = json(fn.invoke(Invocation.of("{}")));
        assertThat(ok.path("file").asText()).isEqualTo("/var/task/where.py");
        assertThat(ok.path("cwd").asText()).isEqualTo("/var/task");
        assertThat(ok.path("root").asText()).isEqualTo("/var/task");
        assertThat(ok.path("listing").toString()).isEqualTo("[\"where.py\"]");
        InvocationResult failed = fn.invoke(Invocation.of("{\"fail\": true}"));
        JsonNode err = JSON.readTree(failed.payload());
        assertThat(err.path("errorMessage").asText()).isEqualTo("from /var/task/where.py");
        assertThat(err.path("stackTrace").get(0).asText()).startsWith("  File \"/var/task/where.py\", line 5, in handle");
        assertThat(failed.logLines()).noneMatch(l -> l.contains("not /var/task"));
        assertThat(Path.of("/var/task/where.py")).as("the machine's /var/task").doesNotExist();
    }

    @Test
    void aResetHandsTmpToTheNextSandboxOnlyOnceTheOldProcessesAreDead() throws Exception {
        assumeThat(engine.privateTmp()).isTrue();
        FunctionRunner fn = engine.runner(FunctionConfig.builder("tmp-reset").runtime("python3.12").handler("probe.literal_tmp")
                .codeDirectory(Functions.python("python-probe")).build());
        Path pids = shared.resolve("pids");

        InvocationResult crashed = fn.invoke(Invocation.of("{\"write\":\"half-done\",\"pids\":\"" + pids + "\"}"));
        assertThat(crashed.errorType()).isEqualTo("Runtime.ExitError");
        long child = Long.parseLong(Files.readString(pids).trim());
        long daemon = Long.parseLong(Files.readString(Path.of(pids + ".daemon")).trim());

        // the next sandbox gets the old /tmp ("Lambda reset does not clear the /tmp directory"), once nothing
        // of the old one runs any more
        InvocationResult next = fn.invoke(Invocation.of("{}"));
        assertThat(next.coldStart()).isTrue();
        assertThat(before(next)).containsExactly("half-done");
        assertThat(dead(child)).as("the crashed sandbox's child").isTrue();
        assertThat(dead(daemon)).as("a process that left the crashed sandbox's tree").isTrue();
    }

    /** Gone, or a zombie waiting for its new parent: it runs no code and writes nothing. */
    private static boolean dead(long pid) throws Exception {
        Path stat = Path.of("/proc", Long.toString(pid), "stat");
        if (!Files.exists(stat)) {
            return true;
        }
        String s = Files.readString(stat);
        String state = s.substring(s.lastIndexOf(')') + 2, s.lastIndexOf(')') + 3);
        return state.equals("Z") || state.equals("X");
    }

    @Test
    void aUserWhoIsNotRootGetsItsOwnTmpThroughAUserNamespace() throws Exception {
        try (LambdaEngine userNs = LambdaEngine.builder(clock).userNamespace(true).build()) {
            assumeThat(userNs.privateTmp()).as("user namespaces are allowed").isTrue();
            assertThat(userNs.privateTmpMode()).isEqualTo(PrivateTmp.Mode.USER_NAMESPACE);
            FunctionRunner fn = userNs.runner(FunctionConfig.builder("tmp-userns").runtime("python3.12").handler("probe.literal_tmp")
                    .codeDirectory(Functions.python("python-probe")).build());

            JsonNode first = json(fn.invoke(Invocation.of("{\"write\":\"mine\"}")));
            assertThat(first.path("before")).isEmpty();
            if (userNs.taskRootAtVarTask()) {
                assertThat(first.path("task_root").asText()).isEqualTo("/var/task");
            }
            assertThat(before(fn.invoke(Invocation.of("{}")))).containsExactly("mine");
            assertThat(Path.of("/tmp/mine")).doesNotExist();
        }
    }

    @Test
    void withoutNamespacesTmpIsSharedAndTheLogSaysSo() throws Exception {
        try (LambdaEngine shared = LambdaEngine.builder(clock).privateTmp(false).build()) {
            FunctionRunner fn = shared.runner(FunctionConfig.builder("tmp-shared").runtime("python3.12").handler("probe.literal_tmp")
                    .codeDirectory(Functions.python("python-probe")).build());

            InvocationResult r = fn.invoke(Invocation.of("{}"));
            assertThat(shared.privateTmp()).isFalse();
            JsonNode inside = json(r);
            assertThat(inside.path("TMPDIR").asText()).isNotEqualTo("/tmp").isEqualTo(inside.path("tempdir").asText());
            assertThat(Path.of(inside.path("TMPDIR").asText())).isDirectory();
            assertThat(r.logLines()).contains("Event Harness: /tmp is shared with this machine (private /tmp turned off for "
                    + "this engine); TMPDIR and java.io.tmpdir point to this sandbox's own directory",
                    "Event Harness: the task root is " + Functions.python("python-probe") + ", not /var/task (no mount "
                    + "namespace: private /tmp turned off for this engine)");
            assertThat(shared.taskRootAtVarTask()).isFalse();
        }
    }
}
