package io.eventharness.emulator.routing;

import io.eventharness.emulator.http.HttpRequest;
import io.eventharness.emulator.protocol.AwsJsonCodec;
import io.eventharness.emulator.protocol.Protocol;
import io.eventharness.emulator.protocol.ProtocolCodec;
import io.eventharness.emulator.protocol.QueryCodec;
import io.eventharness.emulator.protocol.RestJsonCodec;
import io.eventharness.emulator.protocol.RestXmlCodec;
import io.eventharness.emulator.protocol.ServiceModel;
import io.eventharness.emulator.protocol.ServiceSpec;

/**
 * One emulated service as the front door sees it: its spec, its implementation, its operation
 * model (read on first use, to keep start-up short) and its codec(s). SQS has two: awsJson for
 * the SDK, query for the AWS CLI and boto3.
 */
public final class ServiceBinding {
    private final ServiceSpec spec;
    private final Object impl;
    private final ProtocolCodec codec;
    private final ProtocolCodec queryCodec;
    private volatile ServiceModel model;

    public ServiceBinding(ServiceSpec spec, Object impl) {
        this.spec = spec;
        this.impl = impl;
        this.codec = switch (spec.protocol()) {
            case AWS_JSON_1_0, AWS_JSON_1_1 -> new AwsJsonCodec(spec.protocol(), "com.amazonaws." + spec.signingName());
            case REST_JSON -> new RestJsonCodec();
            case REST_XML -> new RestXmlCodec(spec.xmlNamespace(), spec.xmlRoots());
            case QUERY -> new QueryCodec(spec.xmlNamespace(), spec.queryNames());
        };
        this.queryCodec = spec.protocol() != Protocol.QUERY && spec.xmlNamespace() != null && !spec.queryNames().isEmpty()
                ? new QueryCodec(spec.xmlNamespace(), spec.queryNames()) : null;
    }

    public ServiceSpec spec() {
        return spec;
    }

    public String name() {
        return spec.signingName();
    }

    public Object impl() {
        return impl;
    }

    public ServiceModel model() {
        ServiceModel m = model;
        if (m == null) {
            synchronized (this) {
                if (model == null) {
                    model = ServiceModel.of(spec, impl);
                }
                m = model;
            }
        }
        return m;
    }

    /** The codec for this request: the query codec for form-encoded requests to a dual-protocol service. */
    public ProtocolCodec codecFor(HttpRequest request) {
        if (queryCodec != null && (request.contentType().startsWith("application/x-www-form-urlencoded")
                || request.header("X-Amz-Target") == null && request.queryParamIfReadable("Action") != null)) {
            return queryCodec;
        }
        return codec;
    }

    /** Whether this query-protocol service has an operation of that name (routing unsigned requests). */
    public boolean servesAction(String action) {
        return (spec.protocol() == Protocol.QUERY || queryCodec != null) && model().operation(action) != null;
    }
}
