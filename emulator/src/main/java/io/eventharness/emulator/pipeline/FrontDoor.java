package io.eventharness.emulator.pipeline;

import io.eventharness.emulator.admin.AdminRoutes;
import io.eventharness.emulator.core.AwsException;
import io.eventharness.emulator.core.Ids;
import io.eventharness.emulator.http.HttpHandler;
import io.eventharness.emulator.http.HttpRequest;
import io.eventharness.emulator.http.HttpResponse;
import io.eventharness.emulator.http.MalformedRequestException;
import io.eventharness.emulator.protocol.Call;
import io.eventharness.emulator.protocol.CrossOrigin;
import io.eventharness.emulator.protocol.ProtocolCodec;
import io.eventharness.emulator.protocol.ProtocolCodec.Resolved;
import io.eventharness.emulator.routing.ServiceRouter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The request pipeline, in order: admin routes → which service (router) → which operation and the
 * typed request (the protocol's codec), after what the service checks of every call → the typed operation → the typed response back through the
 * codec; a browser's request ({@code Origin}) gets the CORS headers the service grants, and a preflight
 * ({@code OPTIONS}) those alone ({@link CrossOrigin}). Client mistakes become the protocol's 4xx; a service the emulator does not serve, a 501 naming it
 * ({@link UnservedService}); an emulator bug becomes a logged 500, never a hang. A {@link RequestLog}, if given,
 * is told of each request once answered.
 */
public final class FrontDoor implements HttpHandler {
    private static final Logger LOG = LoggerFactory.getLogger(FrontDoor.class);

    private final ServiceRouter router;
    private final AdminRoutes admin;
    private final RequestLog log;

    public FrontDoor(ServiceRouter router, AdminRoutes admin) {
        this(router, admin, null);
    }

    /** @param log told of each request served; null for none */
    public FrontDoor(ServiceRouter router, AdminRoutes admin, RequestLog log) {
        this.router = router;
        this.admin = admin;
        this.log = log;
    }

    /** What the request turned out to be for, as far as it got: for the request log. */
    private static final class Seen {
        String service = "-";
        String operation = "-";
    }

    @Override
    public HttpResponse handle(HttpRequest request) {
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
        Call call = new Call(requestId, route.scope(), request, endpointOf(request));
        CrossOrigin cors = CrossOrigin.of(request);
        HttpResponse response = answer(route, codec, request, call, cors, seen);
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
                                Seen seen) {
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

    static String endpointOf(HttpRequest r) {
        String host = r.header("Host");
        return "http://" + (host == null || host.isEmpty() ? "localhost:4566" : host);
    }
}
