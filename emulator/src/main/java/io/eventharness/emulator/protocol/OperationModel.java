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
    private final Class<?> responseClass;
    private final String httpMethod;
    private final String requestUri;
    private final Object impl;
    private final Method method;
    private final boolean takesCall;
    private RouteTemplate route;

    OperationModel(String name, Class<?> requestClass, Class<?> responseClass, String httpMethod,
                   String requestUri, Object impl, Method method) {
        this.name = name;
        this.requestClass = requestClass;
        this.responseClass = responseClass;
        this.httpMethod = httpMethod;
        this.requestUri = requestUri;
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

    public Class<?> responseClass() {
        return responseClass;
    }

    public String httpMethod() {
        return httpMethod;
    }

    public String requestUri() {
        return requestUri;
    }

    /** The object whose method implements this operation. */
    public Object implementation() {
        return impl;
    }

    /** The REST route, parsed on first use. */
    public RouteTemplate route() {
        if (route == null) {
            route = RouteTemplate.parse(httpMethod, requestUri, requestClass);
        }
        return route;
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
