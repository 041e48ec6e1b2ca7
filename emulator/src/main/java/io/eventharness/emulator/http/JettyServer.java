package io.eventharness.emulator.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.http2.server.HTTP2CServerConnectionFactory;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The one listening port: HTTP/1.1 and h2c (prior knowledge, as the SDK's Netty client speaks to
 * Kinesis) on the same connector, handing every request to one {@link HttpHandler} (the request pipeline).
 */
public final class JettyServer implements AutoCloseable {
    static {
        // Without this, Jetty's MemoryUtils starts the platform MBean server (JMX) to ask whether oops are
        // compressed: a tenth of a second or more of start-up. They are below a 32 GiB heap.
        if (System.getProperty("org.eclipse.jetty.util.referencesPerCacheLine") == null) {
            boolean compressedOops = Runtime.getRuntime().maxMemory() < (32L << 30);
            System.setProperty("org.eclipse.jetty.util.referencesPerCacheLine", compressedOops ? "16" : "8");
        }
    }

    /**
     * The largest request body the emulator takes (it holds each body in memory): a larger one is refused through
     * {@link HttpHandler#refused} with 413, before it is read when its Content-Length says so, else as soon as the
     * bytes read pass it (a chunked body), and the connection is closed on what is left of it.
     */
    public static final long MAX_BODY = 1L << 30;

    private final Server server;
    private final ServerConnector connector;
    private final long maxBody;
    /** A path no client knows, answered here and never handed on: see {@link #warmUp()}. */
    private final String warmUpPath = "/_warm-up/" + Long.toHexString(ThreadLocalRandom.current().nextLong());

    public JettyServer(String host, int port, HttpHandler handler) {
        this(host, port, handler, MAX_BODY);
    }

    /** A server that refuses request bodies larger than {@code maxBody} bytes (tests use a small limit). */
    JettyServer(String host, int port, HttpHandler handler, long maxBody) {
        this.maxBody = maxBody;
        QueuedThreadPool pool = new QueuedThreadPool(400, 4, 60_000);
        pool.setName("emulator-http");
        pool.setDaemon(true);
        server = new Server(pool);
        HttpConfiguration config = new HttpConfiguration();
        config.setSendServerVersion(false);
        config.setSendXPoweredBy(false);
        config.setRequestHeaderSize(64 * 1024);
        // Jetty's parser caches header fields per connection, clearing the cache whenever it is full; an SDK's every
        // request has a new Authorization (its signature), so the cache was cleared and refilled every few requests:
        // about a third of the server's CPU per request outside the JIT. Off, each field is a new string.
        config.setHeaderCacheSize(0);
        config.setUriCompliance(UriCompliance.UNSAFE); // S3 keys may hold %2F, //, .. and other raw bytes
        // header values exactly as sent: Jetty's cache of common fields would hand back "charset=utf-8" for the
        // "charset=UTF-8" a client signed, and SigV4 signs header values
        config.setHeaderCacheCaseSensitive(true);
        HttpConnectionFactory http11 = new LenientHttpConnectionFactory(config);
        HTTP2CServerConnectionFactory h2c = new HTTP2CServerConnectionFactory(config);
        connector = new ServerConnector(server, 1, 1, http11, h2c);
        connector.setHost(host);
        connector.setPort(port);
        connector.setIdleTimeout(120_000);
        server.addConnector(connector);
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                if (warmUpPath.equals(request.getHttpURI().getPath())) {
                    response.setStatus(204);
                    response.write(true, ByteBuffer.allocate(0), callback);
                } else {
                    serve(handler, request, response, callback, maxBody);
                }
                return true;
            }
        });
        server.setErrorHandler(new Refusals(handler));
        server.setStopTimeout(2_000);
    }

    /**
     * What Jetty refuses itself (a request target it cannot parse: {@code %zz}, {@code %00}, dot segments above the
     * root) is answered by the handler's {@link HttpHandler#refused}, never with Jetty's HTML page (which a client that
     * sent HEAD read as the answer to its next request). Jetty hands over the headers of such a request but not its
     * target, so the handler can only route it by its headers; the answer says {@code Connection: close}, as Jetty closes
     * the connection after it.
     */
    private static final class Refusals extends ErrorHandler {
        private final HttpHandler handler;

        Refusals(HttpHandler handler) {
            this.handler = handler;
        }

        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            Headers headers = new Headers();
            for (HttpField f : request.getHeaders()) {
                headers.add(f.getName(), f.getValue());
            }
            Object message = request.getAttribute(ERROR_MESSAGE);
            HttpResponse res = handler.refused(new HttpRequest(request.getMethod(), "/", null, headers, new byte[0]),
                    response.getStatus(), message == null ? "" : message.toString());
            if (res.status() != response.getStatus()) {
                res.status(response.getStatus());
            }
            response.getHeaders().remove("Cache-Control");
            // Jetty closes the connection after a request it could not parse, whose method it may not know: say so, so
            // that a client that sent HEAD drops what follows instead of reading it as its next answer
            writeClosing(request, response, res, callback);
            return true;
        }

        @Override
        public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
            return null; // bytes that are not HTTP: a status line and no HTML page
        }
    }

    /** Writes a refusal with {@code Connection: close} (no body to a HEAD): what follows on the connection is not read. */
    private static void writeClosing(Request request, Response response, HttpResponse res, Callback callback) {
        response.setStatus(res.status());
        response.getHeaders().put("Connection", "close");
        for (String name : res.headers().names()) {
            for (String v : res.headers().all(name)) {
                response.getHeaders().put(name, v);
            }
        }
        response.write(true, "HEAD".equals(request.getMethod()) ? null : ByteBuffer.wrap(res.body()), callback);
    }

    public void start() throws Exception {
        server.start();
    }

    /** The whole stream, or null as soon as it is longer than {@code max} bytes (the rest is left unread). */
    static byte[] readAtMost(InputStream in, long max) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        for (int n = in.read(buffer); n != -1; n = in.read(buffer)) {
            total += n;
            if (total > max) {
                return null;
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    /**
     * Sends this server one request over loopback that it answers itself ({@code 204}; the handler never sees it):
     * Jetty's accepting, parsing and answering are then loaded and initialised before a client's first request
     * (about a tenth of a second of class loading on its own). Run it on a thread of its own once started.
     */
    public void warmUp() {
        String host = host() == null || host().equals("0.0.0.0") ? "127.0.0.1" : host().equals("::") ? "::1" : host();
        try (Socket s = new Socket(host, port())) {
            s.getOutputStream().write(("GET " + warmUpPath + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            s.getInputStream().readAllBytes();
        } catch (IOException e) {
            // only a warm-up: the first client pays instead
        }
    }

    public int port() {
        return connector.getLocalPort();
    }

    public String host() {
        return connector.getHost();
    }

    private static void serve(HttpHandler handler, Request request, Response response, Callback callback, long maxBody)
            throws Exception {
        Headers headers = new Headers();
        for (HttpField f : request.getHeaders()) {
            headers.add(f.getName(), utf8(f.getValue()));
        }
        if (request.getHeaders().get("Host") == null) {
            HttpURI u = request.getHttpURI();
            if (u.getHost() != null) {
                headers.set("Host", u.getHost() + (u.getPort() > 0 ? ":" + u.getPort() : ""));
            }
        }
        HttpURI uri = request.getHttpURI();
        byte[] body = null;
        if (request.getLength() <= maxBody) {
            try (InputStream in = Content.Source.asInputStream(request)) {
                body = readAtMost(in, maxBody);
            }
        }
        if (body == null) {
            HttpResponse refusal = handler.refused(new HttpRequest(request.getMethod(), uri.getPath(), uri.getQuery(), headers,
                    new byte[0]), 413, "the request body is larger than " + maxBody + " bytes");
            writeClosing(request, response, refusal, callback);
            return;
        }
        if (request.getConnectionMetaData().getHttpVersion() == HttpVersion.HTTP_2 && !headers.has("Content-Length")) {
            // HTTP/2 frames the body: its length is known, as HTTP/1.1's Content-Length would state it
            headers.set("Content-Length", Integer.toString(body.length));
        }
        HttpRequest req = new HttpRequest(request.getMethod(), uri.getPath(), uri.getQuery(), headers, body)
                .remoteAddress(Request.getRemoteAddr(request));
        HttpResponse res = handler.handle(req);
        response.setStatus(res.status());
        for (String name : res.headers().names()) {
            for (String v : res.headers().all(name)) {
                response.getHeaders().add(name, v);
            }
        }
        byte[] out = res.body();
        if ("HEAD".equals(request.getMethod())) {
            response.write(true, null, callback);
        } else {
            response.write(true, ByteBuffer.wrap(out), callback);
        }
    }

    /**
     * A header value as its sender meant it. Jetty reads header bytes as ISO-8859-1; clients (botocore, the SDKs)
     * send UTF-8, so a value whose bytes are valid UTF-8 with some non-ASCII in it is read as UTF-8. Values go out
     * as ISO-8859-1 bytes (Jetty's way), which is how clients read them: {@code é} travels back as one byte.
     */
    static String utf8(String value) {
        boolean high = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c > 0xff) {
                return value;
            }
            high |= c >= 0x80;
        }
        if (!high) {
            return value;
        }
        byte[] bytes = value.getBytes(StandardCharsets.ISO_8859_1);
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return value; // not UTF-8: kept as the bytes came
        }
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }

    public InetSocketAddress address() {
        return new InetSocketAddress(host(), port());
    }
}
