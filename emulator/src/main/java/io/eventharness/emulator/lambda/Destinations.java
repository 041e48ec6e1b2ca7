package io.eventharness.emulator.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.eventharness.emulator.core.Arn;
import io.eventharness.emulator.core.Json;
import io.eventharness.emulator.delivery.Delivery;
import io.eventharness.emulator.delivery.Message;
import io.eventharness.emulator.lambda.runtime.InvocationResult;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where an asynchronous invocation's outcome goes: the {@code OnSuccess} / {@code OnFailure}
 * destinations get an invocation record, the function's dead-letter queue gets the original event
 * with {@code RequestID}, {@code ErrorCode} and {@code ErrorMessage} attributes
 * (<a href="https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-retain-records.html">AWS: retaining records</a>).
 * A destination that cannot be reached is recorded in the trail and otherwise ignored, as in AWS.
 */
final class Destinations {
    private static final ObjectMapper JSON = Json.MAPPER;
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private final Delivery delivery;

    Destinations(Delivery delivery) {
        this.delivery = delivery;
    }

    void success(FunctionSettings fn, AsyncEvent e, InvocationResult r, Arn destinationArn, Instant now) {
        if (destinationArn != null) {
            send(fn, destinationArn, "lambda:OnSuccess", record(fn, e, r, "Success", now));
        }
    }

    /**
     * @param condition {@code RetriesExhausted} or {@code EventAgeExceeded}
     * @param r         the last attempt's result; null when the event expired before any attempt
     */
    void failure(FunctionSettings fn, AsyncEvent e, InvocationResult r, String condition, Arn destinationArn, Instant now) {
        if (destinationArn != null) {
            send(fn, destinationArn, "lambda:OnFailure", record(fn, e, r, condition, now));
        }
        if (fn.deadLetterTarget() != null) {
            Map<String, Message.Attribute> attrs = new LinkedHashMap<>();
            attrs.put("RequestID", Message.Attribute.string(e.requestId));
            attrs.put("ErrorCode", Message.Attribute.number("200"));
            attrs.put("ErrorMessage", Message.Attribute.string(errorMessage(r, condition)));
            send(fn, fn.deadLetterTarget(), "lambda:DeadLetter",
                    new Message(new String(e.payload, StandardCharsets.UTF_8), attrs, null, null));
        }
    }

    private void send(FunctionSettings fn, Arn arn, String kind, Message m) {
        try {
            delivery.send(fn.qualifiedArn().toString(), arn.toString(), kind, m);
        } catch (RuntimeException ignored) {
            // recorded in the trail by Delivery; AWS drops records it cannot deliver
        }
    }

    private static String errorMessage(InvocationResult r, String condition) {
        if (r == null) {
            return "Event age exceeded";
        }
        JsonNode err = parse(r.payload());
        String msg = err != null ? err.path("errorMessage").asText(null) : null;
        return msg != null ? msg : condition;
    }

    /** The invocation record, keys in AWS's order. */
    static Message record(FunctionSettings fn, AsyncEvent e, InvocationResult r, String condition, Instant now) {
        ObjectNode rec = JSON.createObjectNode();
        rec.put("version", "1.0");
        rec.put("timestamp", TIMESTAMP.format(now));
        ObjectNode ctx = rec.putObject("requestContext");
        ctx.put("requestId", e.requestId);
        ctx.put("functionArn", e.targetArn().toString());
        ctx.put("condition", condition);
        ctx.put("approximateInvokeCount", e.attempts);
        JsonNode request = parse(e.payload);
        rec.set("requestPayload", request != null ? request : JSON.getNodeFactory().textNode(new String(e.payload, StandardCharsets.UTF_8)));
        if (r != null) {
            ObjectNode res = rec.putObject("responseContext");
            res.put("statusCode", 200);
            res.put("executedVersion", r.executedVersion() == null ? fn.version() : r.executedVersion());
            if (r.isError()) {
                res.put("functionError", r.functionError());
            }
            JsonNode payload = parse(r.payload());
            if (payload != null) {
                rec.set("responsePayload", payload);
            } else if (r.payload().length > 0) {
                rec.put("responsePayload", new String(r.payload(), StandardCharsets.UTF_8));
            }
        }
        return Message.of(rec.toString());
    }

    private static JsonNode parse(byte[] b) {
        if (b == null || b.length == 0) {
            return null;
        }
        try {
            return JSON.readTree(b);
        } catch (java.io.IOException ex) {
            return null;
        }
    }
}
