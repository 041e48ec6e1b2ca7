package io.eventharness.emulator.routing;

import io.eventharness.emulator.http.HttpRequest;
import io.eventharness.emulator.protocol.AwsJsonCodec;
import io.eventharness.emulator.protocol.Call;
import io.eventharness.emulator.protocol.CrossOrigin;
import io.eventharness.emulator.protocol.EmulatedService;
import io.eventharness.emulator.protocol.Protocol;
import io.eventharness.emulator.protocol.ProtocolCodec;
import io.eventharness.emulator.protocol.QueryCodec;
import io.eventharness.emulator.protocol.RestJsonCodec;
import io.eventharness.emulator.protocol.RestXmlCodec;
import io.eventharness.emulator.protocol.ServiceModel;
import io.eventharness.emulator.protocol.ServiceSpec;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One emulated service as the front door sees it: its spec, its operation objects, its operation
 * model and its codec(s). SQS has two: awsJson for the SDK, query for the AWS CLI and boto3.
 *
 * <p>Model and codecs are built on first use or by {@link #warmUp()}, which the emulator runs on a
 * background thread while the server starts: they load the SDK's model classes and Jackson, the
 * largest part of start-up.
 */
public final class ServiceBinding {
    private final ServiceSpec spec;
    private final List<?> operations;
    private final Consumer<Call> admission;
    private final Function<CrossOrigin, Map<String, String>> crossOrigin;
    private volatile ServiceModel model;
    private volatile Codecs codecs;

    /** The main codec, and the query codec of a dual-protocol service (else null). */
    private record Codecs(ProtocolCodec main, ProtocolCodec query) {
    }

    /** A service: its spec and the objects whose public methods are its operations (see {@link ServiceModel}). */
    public ServiceBinding(EmulatedService service) {
        this(service.spec(), service.operations(), service::admit, service::crossOrigin);
    }

    /** A service that checks nothing before its operations ({@link EmulatedService#admit}). */
    public ServiceBinding(ServiceSpec spec, List<?> operations) {
        this(spec, operations, call -> { }, CrossOrigin::refused);
    }

    private ServiceBinding(ServiceSpec spec, List<?> operations, Consumer<Call> admission,
                           Function<CrossOrigin, Map<String, String>> crossOrigin) {
        this.spec = spec;
        this.operations = List.copyOf(operations);
        this.admission = admission;
        this.crossOrigin = crossOrigin;
    }

    /** The CORS headers the service grants a browser's request ({@link EmulatedService#crossOrigin}). */
    public Map<String, String> crossOrigin(CrossOrigin request) {
        return crossOrigin.apply(request);
    }

    /** What the service checks of every call before its operation is looked for ({@link EmulatedService#admit}). */
    public void admit(Call call) {
        admission.accept(call);
    }

    public ServiceSpec spec() {
        return spec;
    }

    public String name() {
        return spec.signingName();
    }

    public ServiceModel model() {
        ServiceModel m = model;
        if (m == null) {
            synchronized (this) {
                if (model == null) {
                    model = ServiceModel.of(spec, operations);
                }
                m = model;
            }
        }
        return m;
    }

    /** Builds the model, the codecs and a REST service's routes now, so that the first request does not wait for them. */
    public void warmUp() {
        codecs();
        model().warmUpRoutes();
    }

    /** The codec for this request: the query codec for form-encoded requests to a dual-protocol service. */
    public ProtocolCodec codecFor(HttpRequest request) {
        Codecs c = codecs();
        if (c.query() != null && (request.contentType().startsWith("application/x-www-form-urlencoded")
                || request.header("X-Amz-Target") == null && request.queryParamIfReadable("Action") != null)) {
            return c.query();
        }
        return c.main();
    }

    private Codecs codecs() {
        Codecs c = codecs;
        if (c == null) {
            synchronized (this) {
                if (codecs == null) {
                    codecs = new Codecs(mainCodec(), queryCodec());
                }
                c = codecs;
            }
        }
        return c;
    }

    private ProtocolCodec mainCodec() {
        return switch (spec.protocol()) {
            case AWS_JSON_1_0, AWS_JSON_1_1 -> spec.jsonDialect() != null ? new AwsJsonCodec(spec.protocol(), spec.jsonDialect())
                    : new AwsJsonCodec(spec.protocol(), "com.amazonaws." + spec.signingName());
            case REST_JSON -> new RestJsonCodec();
            case REST_XML -> new RestXmlCodec(spec.xmlNamespace(), spec.xmlRoots());
            case QUERY -> new QueryCodec(spec.xmlNamespace(), spec.queryNames());
        };
    }

    private ProtocolCodec queryCodec() {
        return spec.protocol() != Protocol.QUERY && spec.xmlNamespace() != null && !spec.queryNames().isEmpty()
                ? new QueryCodec(spec.xmlNamespace(), spec.queryNames()) : null;
    }

    /** Whether this query-protocol service has an operation of that name (routing unsigned requests). */
    public boolean servesAction(String action) {
        return (spec.protocol() == Protocol.QUERY || codecs().query() != null) && model().operation(action) != null;
    }
}
