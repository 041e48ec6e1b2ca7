package io.eventharness.emulator.protocol;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import software.amazon.awssdk.core.SdkRequest;

/**
 * The operations of one emulated service, read from its operation objects and the SDK: every public
 * method {@code FooResponse foo(FooRequest[, Call])} of one of the objects is operation {@code Foo};
 * its HTTP binding comes from the SDK's {@code FooRequestMarshaller}. A service spreads its operations over
 * several small objects ({@code QueueOperations}, {@code MessageOperations}); each operation is in exactly one.
 */
public final class ServiceModel {
    private final ServiceSpec spec;
    private final Map<String, OperationModel> operations;
    private volatile List<OperationModel> routesBySpecificity;
    private volatile List<SdkRoute> unimplemented;

    private ServiceModel(ServiceSpec spec, Map<String, OperationModel> operations) {
        this.spec = spec;
        this.operations = operations;
    }

    public static ServiceModel of(ServiceSpec spec, List<?> operationObjects) {
        Map<String, OperationModel> ops = new LinkedHashMap<>();
        for (Object impl : operationObjects) {
            collect(spec, impl, ops);
        }
        return new ServiceModel(spec, ops);
    }

    private static void collect(ServiceSpec spec, Object impl, Map<String, OperationModel> ops) {
        SdkRoutes routes = isRest(spec) ? SdkRoutes.of(spec.sdkClient()) : null;
        for (Method m : impl.getClass().getMethods()) {
            if (m.getDeclaringClass() == Object.class || Modifier.isStatic(m.getModifiers())) {
                continue;
            }
            Class<?>[] params = m.getParameterTypes();
            if (params.length == 0 || params.length > 2 || !SdkRequest.class.isAssignableFrom(params[0])
                    || (params.length == 2 && params[1] != Call.class)) {
                continue;
            }
            Class<?> req = params[0];
            String name = req.getSimpleName().substring(0, req.getSimpleName().length() - "Request".length());
            OperationModel op = new OperationModel(name, req, routes == null ? null : routes.entry(name), impl, m);
            OperationModel before = ops.put(name, op);
            if (before != null) {
                throw new IllegalStateException(spec.signingName() + " implements " + name + " twice (in "
                        + before.implementation().getClass().getSimpleName() + " and " + impl.getClass().getSimpleName() + ")");
            }
        }
    }

    /** REST protocols route by the SDK's method and URI; the RPC ones ({@code POST /}) by a header or a parameter. */
    private static boolean isRest(ServiceSpec spec) {
        return spec.protocol() == Protocol.REST_JSON || spec.protocol() == Protocol.REST_XML;
    }

    public ServiceSpec spec() {
        return spec;
    }

    public OperationModel operation(String name) {
        return operations.get(name);
    }

    public Collection<OperationModel> operations() {
        return operations.values();
    }

    /** A REST service's routes, parsed now rather than on its first request. */
    public void warmUpRoutes() {
        if (isRest(spec)) {
            routes();
            unimplementedRoutes();
        }
    }

    /** Operations ordered most specific route first (REST protocols). */
    public List<OperationModel> routes() {
        List<OperationModel> r = routesBySpecificity;
        if (r == null) {
            r = new ArrayList<>(operations.values());
            r.sort(Comparator.comparingInt((OperationModel o) -> o.route().score()).reversed());
            routesBySpecificity = r;
        }
        return r;
    }

    /**
     * An SDK operation the emulator does not implement, with the route its marshaller declares.
     *
     * @param pathMembers the request members bound to the path ({@link SdkRoutes.Entry#pathMembers()})
     */
    public record SdkRoute(String name, RouteTemplate route, List<String> pathMembers) {
    }

    /**
     * The routes of the SDK operations this service does not implement, most specific first: a REST
     * codec answers 501 for them rather than serve a less specific implemented route
     * ({@code DELETE /bucket?tagging} must not delete the bucket).
     */
    public List<SdkRoute> unimplementedRoutes() {
        List<SdkRoute> r = unimplemented;
        if (r == null) {
            r = new ArrayList<>();
            for (SdkRoutes.Entry e : SdkRoutes.of(spec.sdkClient()).entries().values()) {
                // an unimplemented streaming operation (its client method takes the body apart) is left to the other routes
                if (!operations.containsKey(e.name()) && !e.streaming()) {
                    r.add(new SdkRoute(e.name(), e.route(), e.pathMembers()));
                }
            }
            r.sort(Comparator.comparingInt((SdkRoute s) -> s.route().score()).reversed());
            unimplemented = r;
        }
        return r;
    }

    /** Whether the SDK knows an operation of this name (to tell "not implemented" from "unknown"). */
    public boolean sdkHasOperation(String name) {
        return sdkOperationNames().contains(name);
    }

    /** All operations the SDK client declares. */
    public TreeSet<String> sdkOperationNames() {
        TreeSet<String> names = new TreeSet<>();
        for (Method m : spec.sdkClient().getMethods()) {
            Class<?>[] p = m.getParameterTypes();
            if (p.length == 1 && SdkRequest.class.isAssignableFrom(p[0])) {
                String s = p[0].getSimpleName();
                names.add(s.substring(0, s.length() - "Request".length()));
            }
        }
        return names;
    }
}
