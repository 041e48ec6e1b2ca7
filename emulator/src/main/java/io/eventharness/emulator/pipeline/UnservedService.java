package io.eventharness.emulator.pipeline;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.eventharness.emulator.core.Json;
import io.eventharness.emulator.http.HttpRequest;
import io.eventharness.emulator.http.HttpResponse;
import java.util.List;

/**
 * The answer to a request for a service the emulator does not serve: {@code 501 NotImplemented}, as for an
 * operation it lacks, naming the service and those it serves, in the error envelope the caller's protocol reads —
 * awsJson for a request with {@code X-Amz-Target}, query XML for a form or a query {@code Action}, restJson1 for
 * a JSON body, else restXml. The SDKs raise it as the service's exception with that code and message, so a test
 * that calls a service the emulator lacks fails at once, saying so, instead of getting an answer meant for S3.
 */
final class UnservedService {
    static final int STATUS = 501;
    static final String CODE = "NotImplemented";

    private UnservedService() {
    }

    /**
     * @param what      what the request asked for ({@code dynamodb}, a target prefix, a query action)
     * @param served    the signing names of the services served
     * @param requestId the request id of the answer
     */
    static HttpResponse answer(HttpRequest r, String what, List<String> served, String requestId) {
        String message = "The Event Harness emulator does not serve " + what + "; it serves " + String.join(", ", served)
                + ". Run what needs " + what + " against LocalStack or AWS.";
        HttpResponse res = new HttpResponse().status(STATUS).header("x-amzn-RequestId", requestId)
                .header("x-amzn-ErrorType", CODE);
        String contentType = r.contentType();
        if (r.header("X-Amz-Target") != null) {
            String type = contentType.startsWith("application/x-amz-json-") ? contentType : "application/x-amz-json-1.0";
            ObjectNode doc = Json.MAPPER.createObjectNode().put("__type", CODE).put("message", message);
            return res.body(doc.toString(), type);
        }
        boolean query = contentType.startsWith("application/x-www-form-urlencoded") || r.queryParamIfReadable("Action") != null;
        if (!query && contentType.contains("json")) {
            return res.body(Json.MAPPER.createObjectNode().put("message", message).toString(), "application/json");
        }
        return res.body("<ErrorResponse><Error><Type>Sender</Type><Code>" + CODE + "</Code><Message>" + xml(message)
                + "</Message></Error><RequestId>" + requestId + "</RequestId></ErrorResponse>", "text/xml");
    }

    private static String xml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
