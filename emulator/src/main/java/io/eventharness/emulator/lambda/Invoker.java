package io.eventharness.emulator.lambda;

import io.eventharness.emulator.delivery.Delivery;
import io.eventharness.emulator.lambda.runtime.ConcurrencyLimitExceededException;
import io.eventharness.emulator.lambda.runtime.Invocation;
import io.eventharness.emulator.lambda.runtime.InvocationResult;
import io.eventharness.emulator.lambda.runtime.UnknownRuntimeException;
import io.eventharness.emulator.core.AwsException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * Runs one invocation of a function version through the engine, within the function's reserved
 * concurrency, and records it in the event trail. Every way of invoking (the Invoke API, the async
 * queue, event sources) comes through here.
 */
final class Invoker {
    /** The account's concurrency limit, which unreserved functions share. */
    static final int ACCOUNT_CONCURRENCY = 1000;

    private final FunctionEngine engine;
    private final Delivery delivery;
    private final Supplier<URI> endpoint;

    Invoker(FunctionEngine engine, Delivery delivery, Supplier<URI> endpoint) {
        this.engine = engine;
        this.delivery = delivery;
        this.endpoint = endpoint;
    }

    /**
     * @throws AwsException {@code TooManyRequestsException} when the reserved concurrency is used up
     */
    InvocationResult run(LambdaFunction fn, String qualifier, String requestId, byte[] payload, String clientContext,
                         String source, String kind) {
        FunctionSettings s = fn.resolve(qualifier);
        Integer reserved = fn.reservedConcurrency();
        String target = s.qualifiedArn();
        if (reserved != null && reserved == 0) {
            delivery.note(source, target, kind, utf8(payload), "throttled: reserved concurrency is 0");
            throw LambdaErrors.throttled();
        }
        Invocation inv = new Invocation(requestId, payload, qualifier == null ? fn.arn : fn.arn + ":" + qualifier,
                clientContext, null, null);
        InvocationResult r;
        try {
            r = engine.invoke(s.engineConfig(endpoint.get()), inv, reserved != null ? reserved : ACCOUNT_CONCURRENCY);
        } catch (ConcurrencyLimitExceededException e) {
            delivery.note(source, target, kind, utf8(payload), "throttled: " + e.getMessage());
            throw LambdaErrors.throttled();
        } catch (UnknownRuntimeException e) {
            delivery.note(source, target, kind, utf8(payload), "failed: " + e.getMessage());
            throw AwsException.of(502, "InvalidRuntimeException", e.getMessage());
        }
        delivery.note(source, target, kind, utf8(payload), r.isError()
                ? "error " + r.errorType() + " (" + (r.coldStart() ? "cold" : "warm") + ", request " + requestId + "): " + abbreviate(r.payloadUtf8())
                : "ok (" + (r.coldStart() ? "cold" : "warm") + ", request " + requestId + ")");
        return r;
    }

    void retire(String functionArn) {
        engine.retire(functionArn);
    }

    private static String utf8(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    private static String abbreviate(String s) {
        return s.length() > 200 ? s.substring(0, 200) + "…" : s;
    }
}
