package io.eventharness.emulator.http;

import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpField;
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

    /** Larger bodies are refused with 413 before they are read. */
    static final long MAX_BODY = 1L << 30;

    private final Server server;
    private final ServerConnector connector;

    public JettyServer(String host, int port, HttpHandler handler) {
        QueuedThreadPool pool = new QueuedThreadPool(400, 4, 60_000);
        pool.setName("emulator-http");
        pool.setDaemon(true);
        server = new Server(pool);
        HttpConfiguration config = new HttpConfiguration();
        config.setSendServerVersion(false);
        config.setSendXPoweredBy(false);
        config.setRequestHeaderSize(64 * 1024);
        config.setUriCompliance(UriCompliance.UNSAFE); // S3 keys may hold %2F, //, .. and other raw bytes
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
                serve(handler, request, response, callback);
                return true;
            }
        });
        server.setStopTimeout(2_000);
    }

    public void start() throws Exception {
        server.start();
    }

    public int port() {
        return connector.getLocalPort();
    }

    public String host() {
        return connector.getHost();
    }

    private static void serve(HttpHandler handler, Request request, Response response, Callback callback) throws Exception {
        long length = request.getLength();
        if (length > MAX_BODY) {
            response.setStatus(413);
            response.write(true, ByteBuffer.allocate(0), callback);
            return;
        }
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
        byte[] body;
        try (InputStream in = Content.Source.asInputStream(request)) {
            body = in.readAllBytes();
        }
        if (request.getConnectionMetaData().getHttpVersion() == HttpVersion.HTTP_2 && !headers.has("Content-Length")) {
            // HTTP/2 frames the body: its length is known, as HTTP/1.1's Content-Length would state it
            headers.set("Content-Length", Integer.toString(body.length));
        }
        HttpURI uri = request.getHttpURI();
        HttpRequest req = new HttpRequest(request.getMethod(), uri.getPath(), uri.getQuery(), headers, body);
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
