package io.eventharness.emulator.protocol;

import io.eventharness.emulator.http.Headers;
import io.eventharness.emulator.http.HttpRequest;
import io.eventharness.emulator.http.MalformedRequestException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Decodes SigV4 streaming bodies ({@code Content-Encoding: aws-chunked}): chunks
 * {@code <hex size>[;chunk-signature=…]\r\n<data>\r\n}, a zero-size chunk, then trailer lines such
 * as {@code x-amz-checksum-crc32:…}, which become request headers. The SDK sends this for every S3
 * upload over http, even with {@code WHEN_REQUIRED} checksums.
 */
public final class AwsChunked {
    private AwsChunked() {
    }

    public static boolean applies(HttpRequest r) {
        String ce = r.header("Content-Encoding");
        String sha = r.header("x-amz-content-sha256");
        return (ce != null && ce.contains("aws-chunked")) || r.headers().has("x-amz-decoded-content-length")
                || (sha != null && sha.startsWith("STREAMING-"));
    }

    /** Replaces the body with the decoded data and adds the trailers to the headers. */
    public static void decodeInPlace(HttpRequest r) {
        byte[] in = r.body();
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
        Headers h = r.headers();
        int pos = 0;
        while (true) {
            int eol = indexOfCrlf(in, pos);
            if (eol < 0) {
                throw new MalformedRequestException("aws-chunked body: missing chunk header");
            }
            String header = new String(in, pos, eol - pos, StandardCharsets.US_ASCII);
            int semi = header.indexOf(';');
            String hex = (semi >= 0 ? header.substring(0, semi) : header).trim();
            int size;
            try {
                size = Integer.parseInt(hex, 16);
            } catch (NumberFormatException e) {
                throw new MalformedRequestException("aws-chunked body: bad chunk size '" + hex + "'");
            }
            pos = eol + 2;
            if (size == 0) {
                break;
            }
            if (size < 0 || pos + size > in.length) {
                throw new MalformedRequestException("aws-chunked body: chunk larger than the body");
            }
            out.write(in, pos, size);
            pos += size;
            if (pos + 2 <= in.length && in[pos] == '\r' && in[pos + 1] == '\n') {
                pos += 2;
            }
        }
        // trailers until an empty line or the end
        while (pos < in.length) {
            int eol = indexOfCrlf(in, pos);
            int end = eol < 0 ? in.length : eol;
            String line = new String(in, pos, end - pos, StandardCharsets.US_ASCII);
            pos = eol < 0 ? in.length : eol + 2;
            if (line.isEmpty()) {
                break;
            }
            int colon = line.indexOf(':');
            if (colon > 0 && !line.startsWith("x-amz-trailer-signature")) {
                h.set(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
            }
        }
        String declared = r.header("x-amz-decoded-content-length");
        if (declared != null && !declared.trim().equals(String.valueOf(out.size()))) {
            throw new MalformedRequestException("aws-chunked body: decoded length " + out.size()
                    + " differs from x-amz-decoded-content-length " + declared);
        }
        r.replaceBody(out.toByteArray());
    }

    private static int indexOfCrlf(byte[] b, int from) {
        for (int i = from; i + 1 < b.length; i++) {
            if (b[i] == '\r' && b[i + 1] == '\n') {
                return i;
            }
        }
        return -1;
    }
}
