package io.eventharness.emulator.protocol;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * One emulated operation: the SDK request and response classes (the spec of its shapes), the HTTP
 * binding the SDK marshaller declares, and the typed method that implements it.
 */
public final class OperationModel {
    private final String name;
    private final Class<?> requestClass;
    private final SdkRoutes.Entry sdk;
    private final Object impl;
    private final Method method;
    private final boolean takesCall;
    private volatile RouteTemplate route;

    /** @param sdk the route the SDK declares (REST protocols); null for the RPC protocols' {@code POST /} */
    OperationModel(String name, Class<?> requestClass, SdkRoutes.Entry sdk, Object impl, Method method) {
        this.name = name;
        this.requestClass = requestClass;
        this.sdk = sdk;
        this.impl = impl;
        this.method = method;
        this.takesCall = method.getParameterCount() == 2;
    }

    public String name() {
        return name;
    }

    public Class<?> requestClass() {
        return requestClass;
    }

    /** The response shape ({@code FooResponse} beside {@code FooRequest}), or null. */
    public Class<?> responseClass() {
        try {
            return Class.forName(requestClass.getName().replaceFirst("Request$", "Response"), false, requestClass.getClassLoader());
        } catch (ClassNotFoundException e) {
            return null;
        }
    }

    public String httpMethod() {
        return sdk == null ? "POST" : sdk.method();
    }

    public String requestUri() {
        return sdk == null ? "/" : sdk.uri();
    }

    /** Whether the request binds a member of this location name to the path (S3's {@code Bucket}). */
    public boolean bindsToPath(String locationName) {
        return sdk != null && sdk.pathMembers().contains(locationName);
    }

    /** The object whose method implements this operation. */
    public Object implementation() {
        return impl;
    }

    /** The REST route, parsed on first use. */
    public RouteTemplate route() {
        RouteTemplate r = route;
        if (r == null) {
            r = sdk != null ? sdk.route() : RouteTemplate.parse("POST", "/", requestClass);
            route = r;
        }
        return r;
    }

    /** Calls the implementation; a service error propagates as the AwsException it threw. */
    public Object invoke(Object request, Call call) {
        try {
            return takesCall ? method.invoke(impl, request, call) : method.invoke(impl, request);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
