package io.eventharness.emulator.lambda.runtime;

import io.eventharness.emulator.core.Ids;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One event for a function, as the Runtime API hands it to the sandbox.
 *
 * <p>The deadline is not part of it: the sandbox gets {@code Lambda-Runtime-Deadline-Ms} when the
 * invocation starts (after a cold start), computed from the function's timeout on the wall clock
 * the function's own process reads ({@code get_remaining_time_in_millis()} subtracts the OS clock
 * from it), not from the movable emulator clock.
 *
 * @param requestId          the request id ({@code context.aws_request_id})
 * @param payload            the event bytes, normally JSON
 * @param invokedFunctionArn the ARN the caller used (unqualified, with a version or an alias); null:
 *                           the function's unqualified ARN
 * @param clientContext      the client context as JSON text (the API layer decodes Invoke's base64
 *                           {@code X-Amz-Client-Context}); may be null
 * @param cognitoIdentity    the Cognito identity as JSON text; may be null
 * @param traceId            the X-Ray trace header; null: one is generated
 */
public record Invocation(String requestId, byte[] payload, String invokedFunctionArn, String clientContext,
        String cognitoIdentity, String traceId) {

    public Invocation {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(payload, "payload");
    }

    /** An invocation with a fresh request id and nothing else set. */
    public static Invocation of(byte[] payload) {
        return new Invocation(Ids.uuid(), payload, null, null, null, null);
    }

    /** An invocation of a UTF-8 JSON text. */
    public static Invocation of(String json) {
        return of(json.getBytes(StandardCharsets.UTF_8));
    }

    public Invocation withRequestId(String id) {
        return new Invocation(id, payload, invokedFunctionArn, clientContext, cognitoIdentity, traceId);
    }

    public Invocation withInvokedFunctionArn(String arn) {
        return new Invocation(requestId, payload, arn, clientContext, cognitoIdentity, traceId);
    }

    public Invocation withClientContext(String json) {
        return new Invocation(requestId, payload, invokedFunctionArn, json, cognitoIdentity, traceId);
    }

    public Invocation withCognitoIdentity(String json) {
        return new Invocation(requestId, payload, invokedFunctionArn, clientContext, json, traceId);
    }

    public Invocation withTraceId(String header) {
        return new Invocation(requestId, payload, invokedFunctionArn, clientContext, cognitoIdentity, header);
    }

    /**
     * The headers of the {@code /next} answer that hands this event over ("Using the Lambda runtime API for
     * custom runtimes", Next invocation), for {@code config}'s function; {@code nowMillis} is the emulator's
     * clock, for a generated trace id.
     */
    Map<String, String> runtimeHeaders(FunctionConfig config, long nowMillis) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Lambda-Runtime-Aws-Request-Id", requestId);
        // the function compares the deadline with its own OS clock, so it is real time, not emulator time
        headers.put("Lambda-Runtime-Deadline-Ms", Long.toString(System.currentTimeMillis() + config.timeoutSeconds() * 1000L));
        headers.put("Lambda-Runtime-Invoked-Function-Arn", invokedFunctionArn != null ? invokedFunctionArn : config.functionArn());
        // an X-Ray trace header: Root=1-<epoch seconds hex>-<96 bits hex>;Parent=<64 bits>;Sampled=0
        headers.put("Lambda-Runtime-Trace-Id", traceId != null ? traceId
                : "Root=1-" + Long.toHexString(nowMillis / 1000) + "-" + Ids.hex(12) + ";Parent=" + Ids.hex(8) + ";Sampled=0");
        if (clientContext != null) {
            headers.put("Lambda-Runtime-Client-Context", clientContext);
        }
        if (cognitoIdentity != null) {
            headers.put("Lambda-Runtime-Cognito-Identity", cognitoIdentity);
        }
        return headers;
    }
}
