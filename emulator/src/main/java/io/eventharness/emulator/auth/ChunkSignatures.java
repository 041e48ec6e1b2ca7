package io.eventharness.emulator.auth;

import io.eventharness.emulator.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The chunk and trailer signatures of a streaming body ({@code STREAMING-AWS4-HMAC-SHA256-PAYLOAD[-TRAILER]}): each
 * chunk is signed with the previous chunk's signature, starting from the request's, and the trailer likewise
 * ("Signature calculations for the Authorization header: transferring payload in multiple chunks").
 */
final class ChunkSignatures {
    private static final String EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    private static final HexFormat HEX = HexFormat.of();

    private ChunkSignatures() {
    }

    /**
     * Checks the chunk signatures of a streaming body ({@code STREAMING-AWS4-HMAC-SHA256-PAYLOAD} and its
     * {@code -TRAILER} form): each chunk's is the HMAC of its data's hash chained to the previous signature, the
     * request's first; the trailer's ({@code x-amz-trailer-signature}) chains to the last chunk's. Framing that
     * cannot be read is left to the decoder, which reports it in S3's words.
     *
     * @throws AuthFailure BAD_SIGNATURE when a chunk or the trailer was not signed with this key
     */
    static void verify(HttpRequest r, SigV4.Signed s, byte[] key) {
        String mode = r.header("x-amz-content-sha256");
        if (mode == null || !mode.startsWith("STREAMING-AWS4-HMAC-SHA256-PAYLOAD")) {
            return; // unsigned chunks (STREAMING-UNSIGNED-PAYLOAD-TRAILER) or no streaming
        }
        byte[] in = r.body();
        String previous = s.signature().toLowerCase(Locale.ROOT);
        int pos = 0;
        while (true) {
            int eol = crlf(in, pos);
            if (eol < 0) {
                return;
            }
            String head = new String(in, pos, eol - pos, StandardCharsets.US_ASCII);
            int sig = head.indexOf(";chunk-signature=");
            if (sig < 0) {
                throw new AuthFailure(AuthFailure.Kind.BAD_SIGNATURE, "a chunk without its chunk-signature");
            }
            int size;
            try {
                size = Integer.parseInt(head.substring(0, sig).trim(), 16);
            } catch (NumberFormatException e) {
                return;
            }
            pos = eol + 2;
            if (size < 0 || pos + size > in.length) {
                return;
            }
            String data = SigV4.sha256Hex(java.util.Arrays.copyOfRange(in, pos, pos + size));
            String expected = HEX.formatHex(SigV4.hmac(key, SigV4.ALGORITHM + "-PAYLOAD\n" + s.amzDate() + "\n"
                    + s.scope() + "\n"
                    + previous + "\n" + EMPTY_SHA256 + "\n" + data));
            if (!SigV4.same(expected, head.substring(sig + ";chunk-signature=".length()).trim())) {
                throw new AuthFailure(AuthFailure.Kind.BAD_SIGNATURE, "chunk signature");
            }
            previous = expected;
            pos += size + (size == 0 ? 0 : 2);
            if (size == 0) {
                break;
            }
        }
        verifyTrailer(in, pos, s, key, previous);
    }

    private static void verifyTrailer(byte[] in, int pos, SigV4.Signed s, byte[] key, String previous) {
        StringBuilder trailer = new StringBuilder();
        String signature = null;
        while (pos < in.length) {
            int eol = crlf(in, pos);
            int end = eol < 0 ? in.length : eol;
            String line = new String(in, pos, end - pos, StandardCharsets.US_ASCII);
            pos = eol < 0 ? in.length : eol + 2;
            if (line.isEmpty()) {
                continue;
            }
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            if (name.equals("x-amz-trailer-signature")) {
                signature = line.substring(colon + 1).trim();
            } else {
                trailer.append(name).append(':').append(line.substring(colon + 1).trim()).append('\n');
            }
        }
        if (signature == null) {
            return; // no trailer (STREAMING-AWS4-HMAC-SHA256-PAYLOAD)
        }
        String expected = HEX.formatHex(SigV4.hmac(key, SigV4.ALGORITHM + "-TRAILER\n" + s.amzDate() + "\n"
                + s.scope() + "\n"
                + previous + "\n" + SigV4.sha256Hex(trailer.toString().getBytes(StandardCharsets.UTF_8))));
        if (!SigV4.same(expected, signature)) {
            throw new AuthFailure(AuthFailure.Kind.BAD_SIGNATURE, "trailer signature");
        }
    }

    private static int crlf(byte[] b, int from) {
        for (int i = from; i + 1 < b.length; i++) {
            if (b[i] == '\r' && b[i + 1] == '\n') {
                return i;
            }
        }
        return -1;
    }
}
