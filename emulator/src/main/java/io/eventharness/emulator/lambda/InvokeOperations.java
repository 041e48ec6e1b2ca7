package io.eventharness.emulator.lambda;

import io.eventharness.emulator.core.Arn;
import io.eventharness.emulator.core.AwsException;
import io.eventharness.emulator.core.EmulatorClock;
import io.eventharness.emulator.core.Ids;
import io.eventharness.emulator.delivery.Delivery;
import io.eventharness.emulator.delivery.Message;
import io.eventharness.emulator.lambda.runtime.InvocationResult;
import io.eventharness.emulator.protocol.Call;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeRequest;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.LogType;

/**
 * {@code Invoke} — synchronous ({@code RequestResponse}, through the {@link Invoker}), asynchronous
 * ({@code Event}, into the {@link AsyncInvoker}'s queue) and {@code DryRun} — and the invocations other services
 * ask for through {@code delivery} ({@link #deliver}): asynchronous, and only when the function's resource policy
 * allows the source's service principal, as in AWS.
 */
public final class InvokeOperations {
    static final int MAX_SYNC_PAYLOAD = 6 * 1024 * 1024;
    static final int MAX_ASYNC_PAYLOAD = 1024 * 1024;

    private final EmulatorClock clock;
    private final Delivery delivery;
    private final LambdaFunctions functions;
    private final Invoker invoker;
    private final AsyncInvoker async;

    InvokeOperations(EmulatorClock clock, Delivery delivery, LambdaFunctions functions, Invoker invoker, AsyncInvoker async) {
        this.clock = clock;
        this.delivery = delivery;
        this.functions = functions;
        this.invoker = invoker;
        this.async = async;
    }

    /**
     * A function error is a 200 with {@code X-Amz-Function-Error}; {@code Event} answers 202 once queued,
     * {@code DryRun} 204 once the request is valid.
     */
    public InvokeResponse invoke(InvokeRequest r, Call call) {
        FunctionName n = FunctionName.parse(r.functionName(), r.qualifier());
        LambdaFunction fn = functions.require(n.name(), call.region());
        FunctionSettings s = fn.resolve(n.qualifier());
        byte[] payload = r.payload() == null ? new byte[0] : r.payload().asByteArrayUnsafe();
        InvocationType type = r.invocationType() == null ? InvocationType.REQUEST_RESPONSE : r.invocationType();
        if (type == InvocationType.UNKNOWN_TO_SDK_VERSION) {
            throw LambdaErrors.validation("invocationType", r.invocationTypeAsString(),
                    "Member must satisfy enum value set: [Event, RequestResponse, DryRun]");
        }
        if (r.logType() == LogType.UNKNOWN_TO_SDK_VERSION) {
            throw LambdaErrors.validation("logType", r.logTypeAsString(), "Member must satisfy enum value set: [Tail, None]");
        }
        int limit = type == InvocationType.EVENT ? MAX_ASYNC_PAYLOAD : MAX_SYNC_PAYLOAD;
        if (payload.length > limit) {
            throw LambdaErrors.tooLarge(limit, type == InvocationType.EVENT ? "InvokeAsync" : "Invoke");
        }
        payload = Payloads.requireJson(payload);
        switch (type) {
            case DRY_RUN:
                return InvokeResponse.builder().statusCode(204).build();
            case EVENT:
                async.submit(new AsyncEvent(fn, n.qualifier(), call.requestId(), payload, "Invoke API", clock.millis()));
                return InvokeResponse.builder().statusCode(202).build();
            default:
                InvocationResult res = invoker.run(fn, n.qualifier(), call.requestId(), payload,
                        decodeClientContext(r.clientContext()), "Invoke API", "lambda:Invoke");
                InvokeResponse.Builder b = InvokeResponse.builder().statusCode(200)
                        .executedVersion(res.executedVersion() != null ? res.executedVersion() : s.version())
                        .payload(SdkBytes.fromByteArrayUnsafe(res.payload()))
                        .functionError(res.functionError());
                if (r.logType() == LogType.TAIL) {
                    b.logResult(res.logResult());
                }
                return b.build();
        }
    }

    private static String decodeClientContext(String base64) {
        if (base64 == null) {
            return null;
        }
        try {
            return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw LambdaErrors.invalidRequestContent("Client context must be a valid Base64-encoded JSON object.");
        }
    }

    /**
     * Another service invokes a function asynchronously (SNS, S3, a destination): the {@code delivery} target of
     * {@code arn:aws:lambda:…}. Allowed when the function's resource policy lets the source's service principal
     * invoke it; a Lambda source (a destination) and a Scheduler schedule (its execution role) need no statement, nor
     * does a source whose service the emulator was told to trust without a policy ({@link Delivery#trustWithoutPolicy}:
     * S3 under {@code --skip-s3-destination-policy-check}).
     */
    void deliver(String sourceArn, String targetArn, Message m) {
        FunctionName n = FunctionName.parse(targetArn, null);
        LambdaFunction fn = functions.find(n.name()).orElseThrow(() -> LambdaErrors.functionNotFound(Arn.parse(targetArn)));
        String principal = servicePrincipal(sourceArn);
        if (principal != null && !fn.allows(principal, sourceArn) && !delivery.trustedWithoutPolicy(sourceArn)) {
            throw AwsException.of(403, "AccessDeniedException", "The resource policy of " + fn.arn() + " does not allow "
                    + principal + " to invoke it for " + sourceArn + " (add it with AddPermission)");
        }
        async.submit(new AsyncEvent(fn, n.qualifier(), Ids.uuid(), m.body().getBytes(StandardCharsets.UTF_8),
                sourceArn, clock.millis()));
    }

    /**
     * {@code sns.amazonaws.com} for a topic ARN; null (no statement needed) for a Lambda source, an EventBridge
     * Scheduler schedule (it invokes with its execution role, an identity-based permission IAM does not enforce here)
     * or a source that is not an ARN.
     */
    static String servicePrincipal(String sourceArn) {
        String service = Arn.serviceOf(sourceArn);
        return service.isEmpty() || service.equals("lambda") || service.equals("scheduler") ? null : service + ".amazonaws.com";
    }
}
