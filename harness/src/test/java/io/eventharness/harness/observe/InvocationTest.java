package io.eventharness.harness.observe;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventharness.harness.observe.Invocation.Outcome;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * How an invocation ended, read from its log as each runtime writes it (the lines below are what the emulator's
 * sandboxes and AWS's runtimes log, one log event split at its line breaks as {@link LogView} splits them).
 */
class InvocationTest {
    private static final String NBSP = "\u00a0";

    private static List<LogLine> log(String... lines) {
        List<LogLine> out = new ArrayList<>();
        for (String l : lines) {
            out.add(new LogLine(Instant.EPOCH, "2026/01/01/[$LATEST]abc", l));
        }
        return out;
    }

    private static String report(String id, String more) {
        return "REPORT RequestId: " + id + "\tDuration: 2.31 ms\tBilled Duration: 3 ms\tMemory Size: 128 MB\tMax Memory Used: "
                + more;
    }

    private static Invocation only(String... lines) {
        List<Invocation> all = Invocation.parse(log(lines));
        assertThat(all).hasSize(1);
        return all.get(0);
    }

    @Test
    void anAnsweredInvocationIsOk() {
        Invocation i = only("START RequestId: r1 Version: $LATEST", "x = 10", "END RequestId: r1",
                report("r1", "40 MB\tInit Duration: 120.00 ms"));
        assertThat(i.outcome()).isEqualTo(Outcome.OK);
        assertThat(i.failed()).isFalse();
        assertThat(i.failure()).isNull();
        assertThat(i.cold()).isTrue();
        assertThat(i.lines()).containsExactly("x = 10");
        assertThat(i.toString()).isEqualTo("r1  cold  2.31 ms (init 120.00 ms)  40 MB  ok");
    }

    @Test
    void aJavaErrorAsTheRuntimeInterfaceClientLogsItWithTheTopOfItsStack() {
        Invocation i = only("START RequestId: r2 Version: $LATEST", "y = 0",
                "/ by zero: java.lang.ArithmeticException",
                "java.lang.ArithmeticException: / by zero",
                "\tat example.Divider.divide(Divider.java:14)",
                "\tat example.Divider.handleRequest(Divider.java:9)",
                "\tat java.base/jdk.internal.reflect.DirectMethodHandleAccessor.invoke(Unknown Source)",
                "\tat java.base/java.lang.reflect.Method.invoke(Unknown Source)",
                "\tat a.B.c(B.java:1)", "\tat a.B.d(B.java:2)", "",
                "END RequestId: r2", report("r2", "90 MB"));
        assertThat(i.outcome()).isEqualTo(Outcome.ERROR);
        assertThat(i.failure().type()).isEqualTo("java.lang.ArithmeticException");
        assertThat(i.failure().message()).isEqualTo("/ by zero");
        assertThat(i.failure().stackTrace()).hasSize(6).first().isEqualTo("at example.Divider.divide(Divider.java:14)");
        assertThat(i.toString()).isEqualTo("""
                r2  warm  2.31 ms  90 MB  ERROR java.lang.ArithmeticException: / by zero
                    at example.Divider.divide(Divider.java:14)
                    at example.Divider.handleRequest(Divider.java:9)
                    at java.base/jdk.internal.reflect.DirectMethodHandleAccessor.invoke(Unknown Source)
                    at java.base/java.lang.reflect.Method.invoke(Unknown Source)
                    at a.B.c(B.java:1)
                    ... 1 more frame""");
    }

    @Test
    void aJavaExceptionWithoutAMessage() {
        Invocation i = only("START RequestId: r3 Version: $LATEST", "java.lang.IllegalStateException: java.lang.IllegalStateException",
                "java.lang.IllegalStateException", "\tat example.Fn.handle(Fn.java:3)", "END RequestId: r3", report("r3", "90 MB"));
        assertThat(i.failure()).isEqualTo(new Failure("java.lang.IllegalStateException", "", List.of("at example.Fn.handle(Fn.java:3)")));
    }

    @Test
    void aPythonErrorWithItsInnermostFrameFirst() {
        Invocation i = only("START RequestId: r4 Version: $LATEST", "x = 10",
                "[ERROR] ZeroDivisionError: division by zero", "Traceback (most recent call last):",
                NBSP + NBSP + "File \"/var/task/lambda_function.py\", line 8, in myfunc01_handler",
                NBSP + NBSP + NBSP + NBSP + "retval = {'result' : divide(x, y)}",
                NBSP + NBSP + "File \"/var/task/lambda_function.py\", line 3, in divide",
                NBSP + NBSP + NBSP + NBSP + "return x / y",
                "END RequestId: r4", report("r4", "40 MB"));
        assertThat(i.outcome()).isEqualTo(Outcome.ERROR);
        assertThat(i.failure().type()).isEqualTo("ZeroDivisionError");
        assertThat(i.failure().message()).isEqualTo("division by zero");
        assertThat(i.failure().stackTrace()).containsExactly(
                "File \"/var/task/lambda_function.py\", line 3, in divide: return x / y",
                "File \"/var/task/lambda_function.py\", line 8, in myfunc01_handler: retval = {'result' : divide(x, y)}");
    }

    @Test
    void aPythonInitErrorIsTheColdInvocationsFailure() {
        Invocation i = only("[ERROR] Runtime.ImportModuleError: Unable to import module 'handler': No module named 'requests'",
                "Traceback (most recent call last):",
                "START RequestId: r5 Version: $LATEST", "END RequestId: r5", report("r5", "30 MB\tInit Duration: 40.00 ms"));
        assertThat(i.outcome()).isEqualTo(Outcome.ERROR);
        assertThat(i.failure().headline())
                .isEqualTo("Runtime.ImportModuleError: Unable to import module 'handler': No module named 'requests'");
        assertThat(i.lines()).isEmpty();
    }

    @Test
    void aNodeErrorAsItsRuntimeLogsIt() {
        Invocation i = only("START RequestId: r6 Version: $LATEST",
                "2026-01-01T00:00:00.000Z\tr6\tERROR\tInvoke Error \t{\"errorType\":\"TypeError\",\"errorMessage\":\"x is not a function\","
                        + "\"stack\":[\"TypeError: x is not a function\",\"    at Runtime.handler (file:///var/task/index.mjs:3:9)\"]}",
                "END RequestId: r6", report("r6", "60 MB"));
        assertThat(i.failure()).isEqualTo(new Failure("TypeError", "x is not a function",
                List.of("at Runtime.handler (file:///var/task/index.mjs:3:9)")));
        assertThat(only("START RequestId: r6b Version: $LATEST",
                "2026-01-01T00:00:00.000Z\tr6b\tERROR\tUnhandled Promise Rejection \t{\"errorType\":\"Runtime.UnhandledPromiseRejection\","
                        + "\"errorMessage\":\"Error: late\",\"stack\":[]}",
                "END RequestId: r6b", report("r6b", "60 MB")).error()).isEqualTo("Runtime.UnhandledPromiseRejection: Error: late");
    }

    @Test
    void timeoutsCrashesAndRunningOutOfMemory() {
        assertThat(only("START RequestId: r7 Version: $LATEST",
                "2026-01-01T00:00:03.002Z r7 Task timed out after 3.00 seconds", "END RequestId: r7",
                report("r7", "40 MB")).toString())
                .isEqualTo("r7  warm  2.31 ms  40 MB  TIMEOUT Sandbox.Timedout: Task timed out after 3.00 seconds");

        Invocation crash = only("START RequestId: r8 Version: $LATEST",
                "RequestId: r8 Error: Runtime exited with error: exit status 3", "Runtime.ExitError", "END RequestId: r8",
                report("r8", "40 MB"));
        assertThat(crash.outcome()).isEqualTo(Outcome.CRASH);
        assertThat(crash.error()).isEqualTo("Runtime.ExitError: Runtime exited with error: exit status 3");

        Invocation oom = only("START RequestId: r9 Version: $LATEST",
                "RequestId: r9 Error: Runtime exited with error: signal: killed", "Runtime.OutOfMemory", "END RequestId: r9",
                report("r9", "128 MB"));
        assertThat(oom.outcome()).isEqualTo(Outcome.OUT_OF_MEMORY);
        assertThat(oom.toString()).endsWith("OUT OF MEMORY Runtime.OutOfMemory: Runtime exited with error: signal: killed");

        Invocation killedAtTheLimit = only("START RequestId: r10 Version: $LATEST",
                "RequestId: r10 Error: Runtime exited with error: signal: killed", "Runtime.ExitError", "END RequestId: r10",
                report("r10", "128 MB"));
        assertThat(killedAtTheLimit.outcome()).as("AWS's older form of running out of memory").isEqualTo(Outcome.OUT_OF_MEMORY);
    }

    @Test
    void theReportsStatusWhenTheLinesSayNothing() {
        assertThat(only("START RequestId: r11 Version: $LATEST", "END RequestId: r11",
                report("r11", "40 MB\tStatus: error\tError Type: Runtime.Unknown")).failure().type()).isEqualTo("Runtime.Unknown");
        assertThat(only("START RequestId: r12 Version: $LATEST", "END RequestId: r12",
                report("r12", "40 MB\tStatus: timeout")).outcome()).isEqualTo(Outcome.TIMEOUT);
    }

    @Test
    void whatAFunctionLogsItselfIsNoFailure() {
        Invocation i = only("START RequestId: r13 Version: $LATEST",
                "[ERROR]\t2026-01-01T00:00:00.000Z\tr13\tcould not reach the queue, retrying",
                "[ERROR] something odd happened",
                "java.lang.IllegalStateException: caught and logged",
                "\tat example.Fn.handle(Fn.java:3)",
                "END RequestId: r13", report("r13", "40 MB"));
        assertThat(i.outcome()).isEqualTo(Outcome.OK);
    }

    @Test
    void invocationsAreToldApartByStreamAndAnInvocationWithoutReportIsLeftOut() {
        List<LogLine> lines = new ArrayList<>(log("START RequestId: a Version: $LATEST"));
        lines.add(new LogLine(Instant.EPOCH, "other", "START RequestId: b Version: $LATEST"));
        lines.add(new LogLine(Instant.EPOCH, "other", "[ERROR] ValueError: bad"));
        lines.add(new LogLine(Instant.EPOCH, "other", "Traceback (most recent call last):"));
        lines.addAll(log("END RequestId: a", report("a", "40 MB")));
        lines.add(new LogLine(Instant.EPOCH, "other", "END RequestId: b"));
        assertThat(Invocation.parse(lines)).extracting(Invocation::requestId, Invocation::outcome)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("a", Outcome.OK));
    }
}
