package io.eventharness.emulator.corpus;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * One HTTP/1.1 connection kept alive across requests, over a plain socket so that any bytes go out (a malformed
 * target, headers {@code java.net.http} refuses). Each request carries its exact Content-Length; the answer is read
 * by its own Content-Length or chunks. When the server closes the connection (after an answer that says
 * {@code Connection: close}, say) the next request opens a new one; {@link #connections()} counts them.
 */
final class KeepAlive implements AutoCloseable {
    private final String host;
    private final int port;
    private final int timeoutMillis;
    private Socket socket;
    private InputStream in;
    private OutputStream out;
    private int connections;

    KeepAlive(String host, int port, int timeoutMillis) {
        this.host = host;
        this.port = port;
        this.timeoutMillis = timeoutMillis;
    }

    /** How many connections were opened so far. */
    int connections() {
        return connections;
    }

    /**
     * Sends the request and reads its answer.
     *
     * @throws SocketTimeoutException when no whole answer came within the timeout (a hang)
     * @throws IOException            when the server closed the connection without answering
     */
    RawHttp.Answer send(String method, String target, Map<String, String> headers, byte[] body) throws IOException {
        boolean reused = socket != null;
        try {
            return exchange(method, target, headers, body);
        } catch (StaleConnection e) {
            if (!reused) {
                throw new IOException("the server closed the connection without answering");
            }
            // it closed the connection after its last answer without saying so: as HTTP clients do, once more on a new one
            return exchange(method, target, headers, body);
        }
    }

    /** The server closed the connection before a single byte of the answer. */
    private static final class StaleConnection extends IOException {
        StaleConnection() {
            super("closed before answering");
        }
    }

    private RawHttp.Answer exchange(String method, String target, Map<String, String> headers, byte[] body) throws IOException {
        if (socket == null) {
            open();
        }
        StringBuilder head = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n")
                .append("Host: ").append(host).append(':').append(port).append("\r\n");
        boolean hasLength = false;
        for (Map.Entry<String, String> h : headers.entrySet()) {
            head.append(h.getKey()).append(": ").append(h.getValue()).append("\r\n");
            hasLength |= h.getKey().equalsIgnoreCase("Content-Length");
        }
        if (!hasLength) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        head.append("\r\n");
        try {
            out.write(head.toString().getBytes(StandardCharsets.UTF_8));
            out.write(body);
            out.flush();
        } catch (IOException closedEarly) {
            // the server may answer (and close) before it has read everything: read what it said
        }
        try {
            RawHttp.Answer a = read(method.equals("HEAD"));
            if (a.header("Connection").filter(c -> c.equalsIgnoreCase("close")).isPresent()) {
                close();
            }
            return a;
        } catch (IOException e) {
            close();
            throw e;
        }
    }

    private void open() throws IOException {
        socket = new Socket();
        socket.connect(new InetSocketAddress(host, port), timeoutMillis);
        socket.setSoTimeout(timeoutMillis);
        socket.setTcpNoDelay(true);
        in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
        out = socket.getOutputStream();
        connections++;
    }

    private RawHttp.Answer read(boolean head) throws IOException {
        int first = in.read();
        if (first < 0) {
            throw new StaleConnection();
        }
        String status = (char) first + line();
        while (status.startsWith("HTTP/1.1 1")) { // 100 Continue and other interim answers
            while (!line().isEmpty()) {
                // its headers
            }
            status = line();
        }
        if (!status.startsWith("HTTP/1.1 ") || status.length() < 12) {
            throw new IOException("not an HTTP/1.1 status line: " + status);
        }
        int code = Integer.parseInt(status.substring(9, 12));
        Map<String, String> headers = new TreeMap<>();
        for (String l; !(l = line()).isEmpty(); ) {
            int colon = l.indexOf(':');
            headers.putIfAbsent(l.substring(0, colon).trim().toLowerCase(Locale.ROOT), l.substring(colon + 1).trim());
        }
        byte[] body;
        if (head || code == 204 || code == 304) {
            body = new byte[0];
        } else if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = chunks();
        } else if (headers.containsKey("content-length")) {
            body = in.readNBytes(Integer.parseInt(headers.get("content-length")));
        } else {
            body = in.readAllBytes();
            headers.put("connection", "close");
        }
        return new RawHttp.Answer(code, headers, body);
    }

    private byte[] chunks() throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (int size; (size = Integer.parseInt(line().split(";")[0].trim(), 16)) > 0; ) {
            b.writeBytes(in.readNBytes(size));
            line();
        }
        while (!line().isEmpty()) {
            // trailers
        }
        return b.toByteArray();
    }

    private String line() throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (int c; (c = in.read()) != '\n'; ) {
            if (c < 0) {
                throw new IOException("the server closed the connection without a whole answer");
            }
            if (c != '\r') {
                b.write(c);
            }
        }
        return b.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException e) {
                // closing anyway
            }
            socket = null;
        }
    }
}
