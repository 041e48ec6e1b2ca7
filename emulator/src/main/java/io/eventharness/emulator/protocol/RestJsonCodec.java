package io.eventharness.emulator.protocol;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.eventharness.emulator.core.AwsException;
import io.eventharness.emulator.core.Json;
import io.eventharness.emulator.http.HttpRequest;
import io.eventharness.emulator.http.HttpResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.protocol.MarshallingType;

/**
 * restJson1 (Lambda, EventBridge Scheduler): the operation is the route (method + URI template from
 * the SDK marshaller); labels, query and headers bind members; the rest is a JSON body, or the raw
 * body for an {@code @httpPayload} blob (Lambda Invoke). Errors carry {@code x-amzn-ErrorType}.
 */
public final class RestJsonCodec implements ProtocolCodec {

    @Override
    public Resolved resolve(HttpRequest request, ServiceModel model) {
        String path = request.rawPath();
        for (OperationModel op : model.routes()) {
            Map<String, String> params = op.route().match(request.method(), path, request.queryParams(), request.headers());
            if (params != null) {
                return new Resolved(op, params);
            }
        }
        for (ServiceModel.SdkRoute r : model.unimplementedRoutes()) {
            if (r.route().match(request.method(), path, request.queryParams(), request.headers()) != null) {
                throw ProtocolCodec.notImplemented(model, r.name());
            }
        }
        throw AwsException.of(404, "UnknownOperationException", "No operation matches " + request.method() + " " + path);
    }

    @Override
    public Object decode(HttpRequest request, Resolved resolved) {
        SdkPojo builder = Shapes.builderOf(resolved.op().requestClass());
        try {
            RestBindings.readNonPayload(request, resolved.pathParams(), builder);
            SdkField<?> payload = RestBindings.payloadMember(builder);
            byte[] body = request.body();
            if (payload != null) {
                if (body.length > 0) {
                    payload.set(builder, readPayload(payload, body));
                }
            } else if (body.length > 0 && RestBindings.hasBodyMembers(builder)) {
                JsonShapes.JSON.readInto(parse(body), builder);
            }
        } catch (ShapeException e) {
            throw malformed(e.getMessage());
        }
        return Shapes.build(builder);
    }

    private Object readPayload(SdkField<?> f, byte[] body) {
        if (f.marshallingType() == MarshallingType.SDK_BYTES) {
            return SdkBytes.fromByteArray(body);
        } else if (f.marshallingType() == MarshallingType.STRING) {
            return new String(body, StandardCharsets.UTF_8);
        }
        return JsonShapes.JSON.readPojo(parse(body), f.constructor());
    }

    private JsonNode parse(byte[] body) {
        try {
            return Json.STRICT.readTree(body);
        } catch (IOException e) {
            throw malformed("Could not parse request body into json: " + e.getMessage());
        }
    }

    @Override
    public HttpResponse encode(Object result, OperationModel op, Call call) {
        int status = 200;
        Object response = result;
        byte[] raw = null;
        if (result instanceof WithBody<?> wb) {
            response = wb.response();
            raw = wb.body();
            status = wb.status();
        }
        HttpResponse out = new HttpResponse().header("x-amzn-RequestId", call.requestId());
        int bound = RestBindings.writeNonPayload(response, out);
        if (bound > 0) {
            status = bound;
        }
        out.status(status);
        SdkField<?> payload = RestBindings.payloadMember((SdkPojo) response);
        if (raw != null) {
            out.body(raw, out.headers().has("Content-Type") ? null : "application/json");
        } else if (payload != null) {
            Object v = payload.getValueOrDefault(response);
            if (v instanceof SdkBytes b) {
                out.body(b.asByteArray(), out.headers().has("Content-Type") ? null : "application/json");
            } else if (v instanceof String s) {
                out.body(s, "application/json");
            } else if (v != null) {
                out.body(write(JsonShapes.JSON.write(v)), "application/json");
            }
        } else if (RestBindings.hasBodyMembers((SdkPojo) response)) {
            out.body(write(JsonShapes.JSON.write(response)), "application/json");
        }
        return out;
    }

    private static byte[] write(ObjectNode node) {
        try {
            return AwsJsonCodec.JSON.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public HttpResponse encodeError(AwsException error, Call call) {
        ObjectNode node = AwsJsonCodec.JSON.createObjectNode();
        node.put("Type", error.senderFault() ? "User" : "Service");
        node.put("message", error.getMessage());
        error.members().forEach(node::put);
        return new HttpResponse().status(error.status())
                .header("x-amzn-RequestId", call.requestId())
                .header("x-amzn-ErrorType", error.code())
                .body(write(node), "application/json");
    }

    @Override
    public AwsException malformed(String message) {
        return AwsException.of(400, "InvalidRequestContentException", message);
    }
}
