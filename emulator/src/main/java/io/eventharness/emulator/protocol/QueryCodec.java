package io.eventharness.emulator.protocol;

import io.eventharness.emulator.core.AwsException;
import io.eventharness.emulator.http.HttpRequest;
import io.eventharness.emulator.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.protocol.MarshallLocation;

/**
 * The query protocol (SNS, IAM, STS; SQS as the AWS CLI and boto3 speak it): form parameters with
 * {@code Action=<Operation>}, answered with {@code <OpResponse><OpResult>…</OpResult><ResponseMetadata>}.
 * Errors: {@code <ErrorResponse><Error><Type/><Code/><Message/></Error><RequestId/></ErrorResponse>}.
 */
public final class QueryCodec implements ProtocolCodec {
    private static final Pattern API_VERSION = Pattern.compile("/doc/(\\d{4}-\\d{2}-\\d{2})/");

    private final String namespace;
    /** The API version of the service ({@code 2010-03-31}), read from its namespace; null if it has none. */
    private final String version;
    private final XmlShapes xml;
    private final QueryShapes query;

    public QueryCodec(String namespace, Map<String, ServiceSpec.QueryName> names) {
        this.namespace = namespace;
        Matcher m = API_VERSION.matcher(namespace);
        this.version = m.find() ? m.group(1) : null;
        this.xml = new XmlShapes(names);
        this.query = new QueryShapes(xml);
    }

    /** Query string and form body merged; the form body wins. */
    public static Map<String, String> params(HttpRequest request) {
        Map<String, String> p = new LinkedHashMap<>();
        request.queryParams().forEach((k, v) -> p.put(k, v.get(0)));
        if (request.contentType().startsWith("application/x-www-form-urlencoded") || (request.body().length > 0
                && request.contentType().isEmpty())) {
            for (Map.Entry<String, List<String>> e : HttpRequest.parseForm(request.bodyAsString()).entrySet()) {
                p.put(e.getKey(), e.getValue().get(0));
            }
        }
        return p;
    }

    @Override
    public Resolved resolve(HttpRequest request, ServiceModel model) {
        Map<String, String> params = params(request);
        String action = params.get("Action");
        if (action == null || action.isEmpty()) {
            throw AwsException.of(400, "MissingAction", "Missing required parameter Action");
        }
        // Operations are looked up by Action and Version together: the same Action at another API
        // version is not an operation there. A request without Version is served (lenient).
        String asked = params.get("Version");
        if (asked != null && version != null && !asked.equals(version)) {
            throw AwsException.of(400, "InvalidAction", "Could not find operation " + action + " for version " + asked);
        }
        OperationModel op = model.operation(action);
        if (op == null) {
            if (model.sdkHasOperation(action)) {
                throw ProtocolCodec.notImplemented(model, action);
            }
            throw AwsException.of(400, "InvalidAction", "The action " + action + " is not valid for this web service.");
        }
        return new Resolved(op, Map.of());
    }

    @Override
    public Object decode(HttpRequest request, Resolved resolved) {
        Map<String, String> p = params(request);
        p.remove("Action");
        p.remove("Version");
        try {
            return query.read(p, Shapes.builderSupplier(resolved.op().requestClass()));
        } catch (ShapeException e) {
            throw AwsException.of(400, "InvalidParameterValue", e.getMessage());
        }
    }

    @Override
    public HttpResponse encode(Object result, OperationModel op, Call call) {
        XmlWriter w = new XmlWriter().declaration();
        String root = op.name() + "Response";
        w.start(root, namespace);
        if (hasPayload(result)) {
            w.start(op.name() + "Result");
            xml.writeFields(result, w);
            w.end(op.name() + "Result");
        }
        w.start("ResponseMetadata").element("RequestId", call.requestId()).end("ResponseMetadata");
        w.end(root);
        return new HttpResponse().status(200).header("x-amzn-RequestId", call.requestId()).body(w.bytes(), "text/xml");
    }

    private static boolean hasPayload(Object result) {
        for (SdkField<?> f : ((SdkPojo) result).sdkFields()) {
            if (f.location() == MarshallLocation.PAYLOAD) {
                return true;
            }
        }
        return false;
    }

    @Override
    public HttpResponse encodeError(AwsException error, Call call) {
        XmlWriter w = new XmlWriter().declaration();
        w.start("ErrorResponse", namespace).start("Error")
                .element("Type", error.senderFault() ? "Sender" : "Receiver")
                .element("Code", error.queryCode())
                .element("Message", XmlWriter.legible(error.getMessage()))
                .end("Error")
                .element("RequestId", call.requestId())
                .end("ErrorResponse");
        return new HttpResponse().status(error.status()).header("x-amzn-RequestId", call.requestId())
                .body(w.bytes(), "text/xml");
    }

    @Override
    public AwsException malformed(String message) {
        return AwsException.of(400, "MalformedQueryString", message);
    }
}
