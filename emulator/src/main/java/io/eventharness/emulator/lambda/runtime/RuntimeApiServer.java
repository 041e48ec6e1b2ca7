package io.eventharness.emulator.lambda.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The Lambda Runtime API ({@code /2018-06-01/runtime/...}), one port per sandbox.
 *
 * <p>{@code AWS_LAMBDA_RUNTIME_API} is a bare {@code host:port}, so a sandbox can only be told apart by
 * the port it talks to: one small Jetty server holds one connector per sandbox, added and removed as
 * sandboxes come and go, and a request is routed by its connection's local port. A parked
 * {@code /next} holds no thread: it is answered by whichever thread hands over the event.
 */
final class RuntimeApiServer implements AutoCloseable {
    /** AWS's payload limit, 6 MB plus the 100 bytes its messages quote. */
    static final int MAX_PAYLOAD = 6 * 1024 * 1024 + 100;
    /** How much of an oversized body is read before the connection is dropped. */
    private static final long DRAIN_LIMIT = 64L << 20;
    private static final String PREFIX = "/2018-06-01/runtime/";

    /** What a sandbox answers; one instance per connector. */
    interface RuntimeApi {
        void next(NextExchange exchange);

        Reply response(String requestId, byte[] body, boolean tooLarge);

        Reply error(String requestId, String errorType, byte[] body);

        Reply initError(String errorType, byte[] body);
    }

    /** A status and a JSON body. */
    record Reply(int status, String json) {
        static final Reply ACCEPTED = new Reply(202, "{\"status\":\"OK\"}");
        static final Reply INVALID_REQUEST_ID = new Reply(400, "{\"errorMessage\":\"Invalid request ID\",\"errorType\":\"InvalidRequestID\"}");
        static final Reply TOO_LARGE = new Reply(413, "{\"errorMessage\":\"Exceeded maximum allowed payload size ("
                + MAX_PAYLOAD + " bytes).\",\"errorType\":\"RequestEntityTooLarge\"}");

        static Reply forbidden(String message) {
            return new Reply(403, "{\"errorMessage\":\"" + message + "\",\"errorType\":\"InvalidStateTransition\"}");
        }
    }

    /** A parked {@code GET /next}, answered once with an event. */
    static final class NextExchange {
        private final Response response;
        private final Callback callback;

        private NextExchange(Response response, Callback callback) {
            this.response = response;
            this.callback = callback;
        }

        void send(Map<String, String> headers, byte[] body) {
            response.setStatus(200);
            // The official Java client crashes (SIGSEGV in its native part) on an event without a content type.
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
            headers.forEach((k, v) -> response.getHeaders().put(k, v));
            response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
            response.write(true, ByteBuffer.wrap(body), callback);
        }
    }

    /** A connector serving one sandbox; {@link #close()} removes it. */
    final class Endpoint implements AutoCloseable {
        private final ServerConnector connector;
        private final int port;

        private Endpoint(ServerConnector connector) {
            this.connector = connector;
            this.port = connector.getLocalPort();
        }

        /** {@code 127.0.0.1:<port>}: the sandbox's {@code AWS_LAMBDA_RUNTIME_API}. */
        String address() {
            return "127.0.0.1:" + port;
        }

        @Override
        public void close() {
            apis.remove(port);
            try {
                connector.stop();
            } catch (Exception e) {
                // stopping anyway
            }
            server.removeConnector(connector);
        }
    }

    private final Server server;
    private final HttpConnectionFactory http;
    private final Map<Integer, RuntimeApi> apis = new ConcurrentHashMap<>();

    RuntimeApiServer() {
        QueuedThreadPool pool = new QueuedThreadPool(2000, 2, 60_000);
        pool.setName("lambda-runtime-api");
        pool.setDaemon(true);
        server = new Server(pool);
        HttpConfiguration config = new HttpConfiguration();
        config.setSendServerVersion(false);
        config.setSendDateHeader(false);
        http = new HttpConnectionFactory(config);
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                serve(request, response, callback);
                return true;
            }
        });
        server.setStopTimeout(1_000);
        try {
            server.start();
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the Lambda Runtime API server", e);
        }
    }

    /** A new port on the loopback interface, answered by {@code api}. */
    Endpoint open(RuntimeApi api) throws IOException {
        // no acceptor thread: the connector's one selector accepts too
        ServerConnector c = new ServerConnector(server, 0, 1, http);
        c.setHost("127.0.0.1");
        c.setPort(0);
        // /next may wait as long as a sandbox stays idle
        c.setIdleTimeout(Duration.ofDays(1).toMillis());
        server.addConnector(c);
        try {
            c.start();
        } catch (Exception e) {
            server.removeConnector(c);
            throw new IOException("cannot open a Runtime API port", e);
        }
        Endpoint endpoint = new Endpoint(c);
        apis.put(endpoint.port, api);
        return endpoint;
    }

    private void serve(Request request, Response response, Callback callback) {
        SocketAddress local = request.getConnectionMetaData().getLocalSocketAddress();
        RuntimeApi api = local instanceof InetSocketAddress a ? apis.get(a.getPort()) : null;
        String path = request.getHttpURI().getPath();
        String method = request.getMethod();
        if (api == null || !path.startsWith(PREFIX)) {
            write(response, callback, new Reply(404, "{\"errorMessage\":\"Not Found\",\"errorType\":\"NotFound\"}"));
            return;
        }
        String rest = path.substring(PREFIX.length());
        try {
            if (rest.equals("invocation/next") && method.equals("GET")) {
                api.next(new NextExchange(response, callback));
            } else if (rest.equals("init/error") && method.equals("POST")) {
                byte[] body = read(request);
                write(response, callback, api.initError(errorType(request), body == null ? new byte[0] : body));
            } else if (rest.startsWith("invocation/") && method.equals("POST")) {
                String[] parts = rest.split("/");
                if (parts.length != 3) {
                    write(response, callback, Reply.INVALID_REQUEST_ID);
                } else if (parts[2].equals("response")) {
                    byte[] body = read(request);
                    write(response, callback, api.response(parts[1], body == null ? new byte[0] : body, body == null));
                } else if (parts[2].equals("error")) {
                    byte[] body = read(request);
                    write(response, callback, body == null ? Reply.TOO_LARGE
                            : api.error(parts[1], errorType(request), body));
                } else {
                    write(response, callback, new Reply(404, "{\"errorMessage\":\"Not Found\",\"errorType\":\"NotFound\"}"));
                }
            } else {
                write(response, callback, new Reply(405, "{\"errorMessage\":\"Method Not Allowed\",\"errorType\":\"MethodNotAllowed\"}"));
            }
        } catch (IOException e) {
            callback.failed(e);
        }
    }

    private static String errorType(Request request) {
        String t = request.getHeaders().get("Lambda-Runtime-Function-Error-Type");
        return t == null || t.isBlank() ? null : t;
    }

    /**
     * The body, or null when it is larger than {@link #MAX_PAYLOAD}. An oversized body is still read (up to
     * {@link #DRAIN_LIMIT}) so that the runtime gets its 413 instead of a broken pipe.
     */
    private static byte[] read(Request request) throws IOException {
        try (InputStream in = Content.Source.asInputStream(request)) {
            byte[] body = request.getLength() > MAX_PAYLOAD ? null : in.readNBytes(MAX_PAYLOAD + 1);
            if (body != null && body.length <= MAX_PAYLOAD) {
                return body;
            }
            byte[] buf = new byte[64 * 1024];
            for (long left = DRAIN_LIMIT; left > 0; ) {
                int n = in.read(buf, 0, (int) Math.min(buf.length, left));
                if (n < 0) {
                    break;
                }
                left -= n;
            }
            return null;
        }
    }

    private static void write(Response response, Callback callback, Reply reply) {
        byte[] body = reply.json().getBytes(StandardCharsets.UTF_8);
        response.setStatus(reply.status());
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, ByteBuffer.wrap(body), callback);
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            // stopping anyway
        }
    }
}
