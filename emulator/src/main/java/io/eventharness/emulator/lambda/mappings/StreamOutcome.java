package io.eventharness.emulator.lambda.mappings;

import com.fasterxml.jackson.databind.JsonNode;
import io.eventharness.emulator.lambda.runtime.InvocationResult;
import java.util.HashMap;
import java.util.Map;

/**
 * What one invocation of a stream batch came to, read from the function's response as AWS reads it
 * (<a href="https://docs.aws.amazon.com/lambda/latest/dg/services-kinesis-batchfailurereporting.html">Reporting batch
 * item failures</a>, <a href="https://docs.aws.amazon.com/lambda/latest/dg/services-kinesis-windows.html">tumbling
 * windows</a>).
 *
 * @param failedFrom    {@link Kind#PARTIAL}: the index of the first record to retry (the lowest sequence number
 *                      reported)
 * @param state         a tumbling window's new state ({@link Kind#OK} and {@link Kind#PARTIAL}); else null
 * @param functionError the on-failure record's {@code functionError}: {@code Unhandled} for a function error, null for
 *                      a response that failed the batch
 * @param reason        for the trail: why it failed
 */
record StreamOutcome(Kind kind, int failedFrom, JsonNode state, String functionError, String reason) {

    enum Kind {
        /** Every record processed. */
        OK,
        /** Processed up to {@link #failedFrom}: retry from there. */
        PARTIAL,
        /** The whole batch failed (a function error, or a response AWS does not accept). */
        FAILED,
        /** The function was not invoked (throttled, gone): retried until the records expire, not counted as a retry. */
        NOT_INVOKED
    }

    static StreamOutcome notInvoked(String reason) {
        return new StreamOutcome(Kind.NOT_INVOKED, 0, null, null, reason);
    }

    private static StreamOutcome failed(String functionError, String reason) {
        return new StreamOutcome(Kind.FAILED, 0, null, functionError, reason);
    }

    /**
     * Reads an invocation's result. A function error fails the batch. A tumbling window's aggregation must answer an
     * object with a {@code state} (else it failed); its final invocation's answer is not read. With
     * {@code ReportBatchItemFailures}: an empty answer, {@code null}, {@code ""}, {@code []}, {@code {}}, and a
     * {@code batchItemFailures} that is absent, {@code null} or empty are a success; entries whose
     * {@code itemIdentifier} is the sequence number of a record of the batch make a partial success up to the lowest of
     * them; anything else (an entry without a string {@code itemIdentifier}, an empty or unknown one, an answer of
     * another shape) fails the whole batch.
     */
    static StreamOutcome of(InvocationResult r, StreamBatch b, boolean report) {
        if (r.isError()) {
            return failed(r.functionError(), "function error " + r.errorType() + " (request " + r.requestId() + ")");
        }
        if (b.finalInvoke) {
            return new StreamOutcome(Kind.OK, 0, null, null, null);
        }
        JsonNode doc = JsonText.parse(r.payload());
        boolean blank = r.payload().length == 0 || new String(r.payload(), java.nio.charset.StandardCharsets.UTF_8).isBlank();
        JsonNode state = null;
        if (b.window != null) {
            if (doc == null || !doc.isObject() || !doc.has("state")) {
                return failed(null, "the response has no state for the tumbling window (request " + r.requestId() + ")");
            }
            state = doc.get("state");
        }
        if (!report) {
            return new StreamOutcome(Kind.OK, 0, state, null, null);
        }
        if (blank || doc != null && (doc.isNull() || doc.isTextual() && doc.asText().isEmpty() || doc.isArray() && doc.isEmpty())) {
            return new StreamOutcome(Kind.OK, 0, state, null, null);
        }
        String bad = "the response reports batch item failures as AWS does not accept them (request " + r.requestId() + ")";
        if (doc == null || !doc.isObject()) {
            return failed(null, bad);
        }
        JsonNode failures = doc.get("batchItemFailures");
        if (failures == null || failures.isNull() || failures.isArray() && failures.isEmpty()) {
            return new StreamOutcome(Kind.OK, 0, state, null, null);
        }
        if (!failures.isArray()) {
            return failed(null, bad);
        }
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < b.size(); i++) {
            index.put(b.records.get(i).record().sequenceNumber(), i);
        }
        int lowest = Integer.MAX_VALUE;
        for (JsonNode f : failures) {
            JsonNode id = f.isObject() ? f.get("itemIdentifier") : null;
            Integer at = id != null && id.isTextual() ? index.get(id.asText()) : null;
            if (at == null) {
                return failed(null, bad);
            }
            lowest = Math.min(lowest, at);
        }
        return new StreamOutcome(Kind.PARTIAL, lowest, state, null, "record " + b.records.get(lowest).record().sequenceNumber()
                + " reported failed (request " + r.requestId() + ")");
    }
}
