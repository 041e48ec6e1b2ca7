package io.eventharness.emulator.pipeline;

import io.eventharness.emulator.admin.AdminRoutes;
import io.eventharness.emulator.auth.AuthFailure;
import io.eventharness.emulator.core.AwsException;
import io.eventharness.emulator.policy.Principal;
import io.eventharness.emulator.core.Ids;
import io.eventharness.emulator.faults.ApiFaults;
import io.eventharness.emulator.http.HttpHandler;
import io.eventharness.emulator.http.HttpRequest;
import io.eventharness.emulator.http.HttpResponse;
import io.eventharness.emulator.http.JettyServer;
import io.eventharness.emulator.http.MalformedRequestException;
import io.eventharness.emulator.protocol.Call;
import io.eventharness.emulator.protocol.Protocol;
import io.eventharness.emulator.protocol.CrossOrigin;
import io.eventharness.emulator.protocol.ProtocolCodec;
import io.eventharness.emulator.protocol.ProtocolCodec.Resolved;
import io.eventharness.emulator.routing.ServiceRouter;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The request pipeline, in order: admin routes → which service (router) → who is calling (the
 * {@link AccessControl}'s authenticator: a principal on the {@code Call}, or the service's authentication error) →
 * which operation and the typed request (the protocol's codec), after what the service checks of every call →
 * whether the principal may make it (the authorizer: the service's {@code AccessDenied} when IAM's policies do not
 * allow it) → an armed fault's error ({@link ApiFaults}) or the typed operation → the typed response back through the
 * codec; a browser's request ({@code Origin}) gets the CORS headers the service grants, and a preflight
 * ({@code OPTIONS}, which carries no credentials) those alone ({@link CrossOrigin}). Client mistakes become the
 * protocol's 4xx; a service the emulator does not serve, a 501 naming it
 * ({@link UnservedService}); an emulator bug becomes a logged 500, never a hang. A {@link RequestLog}, if given,
 * is told of each request once answered.
 */
public final class FrontDoor implements HttpHandler {
    private static final Logger LOG = LoggerFactory.getLogger(FrontDoor.class);

    private final ServiceRouter router;
    private final AdminRoutes admin;
    private final ApiFaults faults;
    private final RequestLog log;
    /** Guards {@link #serving}; signalled when it falls to 0. */
    private final Object quiet = new Object();
    /** Clients' requests being served now (not the emulator's own): its warm-up gives way to them. */
    private int serving;
    private final Supplier<AccessControl> access;

    /**
     * @param faults asked before each operation runs: an armed fault answers instead
     * @param log    told of each request served; null for none
     */
    public FrontDoor(ServiceRouter router, AdminRoutes admin, ApiFaults faults, RequestLog log) {
        this(router, admin, faults, log, () -> AccessControl.NONE);
    }

    /**
     * @param faults asked before each operation runs: an armed fault answers instead
     * @param log    told of each request served; null for none
     * @param access who calls and what they may do; asked once a request is routed (the services exist by then)
     */
    public FrontDoor(ServiceRouter router, AdminRoutes admin, ApiFaults faults, RequestLog log, Supplier<AccessControl> access) {
        this.router = router;
        this.admin = admin;
        this.faults = faults;
        this.log = log;
        this.access = access;
    }

    /** What the request turned out to be for, as far as it got: for the request log. */
    private static final class Seen {
        String service = "-";
        String operation = "-";
    }

    @Override
    public HttpResponse handle(HttpRequest request) {
        synchronized (quiet) {
            serving++;
        }
        try {
            return handleLogged(request);
        } finally {
            synchronized (quiet) {
                if (--serving == 0) {
                    quiet.notifyAll();
                }
            }
        }
    }

    /**
     * Returns when no client's request is being served: the emulator's warm-up ({@code WarmUp}) waits here before each
     * step, so that a client's first requests have the cores to themselves.
     */
    public void awaitNoClientRequest() throws InterruptedException {
        synchronized (quiet) {
            while (serving > 0) {
                quiet.wait();
            }
        }
    }

    private HttpResponse handleLogged(HttpRequest request) {
        if (log == null) {
            return serve(request, new Seen());
        }
        long start = System.nanoTime();
        Seen seen = new Seen();
        HttpResponse response = serve(request, seen);
        try {
            log.served(new RequestLog.Served(request.method(), request.rawPath(), seen.service, seen.operation,
                    response.status(), (System.nanoTime() - start) / 1e6));
        } catch (RuntimeException e) {
            LOG.warn("the request log failed", e);
        }
        return response;
    }

    /** Serves a request the emulator makes of itself ({@code WarmUp}): as any other, but not in the request log. */
    public HttpResponse serveUnlogged(HttpRequest request) {
        return serve(request, new Seen());
    }

    private HttpResponse serve(HttpRequest request, Seen seen) {
        ServiceRouter.Route route;
        ProtocolCodec codec;
        try {
            if (request.rawPath().startsWith(AdminRoutes.PREFIX)) {
                seen.service = "admin";
                seen.operation = request.rawPath().substring(AdminRoutes.PREFIX.length());
                return admin.handle(request);
            }
            route = router.route(request);
            if (route == null) {
                seen.service = router.unserved(request);
                return UnservedService.answer(request, seen.service, router.served(), Ids.uuid());
            }
            seen.service = route.binding().name();
            codec = route.binding().codecFor(request);
        } catch (RuntimeException e) {
            // Before a codec is chosen there is no protocol envelope: plain JSON, never the server's HTML error page.
            LOG.error("emulator bug while routing {}", request, e);
            return HttpResponse.json(500, "{\"__type\":\"InternalFailure\",\"message\":\"The emulator failed to route this request\"}");
        }
        String requestId = Ids.uuid();
        CrossOrigin cors = CrossOrigin.of(request);
        AccessControl control = access.get();
        Principal principal = Principal.anonymous();
        if (cors == null || !cors.preflight()) { // a browser's preflight carries no credentials
            try {
                principal = control.authenticator().authenticate(request, route.binding().name());
            } catch (AuthFailure e) {
                Call anonymous = new Call(requestId, route.scope(), request, endpointOf(request), Principal.anonymous());
                return codec.encodeError(AuthErrors.of(e, route.binding().spec()), anonymous);
            }
        }
        Call call = new Call(requestId, route.scope(), request, endpointOf(request), principal);
        HttpResponse response = answer(route, codec, request, call, cors, control, seen);
        if (cors != null && !cors.preflight()) {
            try {
                route.binding().crossOrigin(cors).forEach(response::header);
            } catch (RuntimeException e) {
                LOG.error("emulator bug while granting CORS for {} {}", route.binding().name(), request, e);
            }
        }
        return response;
    }

    private HttpResponse answer(ServiceRouter.Route route, ProtocolCodec codec, HttpRequest request, Call call, CrossOrigin cors,
                                AccessControl control, Seen seen) {
        try {
            if (cors != null && cors.preflight()) {
                seen.operation = "CORS preflight";
                HttpResponse ok = new HttpResponse().status(200);
                route.binding().crossOrigin(cors).forEach(ok::header);
                return ok;
            }
            route.binding().admit(call);
            Resolved resolved = codec.resolve(request, route.binding().model());
            seen.operation = resolved.op().name();
            Object typedRequest = codec.decode(request, resolved);
            control.authorizer().authorize(route.binding(), resolved.op(), typedRequest, call);
            var fault = faults.next(route.binding().name(), resolved.op().name());
            if (fault.isPresent()) {
                return codec.encodeError(fault.get(), call);
            }
            Object result = resolved.op().invoke(typedRequest, call);
            return codec.encode(result, resolved.op(), call);
        } catch (AwsException e) {
            return codec.encodeError(e, call);
        } catch (MalformedRequestException e) {
            return codec.encodeError(codec.malformed(e.getMessage()), call);
        } catch (RuntimeException | Error e) {
            LOG.error("emulator bug while serving {} {}", route.binding().name(), request, e);
            return codec.encodeError(new AwsException(500, "InternalFailure",
                    "The emulator failed to serve this request: " + e, false), call);
        }
    }

    /**
     * A request the HTTP layer refused, answered in the envelope of the service its headers name. A target it could not
     * parse ({@code %zz}, {@code %00}, dot segments above the root): S3's {@code InvalidURI}, as S3 answers it, or the
     * protocol's own code for a malformed request. A body larger than the emulator takes ({@link JettyServer#MAX_BODY}):
     * S3's {@code EntityTooLarge}, else 413 {@code RequestEntityTooLarge}.
     */
    @Override
    public HttpResponse refused(HttpRequest request, int status, String reason) {
        try {
            ServiceRouter.Route route = router.route(request);
            if (route == null) {
                return UnservedService.answer(request, router.unserved(request), router.served(), Ids.uuid());
            }
            ProtocolCodec codec = route.binding().codecFor(request);
            Call call = new Call(Ids.uuid(), route.scope(), request, endpointOf(request));
            return codec.encodeError(refusal(status, reason, route.binding().spec().protocol() == Protocol.REST_XML, codec), call);
        } catch (RuntimeException e) {
            LOG.error("emulator bug while refusing {}", request, e);
            return new HttpResponse().status(status);
        }
    }

    private static AwsException refusal(int status, String reason, boolean s3, ProtocolCodec codec) {
        String detail = reason == null || reason.isBlank() ? "" : ": " + reason;
        if (status >= 500) {
            LOG.error("emulator bug: the HTTP layer failed: {}", reason);
            return new AwsException(status, "InternalFailure", "The emulator failed to serve this request" + detail, false);
        } else if (status == 413) {
            String why = "The emulator holds each request body in memory and refuses one this large" + detail;
            return s3 ? AwsException.of(400, "EntityTooLarge", "Your proposed upload exceeds the maximum allowed size. " + why)
                    : AwsException.of(413, "RequestEntityTooLarge", why);
        } else if (status != 400) {
            return AwsException.of(status, "BadRequest", "The request could not be read" + detail);
        } else if (s3) {
            return AwsException.of(status, "InvalidURI", "Couldn't parse the specified URI.");
        }
        return codec.malformed("The request target could not be parsed" + detail);
    }

    static String endpointOf(HttpRequest r) {
        String host = r.header("Host");
        return "http://" + (host == null || host.isEmpty() ? "localhost:4566" : host);
    }
}
