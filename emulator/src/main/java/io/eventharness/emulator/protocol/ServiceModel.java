package io.eventharness.emulator.protocol;

import java.lang.reflect.Field;
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
import software.amazon.awssdk.protocols.core.OperationInfo;

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
            OperationInfo info = operationInfo(spec, name);
            Class<?> resp = load(spec.modelPackage() + "." + name + "Response");
            String httpMethod = info == null ? "POST" : info.httpMethod().name();
            String uri = info == null ? "/" : info.requestUri();
            OperationModel op = new OperationModel(name, req, resp, httpMethod, uri, impl, m);
            OperationModel before = ops.put(name, op);
            if (before != null) {
                throw new IllegalStateException(spec.signingName() + " implements " + name + " twice (in "
                        + before.implementation().getClass().getSimpleName() + " and " + impl.getClass().getSimpleName() + ")");
            }
        }
    }

    private static OperationInfo operationInfo(ServiceSpec spec, String op) {
        try {
            Class<?> marshaller = Class.forName(spec.transformPackage() + "." + op + "RequestMarshaller");
            Field f = marshaller.getDeclaredField("SDK_OPERATION_BINDING");
            f.setAccessible(true);
            return (OperationInfo) f.get(null);
        } catch (ReflectiveOperationException e) {
            return null;
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            return null;
        }
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

    /** An SDK operation the emulator does not implement, with the route its marshaller declares. */
    public record SdkRoute(String name, Class<?> requestClass, RouteTemplate route) {
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
            for (String name : sdkOperationNames()) {
                OperationInfo info = operations.containsKey(name) ? null : operationInfo(spec, name);
                Class<?> req = info == null ? null : load(spec.modelPackage() + "." + name + "Request");
                if (req != null) {
                    r.add(new SdkRoute(name, req, RouteTemplate.parse(info.httpMethod().name(), info.requestUri(), req)));
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
