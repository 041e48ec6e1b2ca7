package io.eventharness.emulator.protocol;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper;
import io.eventharness.emulator.core.AwsException;
import io.eventharness.emulator.core.Json;
import io.eventharness.emulator.http.HttpRequest;
import io.eventharness.emulator.http.HttpResponse;
import java.io.IOException;
import java.util.Map;

/**
 * awsJson 1.0 / 1.1 (SQS, CloudWatch Logs, DynamoDB, Kinesis, EventBridge): {@code POST /} with
 * {@code X-Amz-Target: <prefix>.<Operation>} and the request shape as a JSON document. A request in
 * CBOR ({@code application/x-amz-cbor-1.1}, Kinesis's default) is answered in CBOR.
 * Errors: {@code {"__type":"<ns>#<Code>","message":...}}; for query-compatible services (SQS) the
 * legacy code also goes in {@code x-amzn-query-error}. The service's {@link ServiceSpec.JsonDialect} names the
 * namespaces of {@code __type} and whether answers carry {@code x-amz-crc32}; an error's
 * {@link AwsException#jsonMembers() structured members} go into its body (DynamoDB's {@code CancellationReasons}).
 */
public final class AwsJsonCodec implements ProtocolCodec {
    static final ObjectMapper JSON = Json.MAPPER;
    // A document followed by more tokens ("{} }}") is malformed, not a document.
    private static final ObjectReader STRICT_JSON = Json.STRICT;
    static final ObjectMapper CBOR = new CBORMapper(CBORFactory.builder().streamReadConstraints(Json.CONSTRAINTS).build());
    private static final ObjectReader STRICT_CBOR = CBOR.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final String CBOR_TYPE = "application/x-amz-cbor-1.1";

    private final Protocol protocol;
    private final ServiceSpec.JsonDialect dialect;

    public AwsJsonCodec(Protocol protocol, String errorNamespace) {
        this(protocol, new ServiceSpec.JsonDialect(errorNamespace, Map.of(), false));
    }

    public AwsJsonCodec(Protocol protocol, ServiceSpec.JsonDialect dialect) {
        this.protocol = protocol;
        this.dialect = dialect;
    }

    static boolean isCbor(HttpRequest r) {
        return r.contentType().contains("cbor");
    }

    @Override
    public Resolved resolve(HttpRequest request, ServiceModel model) {
        String target = request.header("X-Amz-Target");
        if (target == null || target.indexOf('.') < 0) {
            throw AwsException.of(400, "UnknownOperationException", "Missing or malformed X-Amz-Target header");
        }
        String name = target.substring(target.lastIndexOf('.') + 1);
        OperationModel op = model.operation(name);
        if (op == null) {
            if (model.sdkHasOperation(name)) {
                throw ProtocolCodec.notImplemented(model, name);
            }
            throw AwsException.of(400, "UnknownOperationException", "Unknown operation " + target);
        }
        return new Resolved(op, Map.of());
    }

    @Override
    public Object decode(HttpRequest request, Resolved resolved) {
        boolean cbor = isCbor(request);
        JsonNode node;
        byte[] body = request.body();
        if (body.length == 0) {
            node = JSON.createObjectNode();
        } else {
            try {
                node = (cbor ? STRICT_CBOR : STRICT_JSON).readTree(body);
            } catch (IOException e) {
                throw malformed("Could not parse the request body as " + (cbor ? "CBOR" : "JSON"));
            }
        }
        if (node == null || node.isMissingNode()) {
            node = JSON.createObjectNode();
        }
        try {
            var builder = Shapes.builderOf(resolved.op().requestClass());
            JsonShapes shapes = dialect.keepsNulls() ? (cbor ? JsonShapes.CBOR_SPARSE : JsonShapes.JSON_SPARSE)
                    : (cbor ? JsonShapes.CBOR : JsonShapes.JSON);
            shapes.readInto(node, builder);
            return Shapes.build(builder);
        } catch (ShapeException e) {
            throw malformed(e.getMessage());
        }
    }

    @Override
    public HttpResponse encode(Object result, OperationModel op, Call call) {
        boolean cbor = isCbor(call.http());
        ObjectNode node = (cbor ? JsonShapes.CBOR : JsonShapes.JSON).write(result);
        return respond(200, node, call, cbor);
    }

    @Override
    public HttpResponse encodeError(AwsException error, Call call) {
        boolean cbor = call.http() != null && isCbor(call.http());
        ObjectNode node = JSON.createObjectNode();
        node.put("__type", dialect.type(error.code()));
        node.put("message", error.getMessage());
        error.jsonMembers().forEach(node::set);
        HttpResponse r = respond(error.status(), node, call, cbor);
        if (error.hasQueryCode()) {
            r.header("x-amzn-query-error", error.queryCode() + ";" + (error.senderFault() ? "Sender" : "Receiver"));
        }
        return r;
    }

    private HttpResponse respond(int status, ObjectNode node, Call call, boolean cbor) {
        try {
            byte[] bytes = (cbor ? CBOR : JSON).writeValueAsBytes(node);
            HttpResponse r = new HttpResponse().status(status)
                    .header("x-amzn-RequestId", call.requestId())
                    .body(bytes, cbor ? CBOR_TYPE : protocol.contentType());
            if (dialect.crc32()) {
                java.util.zip.CRC32 crc = new java.util.zip.CRC32();
                crc.update(bytes);
                r.header("x-amz-crc32", Long.toString(crc.getValue()));
            }
            return r;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public AwsException malformed(String message) {
        return AwsException.of(400, "SerializationException", message);
    }
}
