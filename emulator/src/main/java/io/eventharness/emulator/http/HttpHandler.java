package io.eventharness.emulator.http;

/** What the {@link JettyServer} hands every request to: the request pipeline above this layer. */
@FunctionalInterface
public interface HttpHandler {
    /** Answers one request; never throws (an emulator bug is answered as a 500 by the handler itself). */
    HttpResponse handle(HttpRequest request);

    /**
     * The answer to a request the HTTP layer refused before it could be handled (a request target that cannot be
     * parsed, a body larger than it takes): {@code request} has no body, and for a bad target no target either. By
     * default a bare status.
     *
     * @param status the HTTP layer's status (400 for a bad request target, 413 for a body too large)
     * @param reason the HTTP layer's reason, for the message
     */
    default HttpResponse refused(HttpRequest request, int status, String reason) {
        return new HttpResponse().status(status);
    }
}
