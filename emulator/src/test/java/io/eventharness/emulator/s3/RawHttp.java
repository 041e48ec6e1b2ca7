package io.eventharness.emulator.s3;

import io.eventharness.emulator.TestAws;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** Raw HTTP/1.1 exchanges with the emulator, for what SDK clients refuse to send (any Host header, invalid names). */
final class RawHttp {
    /** A response: status line code and the whole text of headers and body. */
    record Response(int status, String text) {
    }

    private RawHttp() {
    }

    static Response send(String method, String path, String host, String body) {
        return send(method, path, host, body, "us-east-1");
    }

    /** Signed (in name only: the emulator does not check signatures) for {@code region}. */
    static Response send(String method, String path, String host, String body, String region) {
        int port = TestAws.emulator().endpoint().getPort();
        byte[] payload = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        String head = method + " " + path + " HTTP/1.1\r\n"
                + "Host: " + host + ":" + port + "\r\n"
                + "Authorization: AWS4-HMAC-SHA256 Credential=AKID/20260101/" + region + "/s3/aws4_request, "
                + "SignedHeaders=host, Signature=0\r\n"
                + "Content-Length: " + payload.length + "\r\n"
                + "Connection: close\r\n\r\n";
        try (Socket s = new Socket("127.0.0.1", port)) {
            OutputStream out = s.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(payload);
            out.flush();
            InputStream in = s.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            String text = all.toString(StandardCharsets.UTF_8);
            return new Response(Integer.parseInt(text.substring(9, 12)), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
