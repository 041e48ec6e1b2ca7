package io.eventharness.emulator.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A client that floods the port with one huge body gets 413 before the server has read more than its limit: by its
 * Content-Length before a byte of it, or, chunked, as soon as the bytes read pass the limit. A chunked body was read
 * whole into memory, however large (the limit was checked against the Content-Length only).
 */
class BodyLimitTest {
    private static final int LIMIT = 1024;
    private static JettyServer server;

    @BeforeAll
    static void start() throws Exception {
        server = new JettyServer("127.0.0.1", 0, request -> new HttpResponse().body(Integer.toString(request.body().length),
                "text/plain"), LIMIT);
        server.start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aChunkedBodyOverTheLimitIsRefusedAndTheConnectionClosed() throws IOException {
        String answer = exchange(chunked(4 * LIMIT));
        assertThat(answer).startsWith("HTTP/1.1 413 ").containsIgnoringCase("Connection: close");
    }

    @Test
    void aContentLengthOverTheLimitIsRefusedBeforeTheBodyIsRead() throws IOException {
        String head = "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: " + (1L << 40) + "\r\n\r\n";
        String answer = exchange(head.getBytes(StandardCharsets.US_ASCII));
        assertThat(answer).startsWith("HTTP/1.1 413 ").containsIgnoringCase("Connection: close");
    }

    @Test
    void aChunkedBodyWithinTheLimitIsServedWhole() throws IOException {
        String answer = exchange(chunked(LIMIT));
        assertThat(answer).startsWith("HTTP/1.1 200 ").endsWith("\r\n\r\n" + LIMIT);
    }

    /** A POST whose body of {@code size} bytes goes in chunks of 256. */
    private static byte[] chunked(int size) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
                .getBytes(StandardCharsets.US_ASCII));
        for (int sent = 0; sent < size; sent += 256) {
            out.writeBytes("100\r\n".getBytes(StandardCharsets.US_ASCII));
            out.writeBytes("x".repeat(256).getBytes(StandardCharsets.US_ASCII));
            out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    /** Sends the bytes and reads until the server closes the connection. */
    private static String exchange(byte[] request) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", server.port()), 5_000);
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(request);
                out.flush();
            } catch (IOException refusedWhileWriting) {
                // the server may answer and close before it has read it all
            }
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }
}
