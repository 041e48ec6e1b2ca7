package io.eventharness.emulator.bench;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * The floor {@link PeerBench} compares servers with: the JDK's own HTTP server, answering every request {@code 200}
 * without looking at it ({@code {}} to an awsJson request, an empty body otherwise).
 * {@code java -Dsun.net.httpserver.nodelay=true -cp emulator/target/test-classes io.eventharness.emulator.bench.DoNothingServer
 * <port>} (without {@code nodelay} the JDK's server writes a response's headers and body apart and Nagle's algorithm
 * meets the client's delayed acknowledgement: 40 ms per JSON answer).
 */
public final class DoNothingServer {
    private DoNothingServer() {
    }

    public static void main(String[] args) throws IOException {
        HttpServer s = HttpServer.create(new InetSocketAddress("127.0.0.1", Integer.parseInt(args[0])), 64);
        byte[] json = "{}".getBytes(StandardCharsets.UTF_8);
        s.createContext("/", x -> {
            x.getRequestBody().readAllBytes();
            if (x.getRequestHeaders().getFirst("X-Amz-Target") != null) {
                x.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.0");
                x.sendResponseHeaders(200, json.length);
                try (OutputStream o = x.getResponseBody()) {
                    o.write(json);
                }
            } else {
                x.sendResponseHeaders(200, -1);
            }
            x.close();
        });
        s.start();
        System.out.println("Ready.");
    }
}
