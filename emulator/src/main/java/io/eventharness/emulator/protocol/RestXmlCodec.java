package io.eventharness.emulator.protocol;

import io.eventharness.emulator.core.AwsException;
import io.eventharness.emulator.http.HttpRequest;
import io.eventharness.emulator.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.w3c.dom.Element;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.protocol.MarshallLocation;
import software.amazon.awssdk.core.protocol.MarshallingType;

/**
 * restXml as S3 speaks it. The bucket comes from the virtual host ({@code bucket.localhost:4566}) or
 * the first path segment (path style); the SDK's route templates are bucket-relative
 * ({@code GET /{Key+}}, {@code PUT ?notification}). Bodies of aws-chunked uploads are decoded first.
 * Errors: {@code <Error><Code/><Message/><RequestId/></Error>}, no body for HEAD.
 */
public final class RestXmlCodec implements ProtocolCodec {
    private static final String BUCKET = "Bucket";

    private final String namespace;
    private final Map<String, String> roots;

    public RestXmlCodec(String namespace, Map<String, String> roots) {
        this.namespace = namespace;
        this.roots = roots;
    }

    /** The bucket of a virtual-host-style request ({@code <bucket>.localhost}, {@code <bucket>.s3.<domain>}), or null. */
    static String virtualHostBucket(HttpRequest r) {
        String host = r.host();
        if (host.isEmpty() || host.startsWith("[") || Character.isDigit(host.charAt(host.length() - 1))) {
            return null;
        }
        if (host.endsWith(".localhost")) {
            return host.substring(0, host.length() - ".localhost".length());
        }
        int s3 = host.indexOf(".s3.");
        if (s3 > 0) {
            return host.substring(0, s3);
        }
        int s3dash = host.indexOf(".s3-");
        return s3dash > 0 ? host.substring(0, s3dash) : null;
    }

    @Override
    public Resolved resolve(HttpRequest request, ServiceModel model) {
        if (AwsChunked.applies(request)) {
            AwsChunked.decodeInPlace(request);
        }
        String bucket = virtualHostBucket(request);
        String rest = request.rawPath();
        if (bucket == null) {
            String p = rest.substring(1);
            int slash = p.indexOf('/');
            String first = slash < 0 ? p : p.substring(0, slash);
            if (!first.isEmpty()) {
                bucket = HttpRequest.decodePath(first);
                rest = slash < 0 ? "" : p.substring(slash);
            }
        }
        if (bucket != null && (rest.isEmpty() || rest.equals("/")) && FormUpload.is(request)
                && model.operation("PutObject") != null) {
            // a browser's form upload is PutObject's other wire form (the key is a field of the form)
            Map<String, String> params = new LinkedHashMap<>();
            params.put("Key", FormUpload.parse(request).key());
            params.put(BUCKET, bucket);
            return new Resolved(model.operation("PutObject"), params);
        }
        for (OperationModel op : model.routes()) {
            boolean needsBucket = op.bindsToPath(BUCKET);
            if (needsBucket != (bucket != null)) {
                continue;
            }
            Map<String, String> params = op.route().match(request.method(), needsBucket ? rest : request.rawPath(),
                    request.queryParams(), request.headers());
            if (params != null) {
                refuseUnimplemented(request, model, bucket, rest, op.route().score());
                Map<String, String> all = new LinkedHashMap<>(params);
                if (bucket != null) {
                    all.put(BUCKET, bucket);
                }
                return new Resolved(op, all);
            }
        }
        refuseUnimplemented(request, model, bucket, rest, -1);
        throw AwsException.of(405, "MethodNotAllowed", "The specified method is not allowed against this resource: "
                + request.method() + " " + request.rawPath());
    }

    /** 501 when an SDK operation the emulator lacks has a more specific route for this request ({@code ?tagging}). */
    private void refuseUnimplemented(HttpRequest request, ServiceModel model, String bucket, String rest, int score) {
        for (ServiceModel.SdkRoute r : model.unimplementedRoutes()) {
            if (r.route().score() <= score) {
                return;
            }
            boolean needsBucket = r.pathMembers().contains(BUCKET);
            if (needsBucket == (bucket != null) && r.route().match(request.method(), needsBucket ? rest : request.rawPath(),
                    request.queryParams(), request.headers()) != null) {
                throw ProtocolCodec.notImplemented(model, r.name());
            }
        }
    }

    @Override
    public Object decode(HttpRequest request, Resolved resolved) {
        SdkPojo builder = Shapes.builderOf(resolved.op().requestClass());
        try {
            RestBindings.readNonPayload(FormUpload.is(request) ? formAsHeaders(request) : request, resolved.pathParams(), builder);
        } catch (ShapeException e) {
            // a query parameter or header that is not of its type (max-keys=blah): S3's InvalidArgument
            throw AwsException.of(400, "InvalidArgument", e.getMessage());
        }
        try {
            statedLength(request, builder);
            SdkField<?> payload = RestBindings.payloadMember(builder);
            byte[] body = request.body();
            if (payload != null && body.length > 0) {
                if (payload.marshallingType() == MarshallingType.SDK_POJO) {
                    org.w3c.dom.Element root = XmlShapes.parse(body);
                    if (!payload.locationName().equals(XmlShapes.localName(root))) {
                        throw new ShapeException("The XML you provided was not well-formed or did not validate against our published schema");
                    }
                    payload.set(builder, XmlShapes.PLAIN.readPojo(root, payload.constructor()));
                } else if (payload.marshallingType() == MarshallingType.STRING) {
                    payload.set(builder, new String(body, StandardCharsets.UTF_8));
                } else if (payload.marshallingType() == MarshallingType.SDK_BYTES) {
                    payload.set(builder, SdkBytes.fromByteArray(body));
                }
            } else if (payload == null && body.length > 0 && RestBindings.hasBodyMembers(builder)) {
                XmlShapes.PLAIN.readInto(XmlShapes.parse(body), builder);
            }
        } catch (ShapeException e) {
            throw malformed(e.getMessage());
        }
        return Shapes.build(builder);
    }

    /**
     * A form upload as the PUT it stands for: each field of the form a header ({@code acl} is {@code x-amz-acl}), the
     * file the body. The fields that are no header of the operation (the policy, its signature ...) are read by the
     * operation itself ({@link Call#form()}).
     */
    private static HttpRequest formAsHeaders(HttpRequest request) {
        FormUpload form = FormUpload.parse(request);
        io.eventharness.emulator.http.Headers headers = new io.eventharness.emulator.http.Headers();
        form.fields().forEach((name, value) -> {
            if (!name.equals("key") && !name.equals("tagging")) {
                headers.add(name.equals("acl") ? "x-amz-acl" : name, value);
            }
        });
        headers.set("Content-Length", Integer.toString(form.file().length));
        return new HttpRequest("PUT", request.rawPath(), "", headers, form.file());
    }

    /**
     * A body sent chunked ({@code Transfer-Encoding}) has a length all the same, once read: it becomes the request's
     * {@code Content-Length} member, so that an operation that needs one (S3's PutObject answers 411
     * MissingContentLength without) tells a body of unstated length from one that was framed.
     */
    private static void statedLength(HttpRequest request, SdkPojo builder) {
        if (request.headers().has("Content-Length") || !request.headers().has("Transfer-Encoding")) {
            return;
        }
        for (SdkField<?> f : builder.sdkFields()) {
            if (f.location() == MarshallLocation.HEADER && f.locationName().equalsIgnoreCase("Content-Length")) {
                f.set(builder, (long) request.body().length);
            }
        }
    }

    @Override
    public HttpResponse encode(Object result, OperationModel op, Call call) {
        int status = 200;
        Object response = result;
        byte[] raw = null;
        HttpResponse out = new HttpResponse();
        if (result instanceof WithBody<?> wb) {
            response = wb.response();
            raw = wb.body();
            status = wb.status();
            wb.headers().forEach(out::header);
        }
        out.header("x-amz-request-id", call.requestId()).header("x-amz-id-2", call.requestId());
        int bound = RestBindings.writeNonPayload(response, out);
        out.status(bound > 0 ? bound : status);
        SdkField<?> payload = RestBindings.payloadMember((SdkPojo) response);
        if (raw != null && raw.length == 0 && status == 204) {
            return out; // No Content: no content type either
        } else if (raw != null) {
            out.body(raw, out.headers().has("Content-Type") ? null : "binary/octet-stream");
        } else if (payload != null) {
            Object v = payload.getValueOrDefault(response);
            String root = roots.get(op.name());
            if (payload.marshallingType() == MarshallingType.STRING && root != null) {
                // s3UnwrappedXmlOutput (GetBucketLocation): the document's root element holds the value
                XmlWriter w = new XmlWriter().declaration().start(root, namespace).text(v == null ? "" : (String) v).end(root);
                out.body(w.bytes(), "application/xml");
            } else if (v instanceof SdkBytes b) {
                out.body(b.asByteArray(), null);
            } else if (v instanceof String s) {
                out.body(s, null);
            } else if (v != null) {
                XmlWriter w = new XmlWriter().declaration();
                XmlShapes.PLAIN.writeElement(payload.locationName(), v, namespace, w);
                out.body(w.bytes(), "application/xml");
            }
        } else if (RestBindings.hasBodyMembers((SdkPojo) response)) {
            XmlWriter w = new XmlWriter().declaration();
            String root = roots.getOrDefault(op.name(), op.name() + "Result");
            w.start(root, namespace);
            XmlShapes.PLAIN.writeFields(response, w);
            w.end(root);
            out.body(w.bytes(), "application/xml");
        }
        return out;
    }

    @Override
    public HttpResponse encodeError(AwsException error, Call call) {
        HttpResponse out = new HttpResponse().status(error.status())
                .header("x-amz-request-id", call.requestId()).header("x-amz-id-2", call.requestId());
        error.headers().forEach(out::header);
        if (error.status() == 304 || call.http() != null && "HEAD".equals(call.http().method())) {
            return out; // HEAD answers and 304 (RFC 9110 §15.4.5) carry no body
        }
        XmlWriter w = new XmlWriter().declaration().start("Error")
                .element("Code", error.code())
                .element("Message", XmlWriter.legible(error.getMessage()));
        // what S3 adds to some errors: ArgumentName and ArgumentValue, Condition, Key ... (an absent one is left out)
        error.members().forEach((name, value) -> {
            if (value != null) {
                w.element(name, XmlWriter.legible(value));
            }
        });
        w.element("RequestId", call.requestId())
                .element("HostId", call.requestId())
                .end("Error");
        return out.body(w.bytes(), "application/xml");
    }

    @Override
    public AwsException malformed(String message) {
        return AwsException.of(400, "MalformedXML", message);
    }
}
