package io.eventharness.emulator.protocol;

import io.eventharness.emulator.core.AwsException;
import io.eventharness.emulator.http.Headers;
import io.eventharness.emulator.http.HttpRequest;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Decodes SigV4 streaming bodies ({@code Content-Encoding: aws-chunked}): chunks
 * {@code <hex size>[;chunk-signature=…]\r\n<data>\r\n}, a zero-size chunk, then trailer lines such
 * as {@code x-amz-checksum-crc32:…}, which become request headers. The SDK sends this for every S3
 * upload over http, even with {@code WHEN_REQUIRED} checksums.
 *
 * <p>A body that ends before its framing does (a chunk cut short, no final chunk, fewer bytes than
 * {@code x-amz-decoded-content-length}) is S3's {@code IncompleteBody}; framing that cannot be read
 * (a size that is not hex, chunk data not followed by CRLF) is {@code InvalidRequest}. Real S3 checks
 * the chunk signatures first, which the emulator does not.
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
                throw incomplete("aws-chunked body: it ends where a chunk header"
                        + (out.size() > 0 ? " or the final zero-size chunk" : "") + " should be");
            }
            String header = new String(in, pos, eol - pos, StandardCharsets.US_ASCII);
            int semi = header.indexOf(';');
            String hex = (semi >= 0 ? header.substring(0, semi) : header).trim();
            int size;
            try {
                size = Integer.parseInt(hex, 16);
            } catch (NumberFormatException e) {
                throw invalid("aws-chunked body: chunk size '" + hex + "' is not a hexadecimal number below 2^31");
            }
            pos = eol + 2;
            if (size == 0) {
                break;
            }
            if (size < 0) {
                throw invalid("aws-chunked body: negative chunk size '" + hex + "'");
            }
            if (pos + size > in.length) {
                throw incomplete("aws-chunked body: the body ends inside a chunk of " + size + " bytes");
            }
            out.write(in, pos, size);
            pos += size;
            if (pos + 2 > in.length) {
                throw incomplete("aws-chunked body: the body ends after a chunk's data, before its CRLF");
            }
            if (in[pos] != '\r' || in[pos + 1] != '\n') {
                throw invalid("aws-chunked body: a chunk's data does not end where its size (" + size + ") says");
            }
            pos += 2;
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
            throw incomplete("aws-chunked body: decoded length " + out.size()
                    + " differs from x-amz-decoded-content-length " + declared);
        }
        r.replaceBody(out.toByteArray());
    }

    private static AwsException incomplete(String message) {
        return AwsException.of(400, "IncompleteBody", message);
    }

    private static AwsException invalid(String message) {
        return AwsException.of(400, "InvalidRequest", message);
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
