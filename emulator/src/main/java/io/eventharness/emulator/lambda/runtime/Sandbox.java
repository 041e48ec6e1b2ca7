package io.eventharness.emulator.lambda.runtime;

import static io.eventharness.emulator.lambda.runtime.SandboxStatus.IDLE;
import static io.eventharness.emulator.lambda.runtime.SandboxStatus.INIT;
import static io.eventharness.emulator.lambda.runtime.SandboxStatus.OUT_OF_MEMORY;
import static io.eventharness.emulator.lambda.runtime.SandboxStatus.RESET;
import static io.eventharness.emulator.lambda.runtime.SandboxStatus.SPARE;

import io.eventharness.emulator.lambda.runtime.Outcome.Kind;
import io.eventharness.emulator.lambda.runtime.RuntimeApiServer.NextExchange;
import io.eventharness.emulator.lambda.runtime.RuntimeApiServer.Reply;
import io.eventharness.emulator.lambda.runtime.RuntimeResolver.Resolved;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * One execution environment: a process running the function's runtime (in a mount namespace whose
 * {@code /tmp} is the sandbox's private directory; see {@link SandboxProcess} for that side of it), its Runtime
 * API port, its log stream. It runs one invocation at a time.
 *
 * <p>Lifecycle as in AWS ({@link SandboxStatus}): INIT ends when the runtime first asks for {@code /next} (or
 * reports {@code /init/error}); each invocation hands one event over and ends with {@code /response} or
 * {@code /error}, and is done, its END and REPORT written, when the runtime asks for its next event (see
 * {@link #runtimeDone}). A timeout, the process's death or running out of memory end the sandbox ("reset"): the runner
 * starts a new one for the next event, and that one inherits the temp directory, because AWS's reset does not
 * clear {@code /tmp}. Every change of status goes through its state machine ({@link SandboxState}); every
 * invocation, however it ends, ends through {@link #end}.
 *
 * <p>Memory ({@link SandboxMemory}): the memory size bounds the whole process tree, read while the sandbox works
 * and when INIT or an invocation ends. Beyond it the sandbox is killed and the invocation fails with
 * {@code Runtime.OutOfMemory}, REPORT showing the memory size as Max Memory Used, as AWS reports an execution
 * environment that ran out of memory.
 *
 * <p>A spare ({@link #startSpare}, see {@link SpareSandbox}) is started ahead of need and stops before its runtime
 * looks at the function. Until {@link #activate} it is no running sandbox: its memory is not watched, its log
 * lines are held back, and INIT, which its Init Duration measures, begins at activation.
 *
 * <p>Threads: the invoking thread, the Runtime API's, the memory watch's and the engine's executor (the process's
 * exit) meet here. The state machine's monitor guards the status, the invocation in flight and the parked
 * {@code /next}; each of its steps is atomic (handing an event to a waiting {@code /next}, which Jetty writes without
 * blocking, included); the process is killed and the log written here, outside it.
 */
final class Sandbox implements RuntimeApiServer.RuntimeApi, MemoryWatch.Watched {
    /** How long an ended invocation's result waits for its log lines before it is published without them. */
    private static final long PUBLISH_WAIT_MILLIS = 5_000;
    /**
     * How long after its answer an invocation's END waits for the runtime to ask for its next event (what AWS calls
     * the runtime being done); a runtime that works on after answering gets this long, then END is written anyway.
     */
    static final long RUNTIME_DONE_WAIT_MILLIS = 2_000;

    private final SandboxContext.Services services;
    private final SandboxContext.Runtimes runtimes;
    private final FunctionConfig config;
    private final SandboxProcess proc;
    private final SandboxLog log;
    private final SandboxMemory memory;
    private final SandboxInit init = new SandboxInit();
    /** The status, the invocation in flight, the parked {@code /next}, the invocation answered and not done with. */
    private final SandboxState state = new SandboxState(this::handOver);

    /** @param jvmOptions JVM options beyond the usual; null: the engine's class-data archive, if any */
    Sandbox(SandboxContext ctx, FunctionConfig config, Resolved runtime, Path tmp, List<String> jvmOptions) {
        this.services = ctx.services();
        this.runtimes = ctx.runtimes();
        this.config = config;
        this.proc = new SandboxProcess(ctx, config, runtime, tmp, jvmOptions);
        this.log = proc.log();
        this.memory = new SandboxMemory(config.memoryMb());
    }

    String logStream() {
        return log.stream();
    }

    Path tmp() {
        return proc.tmp();
    }

    /** The process's id; -1 before it started. */
    long pid() {
        return proc.pid();
    }

    /** Whether the sandbox can take another invocation. */
    boolean reusable() {
        return state.reusable();
    }

    /** Whether it ended by a failure (a timeout, a crash, a failed INIT, its memory): its {@code /tmp} goes to a successor. */
    boolean wasReset() {
        return state.wasReset();
    }

    /** Starts the process; INIT goes on until {@link #invoke} finds it done. */
    void start() throws IOException {
        start(INIT);
    }

    /**
     * Starts the process as a spare: its runtime boots and waits for {@link #activate}. Java, Python and Node.js only: a
     * custom runtime's {@code bootstrap} cannot be told to wait.
     */
    void startSpare() throws IOException {
        start(SPARE);
    }

    private void start(SandboxStatus first) throws IOException {
        state.to(first); // before the process runs, which may ask for its first event at once
        if (!proc.start(this, first == SPARE)) {
            state.to(RESET);
            init.ended(null); // awaitInit reports why it could not start
            return;
        }
        if (first == INIT) {
            services.memory().watch(this);
        }
        proc.exited().thenRunAsync(this::onExit, services.executor());
    }

    /** A spare's: completes once its runtime has booted and waits. */
    CompletableFuture<Void> spareReady() {
        return proc.spareReady();
    }

    /** Completes when the process has exited (a spare that died while it waited, too). */
    CompletableFuture<?> exited() {
        return proc.exited();
    }

    /** Completes when INIT ends, however it ends. */
    CompletableFuture<?> initEnded() {
        return init.future();
    }

    /** Lets a spare go on, as a sandbox in INIT from now. False when it is of no use: its process is gone. */
    boolean activate() {
        if (!state.activate()) {
            return false;
        }
        services.memory().watch(this);
        if (!proc.activate()) {
            services.memory().unwatch(this);
            return false;
        }
        return true;
    }

    /** Runs one invocation to its end: a response, an error, a timeout, the process's death or its memory. */
    InvocationResult invoke(Invocation invocation, boolean cold) {
        SandboxInvocation call = new SandboxInvocation(invocation, cold);
        Outcome initFailed = cold ? awaitInit(invocation.requestId()) : null;
        proc.output().barrier(() -> {
            log.begin();
            log.platform("START RequestId: " + invocation.requestId() + " Version: " + config.version());
        });
        if (initFailed != null) {
            end(call, initFailed, RESET);
        } else if (!state.dispatch(call)) {
            end(call, Outcome.exit(call.requestId(), proc.exitCode()), RESET); // it ended before the event came
        } else {
            if (!call.endedWithin(config.timeoutSeconds() * 1000L)) {
                end(call, timedOut(call.requestId()), RESET);
            }
            InvocationResult r = call.resultWithin(RUNTIME_DONE_WAIT_MILLIS);
            if (r != null) {
                return r;
            }
            runtimeDone(); // answered, but the runtime did not ask for its next event in time: END now
        }
        return call.await(PUBLISH_WAIT_MILLIS, () -> publish(call));
    }

    /** Null when INIT ended with the runtime asking for work, else why it failed. */
    private Outcome awaitInit(String requestId) {
        Outcome failed = init.await(runtimes.initTimeout().toMillis() + config.timeoutSeconds() * 1000L,
                () -> timedOut(requestId));
        String entrypointFailure = proc.entrypointFailure();
        if (entrypointFailure != null) {
            return Outcome.invalidEntrypoint(requestId, "Couldn't find valid bootstrap(s): [" + config.codeDirectory()
                    .resolve("bootstrap") + "]: " + entrypointFailure);
        }
        return failed != null && failed.kind() == Kind.EXIT ? Outcome.exit(requestId, proc.exitCode()) : failed;
    }

    /** Under the state's monitor. */
    private void handOver(NextExchange exchange, SandboxInvocation call) {
        call.handOver();
        services.memory().watch(this);
        exchange.send(call.invocation().runtimeHeaders(config, services.clock().millis()), call.invocation().payload());
    }

    private Outcome timedOut(String requestId) {
        return Outcome.timeout(requestId, config.timeoutSeconds(), services.clock().now());
    }

    /**
     * Ends {@code call}: the one way an invocation ends (its answer or error, a timeout, a crash, running out of
     * memory, a failed INIT). The sandbox goes to {@code next} unless it has ended already; in a sandbox that ran
     * out of memory the invocation ends with {@code Runtime.OutOfMemory}, whatever ended it. A sandbox that has
     * ended is killed. Then, after everything the function printed before, the platform's closing lines and the
     * result.
     *
     * @return false when the invocation had ended already (a timeout and an answer racing: the first wins)
     */
    private boolean end(SandboxInvocation call, Outcome outcome, SandboxStatus next) {
        SandboxStatus after = state.end(call, outcome, next);
        if (after == null) {
            return false;
        }
        if (after.ended()) {
            kill(after);
            proc.output().barrier(() -> publish(call));
        }
        return true;
    }

    /**
     * The runtime is done with the invocation it answered: it asks for its next event, or it exited, or it did not
     * ask in time ({@link #RUNTIME_DONE_WAIT_MILLIS}). Its END and REPORT follow everything it wrote until now, as in
     * AWS, where a runtime's lines between its answer and its next {@code /next} belong to the invocation: the Java
     * runtime interface client posts a function's error first and logs it after.
     */
    private void runtimeDone() {
        SandboxInvocation done = state.takeAnswered();
        if (done != null) {
            proc.output().barrier(() -> publish(done));
        }
    }

    /** On the output thread (or by the invoking thread if that is stuck): END, REPORT and the result. */
    private void publish(SandboxInvocation call) {
        call.publish(log, config, call.cold() ? init.durationMs(proc.initStartNanos()) : null, memory.maxUsedMb());
    }

    /** The engine stops: the process is killed now, whatever it does (a class-data archive being made). */
    void kill() {
        shutDown();
        proc.kill();
    }

    /** An ended sandbox's processes: no longer read, killed (SIGKILL, again if need be; {@link #destroy} waits for them). */
    private void kill(SandboxStatus ended) {
        services.memory().unwatch(this);
        if (ended == OUT_OF_MEMORY) {
            memory.exhausted();
        }
        proc.kill();
    }

    @Override
    public void next(NextExchange exchange) {
        runtimeDone();
        services.memory().unwatch(this);
        // after an invocation, its answer has just read the memory; after INIT nothing has yet
        if (!memory.takeReadAtAnswer() && memory.overAtPeak(proc.tree())) {
            outOfMemory(); // INIT or the end of the last invocation went beyond the memory size
            return;
        }
        // ENDED: the process is being stopped, the /next left unanswered as AWS leaves a frozen sandbox's
        if (state.next(exchange, init) == SandboxState.Next.INIT_DONE) {
            proc.recordNamespace();
            init.ended(null);
        }
    }

    @Override
    public Reply response(String requestId, byte[] body, boolean tooLarge) {
        return answer(requestId, tooLarge ? Outcome.responseTooLarge() : Outcome.success(body),
                tooLarge ? Reply.TOO_LARGE : Reply.ACCEPTED);
    }

    @Override
    public Reply error(String requestId, String errorType, byte[] body) {
        return answer(requestId, Outcome.posted(Kind.FUNCTION_ERROR, body, errorType), Reply.ACCEPTED);
    }

    /**
     * The runtime's answer: it ends the invocation in flight if {@code requestId} is that one's, with {@code outcome},
     * or with {@code Runtime.OutOfMemory} if the sandbox went beyond its memory size on the way.
     */
    private Reply answer(String requestId, Outcome outcome, Reply accepted) {
        boolean over = memory.overAtPeak(proc.tree());
        memory.readAtAnswer(over);
        SandboxInvocation call = state.current();
        if (call == null || !call.handedOver() || !call.requestId().equals(requestId)) {
            return Reply.INVALID_REQUEST_ID;
        }
        boolean ended = over ? end(call, Outcome.outOfMemory(requestId), OUT_OF_MEMORY) : end(call, outcome, IDLE);
        return ended ? accepted : Reply.INVALID_REQUEST_ID;
    }

    @Override
    public Reply initError(String errorType, byte[] body) {
        if (!state.initError(init)) {
            return Reply.forbidden("init/error is only accepted while the runtime initializes");
        }
        memory.overAtPeak(proc.tree());
        init.ended(Outcome.posted(Kind.INIT_ERROR, body, errorType));
        return Reply.ACCEPTED;
    }

    /** The memory watch's reading: beyond the memory size, the sandbox ends as AWS's would. */
    @Override
    public void checkMemory() {
        if (memory.overNow(proc.tree())) {
            outOfMemory();
        }
    }

    /**
     * Ends the sandbox for using more than its memory size; the invocation in flight, if any, fails with
     * {@code Runtime.OutOfMemory}, and so does INIT (its failure, the process's exit, ends the first invocation).
     */
    private void outOfMemory() {
        SandboxState.OutOfMemory stopped = state.outOfMemory();
        if (stopped == null) {
            return; // it had ended
        }
        SandboxInvocation inFlight = stopped.inFlight();
        if (inFlight != null) {
            end(inFlight, Outcome.outOfMemory(inFlight.requestId()), OUT_OF_MEMORY); // which kills it
        } else {
            kill(OUT_OF_MEMORY);
        }
    }

    /** The process exited: unless the sandbox had ended, it crashed, and the invocation in flight with it. */
    private void onExit() {
        services.memory().unwatch(this);
        SandboxInvocation crashed = state.exited();
        init.ended(Outcome.exit("", proc.exitCode()));
        runtimeDone();
        if (crashed != null) {
            end(crashed, Outcome.exit(crashed.requestId(), proc.exitCode()), RESET);
        }
        proc.output().finish(() -> { });
    }

    /** Stops the process as {@code docker stop} would (SIGTERM), waiting for it to exit; a JVM writes its archive. */
    void terminate() {
        shutDown();
        proc.terminate();
    }

    /**
     * Ends the sandbox: every process of it is killed and waited for (so nothing writes to its directory any
     * more), the port closed, the directory removed unless {@code keepTmp}.
     *
     * @return whether all its processes are dead
     */
    boolean destroy(boolean keepTmp) {
        shutDown();
        services.memory().unwatch(this);
        return proc.destroy(keepTmp);
    }

    /** The engine ends it: SHUT_DOWN, unless it has ended already (a reset stays a reset). */
    private void shutDown() {
        state.shutDown();
    }
}
