package io.eventharness.emulator.s3;

import io.eventharness.emulator.TestAws;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Raw HTTP/1.1 exchanges with the emulator, for what SDK clients refuse to send: any Host header,
 * invalid bucket names, hand-made aws-chunked bodies.
 */
final class RawHttp {
    /**
     * A response: its status and the whole text of headers and body, read as UTF-8 ({@code text}) and byte for byte as
     * ISO-8859-1 ({@code latin1}, as clients read header values).
     */
    record Response(int status, String text, String latin1) {
        String body() {
            return text.substring(text.indexOf("\r\n\r\n") + 4);
        }
    }

    private RawHttp() {
    }

    static Response send(String method, String path, String host, String body) {
        return send(method, path, host, body, "us-east-1");
    }

    /** Signed (in name only: the emulator does not check signatures) for {@code region}. */
    static Response send(String method, String path, String host, String body, String region) {
        return send(method, path, host, region, Map.of(),
                body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8));
    }

    static Response send(String method, String path, String host, String region, Map<String, String> headers, byte[] payload) {
        return send(method, path, host, region, headers, payload, true);
    }

    /** The same, without a {@code Content-Length} header when {@code withLength} is false (a body is sent as given). */
    static Response send(String method, String path, String host, String region, Map<String, String> headers, byte[] payload,
                         boolean withLength) {
        int port = TestAws.emulator().endpoint().getPort();
        StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\n")
                .append("Host: ").append(host).append(':').append(port).append("\r\n")
                .append("Authorization: AWS4-HMAC-SHA256 Credential=AKID/20260101/").append(region)
                .append("/s3/aws4_request, SignedHeaders=host, Signature=0\r\n")
                .append(withLength ? "Content-Length: " + payload.length + "\r\n" : "")
                .append("Connection: close\r\n");
        headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
        head.append("\r\n");
        try (Socket s = new Socket("127.0.0.1", port)) {
            OutputStream out = s.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.UTF_8));
            out.write(payload);
            out.flush();
            InputStream in = s.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            String text = all.toString(StandardCharsets.UTF_8);
            return new Response(Integer.parseInt(text.substring(9, 12)), text, all.toString(StandardCharsets.ISO_8859_1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
