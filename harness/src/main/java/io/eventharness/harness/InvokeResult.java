package io.eventharness.harness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The answer of a synchronous invocation: the payload (the function's result, or its error JSON),
 * {@code X-Amz-Function-Error}, and the tail of the invocation's log.
 */
public record InvokeResult(int statusCode, String payload, String functionError, String logTail, String requestId) {
    private static final ObjectMapper JSON = new ObjectMapper();

    static InvokeResult of(software.amazon.awssdk.services.lambda.model.InvokeResponse r) {
        String payload = r.payload() == null ? "" : r.payload().asUtf8String();
        String tail = r.logResult() == null ? "" : new String(Base64.getDecoder().decode(r.logResult()), StandardCharsets.UTF_8);
        return new InvokeResult(r.statusCode(), payload, r.functionError(), tail, r.responseMetadata().requestId());
    }

    /** Whether the function failed ({@code X-Amz-Function-Error} set). */
    public boolean failed() {
        return functionError != null;
    }

    /** The payload parsed as JSON (the error's {@code errorType}, {@code errorMessage}, {@code stackTrace} on failure). */
    public JsonNode json() {
        try {
            return JSON.readTree(payload);
        } catch (IOException e) {
            throw new UncheckedIOException("payload is not JSON: " + payload, e);
        }
    }
}
