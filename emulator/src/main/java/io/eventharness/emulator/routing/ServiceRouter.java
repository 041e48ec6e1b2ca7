package io.eventharness.emulator.routing;

import io.eventharness.emulator.http.HttpRequest;
import io.eventharness.emulator.http.MalformedRequestException;
import io.eventharness.emulator.protocol.CredentialScope;
import io.eventharness.emulator.protocol.QueryCodec;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Which service a request is for, and in which region: the SigV4 credential scope
 * ({@code Credential=AKID/20261125/us-east-1/sqs/aws4_request}) in the {@code Authorization} header or a
 * presigned URL's {@code X-Amz-Credential}; failing that, the {@code X-Amz-Target} prefix, then the
 * query {@code Action}; anything else is S3 (REST paths). A request whose scope, target or action names a service
 * the emulator does not serve routes nowhere ({@link #route} gives null, {@link #unserved} says what it asked for):
 * it is not S3's.
 */
public final class ServiceRouter {

    /** Where a request goes, and the credential scope it was signed with (null when unsigned). */
    public record Route(ServiceBinding binding, CredentialScope scope) {
    }

    private volatile List<ServiceBinding> bindings;
    private volatile RuntimeException failed;
    private final CountDownLatch ready = new CountDownLatch(1);

    /** The services to route to, once they exist; requests that come earlier wait for them. */
    public void serve(List<ServiceBinding> services) {
        bindings = List.copyOf(services);
        ready.countDown();
    }

    /** The services could not be built: every request that needs them fails with this. */
    public void fail(RuntimeException cause) {
        failed = cause;
        ready.countDown();
    }

    /** The services; waits while they are still being built (the emulator builds them while its port opens). */
    public List<ServiceBinding> bindings() {
        List<ServiceBinding> b = bindings;
        if (b != null) {
            return b;
        }
        try {
            ready.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the services were being built", e);
        }
        if (bindings == null) {
            throw new IllegalStateException("the emulator's services could not be built", failed);
        }
        return bindings;
    }

    public ServiceBinding byName(String signingName) {
        for (ServiceBinding b : bindings()) {
            if (b.name().equals(signingName)) {
                return b;
            }
        }
        return null;
    }

    /** The route, or null when the request is for a service the emulator does not serve (see {@link #unserved}). */
    public Route route(HttpRequest r) {
        CredentialScope scope = CredentialScope.of(r).orElse(null);
        String target = r.header("X-Amz-Target");
        if (scope != null) {
            ServiceBinding b = bySigningName(scope.service(), target);
            return b == null ? null : new Route(b, scope);
        }
        if (target != null) {
            for (ServiceBinding b : bindings()) {
                String prefix = b.spec().targetPrefix();
                if (prefix != null && target.startsWith(prefix + ".")) {
                    return new Route(b, null);
                }
            }
            return null;
        }
        String action = action(r);
        if (action != null) {
            for (ServiceBinding b : bindings()) {
                if (b.servesAction(action)) {
                    return new Route(b, null);
                }
            }
            return null;
        }
        ServiceBinding s3 = byName("s3");
        return s3 == null ? null : new Route(s3, null);
    }

    /**
     * What a request {@link #route} found no service for asked for: the service its credential scope names
     * ({@code dynamodb}), else its {@code X-Amz-Target}'s prefix ({@code DynamoDB_20120810}), else its query action
     * ({@code the action DescribeStacks}).
     */
    public String unserved(HttpRequest r) {
        CredentialScope scope = CredentialScope.of(r).orElse(null);
        if (scope != null) {
            return scope.service();
        }
        String target = r.header("X-Amz-Target");
        if (target != null) {
            int dot = target.indexOf('.');
            return dot < 0 ? target : target.substring(0, dot);
        }
        String action = action(r);
        return action != null ? "the action " + action : "this request";
    }

    /** The signing names of the services served, sorted: {@code iam, lambda, logs, ...}. */
    public List<String> served() {
        return bindings().stream().map(ServiceBinding::name).distinct().sorted().toList();
    }

    private ServiceBinding bySigningName(String service, String target) {
        ServiceBinding only = null;
        int count = 0;
        for (ServiceBinding b : bindings()) {
            if (b.name().equals(service)) {
                only = b;
                count++;
                String prefix = b.spec().targetPrefix();
                if (target != null && prefix != null && target.startsWith(prefix + ".")) {
                    return b; // DynamoDB and DynamoDB Streams share the signing name
                }
            }
        }
        return count >= 1 ? only : null;
    }

    /**
     * The query protocol's {@code Action}, or null. A query string or form that cannot be decoded names
     * no action: routing must not fail, the chosen codec reports the bad encoding in its own envelope.
     */
    private static String action(HttpRequest r) {
        try {
            String action = r.queryParamIfReadable("Action");
            if (action == null && r.contentType().startsWith("application/x-www-form-urlencoded")) {
                action = QueryCodec.params(r).get("Action");
            }
            return action;
        } catch (MalformedRequestException e) {
            return null;
        }
    }
}
