package io.eventharness.emulator.corpus;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * HTTP/1.1 over a plain socket, for what {@code java.net.http} refuses to send (a malformed request
 * target, bytes that are not HTTP at all): the exact bytes go out, the answer is read until the
 * server closes the connection.
 */
final class RawHttp {

    /** A response as read off the socket. */
    record Answer(int status, Map<String, String> headers, byte[] body) {
        Optional<String> header(String name) {
            return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
        }
    }

    private RawHttp() {
    }

    /** Sends a request with {@code Connection: close} and a Content-Length. */
    static Answer request(URI endpoint, String method, String target, Map<String, String> headers, byte[] body, int timeoutMillis)
            throws IOException {
        StringBuilder head = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n")
                .append("Host: ").append(endpoint.getHost()).append(':').append(endpoint.getPort()).append("\r\n")
                .append("Connection: close\r\n")
                .append("Content-Length: ").append(body.length).append("\r\n");
        headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
        head.append("\r\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(body);
        byte[] answer = exchange(endpoint, out.toByteArray(), timeoutMillis);
        return parse(answer);
    }

    /**
     * Writes the bytes, half-closes, and returns everything the server sends until it closes. The bytes are
     * written on another thread while this one reads: a server may answer (431, 413) and close before it has read
     * the whole request, and the client's write then fails with a broken pipe or a reset — that is the server's
     * right, not the test's failure; the answer it sent is what counts. A reset after part of the answer was read
     * ends the answer there.
     */
    static byte[] exchange(URI endpoint, byte[] bytes, int timeoutMillis) throws IOException {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(endpoint.getHost(), endpoint.getPort()), timeoutMillis);
            s.setSoTimeout(timeoutMillis);
            Thread writer = new Thread(() -> {
                try {
                    OutputStream o = s.getOutputStream();
                    o.write(bytes);
                    o.flush();
                    s.shutdownOutput();
                } catch (IOException closedEarly) {
                    // the server answered and closed before reading everything: read its answer below
                }
            }, "raw-http-writer");
            writer.setDaemon(true);
            writer.start();
            InputStream in = s.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            byte[] buf = new byte[8192];
            try {
                for (int n; (n = in.read(buf)) >= 0; ) {
                    answer.write(buf, 0, n);
                }
            } catch (java.net.SocketException reset) {
                if (answer.size() == 0) {
                    throw reset;
                }
            }
            return answer.toByteArray();
        }
    }

    static Answer parse(byte[] raw) throws IOException {
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (!text.startsWith("HTTP/1.1 ") || end < 0) {
            throw new IOException("not an HTTP/1.1 response: " + text.substring(0, Math.min(200, text.length())));
        }
        String[] lines = text.substring(0, end).split("\r\n");
        int status = Integer.parseInt(lines[0].substring(9, 12));
        Map<String, String> headers = new TreeMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.putIfAbsent(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
        }
        byte[] body = java.util.Arrays.copyOfRange(raw, end + 4, raw.length);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = dechunk(body);
        }
        return new Answer(status, headers, body);
    }

    private static byte[] dechunk(byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int i = 0;
        while (i < b.length) {
            int lineEnd = indexOfCrlf(b, i);
            int size = Integer.parseInt(new String(b, i, lineEnd - i, StandardCharsets.ISO_8859_1).split(";")[0].trim(), 16);
            if (size == 0) {
                break;
            }
            out.write(b, lineEnd + 2, size);
            i = lineEnd + 2 + size + 2;
        }
        return out.toByteArray();
    }

    private static int indexOfCrlf(byte[] b, int from) {
        for (int i = from; i + 1 < b.length; i++) {
            if (b[i] == '\r' && b[i + 1] == '\n') {
                return i;
            }
        }
        return b.length;
    }
}
