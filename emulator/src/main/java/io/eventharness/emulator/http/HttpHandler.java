package io.eventharness.emulator.http;

/** What the {@link JettyServer} hands every request to: the request pipeline above this layer. */
@FunctionalInterface
public interface HttpHandler {
    /** Answers one request; never throws (an emulator bug is answered as a 500 by the handler itself). */
    HttpResponse handle(HttpRequest request);
}
