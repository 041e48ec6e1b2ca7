package io.eventharness.emulator.lambda;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.eventharness.emulator.core.Activity;
import io.eventharness.emulator.core.Arn;
import io.eventharness.emulator.core.AwsException;
import io.eventharness.emulator.core.Json;
import io.eventharness.emulator.delivery.Delivery;
import io.eventharness.emulator.faults.ApiFaults;
import io.eventharness.emulator.faults.FunctionFault;
import io.eventharness.emulator.lambda.runtime.ConcurrencyLimitExceededException;
import io.eventharness.emulator.lambda.runtime.FunctionConfig;
import io.eventharness.emulator.lambda.runtime.Invocation;
import io.eventharness.emulator.lambda.runtime.InvocationResult;
import io.eventharness.emulator.lambda.runtime.UnknownRuntimeException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;

/**
 * Runs one invocation of a function version through the engine, within the function's concurrency
 * ({@link Concurrency}), and records it in the event trail. Every way of invoking (the Invoke API, the
 * async queue, event sources) comes through here: {@link #run} is synchronous and returns what the function
 * answered (a function error is a result, not an exception).
 *
 * <pre>{@code
 * InvocationResult r = invoker.run(fn, "live", Ids.uuid(), batchJson, null, queueArn.toString(), "lambda:EventSourceMapping");
 * }</pre>
 *
 * <p>It also tells the engine when versions appear ({@link #prepare}) and go ({@link #retireVersion},
 * {@link #retireFunction}).
 *
 * <p>An invocation that races {@code UpdateFunctionCode} or {@code DeleteFunction} runs either the old code
 * (it got its sandboxes first: they finish it before they stop) or the new one; after a delete it is a
 * {@code ResourceNotFoundException}. A sandbox that cannot be started at all (the emulator's own trouble:
 * no temp directory, no pipe) is a function error, {@code Runtime.ExitError}, as a sandbox that dies during
 * INIT is in AWS, so that the async queue retries it and a synchronous caller sees why.
 */
final class Invoker {
    private static final ObjectMapper JSON = Json.MAPPER;

    private final FunctionEngine engine;
    private final Delivery delivery;
    private final Supplier<URI> endpoint;
    private final Concurrency concurrency;
    private final LambdaFunctions functions;
    private final Activity activity;
    private final ApiFaults faults;

    /**
     * @param activity where every running invocation is pending work (the emulator is not settled meanwhile)
     * @param faults   asked before each invocation runs: an armed fault of the function fails it instead
     */
    Invoker(FunctionEngine engine, Delivery delivery, Supplier<URI> endpoint, Concurrency concurrency, LambdaFunctions functions,
            Activity activity, ApiFaults faults) {
        this.activity = activity;
        this.faults = faults;
        this.engine = engine;
        this.delivery = delivery;
        this.endpoint = endpoint;
        this.concurrency = concurrency;
        this.functions = functions;
    }

    /**
     * Runs one invocation and waits for its result.
     *
     * @param qualifier     as the caller addressed the function ({@code null}, {@code $LATEST}, a version, an alias);
     *                      the function sees it in its invoked ARN
     * @param clientContext the client context JSON, or null
     * @param source        where the invocation came from, for the trail (an ARN, or {@code Invoke API})
     * @param kind          the trail's kind of hop ({@code lambda:Invoke}, {@code lambda:InvokeAsync}, ...)
     * @throws AwsException {@code TooManyRequestsException} when the function's concurrency is used up,
     *                      {@code ResourceNotFoundException} when the function or qualifier is gone
     */
    InvocationResult run(LambdaFunction fn, String qualifier, String requestId, byte[] payload, String clientContext,
                         String source, String kind) {
        String target = fn.resolve(qualifier).qualifiedArn().toString();
        Concurrency.Permit permit;
        try {
            permit = concurrency.acquire(fn);
        } catch (AwsException throttled) {
            delivery.note(source, target, kind, utf8(payload), "throttled: " + throttled.members().get("Reason"));
            throw throttled;
        }
        Arn invoked = qualifier == null ? fn.arn() : FunctionName.qualified(fn.arn(), qualifier);
        Invocation inv = new Invocation(requestId, payload, invoked.toString(), clientContext, null, null);
        InvocationResult r;
        try (permit; Activity.Pending running = activity.begin("invocation of " + target + " (request " + requestId + ", from " + source + ")")) {
            var fault = faults.nextInvocation(fn.name());
            r = fault.isPresent() ? injected(fn.resolve(qualifier), requestId, fault.get()) : runCurrent(fn, qualifier, inv);
        } catch (ConcurrencyLimitExceededException e) {
            // the engine's own per-version cap (the account limit): only reached if Concurrency allowed more
            delivery.note(source, target, kind, utf8(payload), "throttled: " + e.getMessage());
            throw Concurrency.throttled("ConcurrentInvocationLimitExceeded");
        } catch (UnknownRuntimeException e) {
            delivery.note(source, target, kind, utf8(payload), "failed: " + e.getMessage());
            throw AwsException.of(502, "InvalidRuntimeException", e.getMessage());
        } catch (AwsException gone) {
            delivery.note(source, target, kind, utf8(payload), "failed: " + gone.getMessage());
            throw gone;
        }
        delivery.note(source, target, kind, utf8(payload), r.isError()
                ? "error " + r.errorType() + " (" + (r.coldStart() ? "cold" : "warm") + ", request " + requestId + "): " + abbreviate(r.payloadUtf8())
                : "ok (" + (r.coldStart() ? "cold" : "warm") + ", request " + requestId + ")");
        return r;
    }

    /**
     * Leases the sandboxes of the version the qualifier names now, and runs there; when the version changed
     * between looking it up and leasing (an update in between), looks again.
     */
    private InvocationResult runCurrent(LambdaFunction fn, String qualifier, Invocation inv) {
        while (true) {
            FunctionSettings s = fn.resolve(qualifier);
            FunctionConfig config = s.engineConfig(endpoint.get());
            try (FunctionEngine.Lease lease = engine.lease(config)) {
                FunctionConfig now;
                try {
                    if (!functions.isCurrent(fn)) {
                        throw LambdaErrors.functionNotFound(fn.arn());
                    }
                    now = fn.resolve(qualifier).engineConfig(endpoint.get());
                } catch (AwsException gone) {
                    lease.discard();
                    throw gone;
                }
                if (!now.equals(config)) {
                    lease.discard();
                    continue;
                }
                try {
                    return lease.invoke(inv);
                } catch (UncheckedIOException cannotStart) {
                    return sandboxFailure(s, inv.requestId(), cannotStart.getMessage());
                }
            }
        }
    }

    /** A function error for a sandbox that could not be started. */
    static InvocationResult sandboxFailure(FunctionSettings s, String requestId, String why) {
        String message = "RequestId: " + requestId + " Error: Runtime failed to start: " + why;
        ObjectNode doc = JSON.createObjectNode();
        doc.put("errorType", "Runtime.ExitError");
        doc.put("errorMessage", message);
        return new InvocationResult(requestId, doc.toString().getBytes(StandardCharsets.UTF_8), "Unhandled", "Runtime.ExitError",
                true, 0, 0, null, s.memoryMb(), 0, null, List.of(message, "Runtime.ExitError"), s.version());
    }

    /**
     * A function error for an invocation an armed fault fails: the error document a handler that threw would give
     * (its type and message, no stack trace), its code not run. Its log lines are the invocation's result only: no
     * sandbox wrote to the function's log group.
     */
    static InvocationResult injected(FunctionSettings s, String requestId, FunctionFault fault) {
        ObjectNode doc = JSON.createObjectNode();
        doc.put("errorMessage", fault.errorMessage());
        doc.put("errorType", fault.errorType());
        doc.put("requestId", requestId);
        doc.putArray("stackTrace");
        String line = "injected fault " + fault.id() + ": " + fault.errorType() + ": " + fault.errorMessage();
        return new InvocationResult(requestId, doc.toString().getBytes(StandardCharsets.UTF_8), "Unhandled", fault.errorType(),
                false, 0, 0, null, s.memoryMb(), 0, null, List.of(line), s.version());
    }

    /** The version was created or changed: the engine gets ready for its first invocation (see {@link FunctionEngine#prepare}). */
    void prepare(FunctionSettings s) {
        engine.prepare(s.engineConfig(endpoint.get()));
    }

    /** Retires the sandboxes of every version of the function (it was deleted); see {@link FunctionEngine#retire}. */
    void retireFunction(Arn functionArn, Runnable afterwards) {
        String arn = functionArn.toString();
        engine.retire(c -> c.functionArn().equals(arn), afterwards);
    }

    /**
     * Retires the sandboxes of one version (a qualified ARN) except those that run {@code current}, its
     * settings now: an invocation that already leased the new settings keeps its sandboxes.
     */
    void retireVersion(Arn qualifiedArn, FunctionSettings current, Runnable afterwards) {
        String arn = qualifiedArn.toString();
        FunctionConfig keep = current == null ? null : current.engineConfig(endpoint.get());
        engine.retire(c -> c.qualifiedArn().equals(arn) && !c.equals(keep), afterwards);
    }

    private static String utf8(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    private static String abbreviate(String s) {
        return s.length() > 200 ? s.substring(0, 200) + "…" : s;
    }
}
