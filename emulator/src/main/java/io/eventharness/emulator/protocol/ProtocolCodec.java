package io.eventharness.emulator.protocol;

import io.eventharness.emulator.core.AwsException;
import io.eventharness.emulator.http.HttpRequest;
import io.eventharness.emulator.http.HttpResponse;
import java.util.Map;

/**
 * One AWS wire protocol: finds the operation a request names, turns the request into the SDK request
 * object, and turns the operation's result or error back into that protocol's HTTP response.
 */
public interface ProtocolCodec {

    /** An operation and the path parameters its route captured. */
    record Resolved(OperationModel op, Map<String, String> pathParams) {
    }

    /** The operation the request names; an unknown one raises the protocol's AwsException. */
    Resolved resolve(HttpRequest request, ServiceModel model);

    /** The typed SDK request object. */
    Object decode(HttpRequest request, Resolved resolved);

    HttpResponse encode(Object result, OperationModel op, Call call);

    HttpResponse encodeError(AwsException error, Call call);

    /** The protocol's error for a body or parameter that cannot be read. */
    AwsException malformed(String message);

    /** The error for an operation the SDK knows but the emulator does not implement. */
    static AwsException notImplemented(ServiceModel model, String operation) {
        return AwsException.of(501, "NotImplemented", "The emulator does not implement " + model.spec().signingName()
                + " operation " + operation + " yet.");
    }
}
