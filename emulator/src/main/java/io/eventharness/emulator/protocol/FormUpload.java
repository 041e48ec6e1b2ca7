package io.eventharness.emulator.protocol;

import io.eventharness.emulator.core.AwsException;
import io.eventharness.emulator.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A browser's form upload ({@code POST /bucket}, {@code multipart/form-data}; S3's "POST Object", "Browser-based
 * uploads using POST"): the form's fields, by lower-cased name, and the file, which is the last field that counts
 * (fields after it are ignored, as S3 ignores them). S3 serves it as another wire form of PutObject: the codec reads
 * the fields that are headers of a PutObject into its request, and the operation reads the rest (the policy,
 * {@code success_action_status}, ...) from here ({@link Call#form()}).
 *
 * @param fields   every field before the file, by lower-cased name, in order
 * @param file     the file's bytes
 * @param fileName the file's name as the form gave it, or empty
 */
public record FormUpload(Map<String, String> fields, byte[] file, String fileName) {

    public FormUpload {
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    /** Whether a request is a form upload to a bucket: POST with a {@code multipart/form-data} body. */
    static boolean is(HttpRequest r) {
        return "POST".equals(r.method()) && r.contentType().toLowerCase(Locale.ROOT).startsWith("multipart/form-data");
    }

    /** A field's value, or null. */
    public String field(String name) {
        return fields.get(name.toLowerCase(Locale.ROOT));
    }

    /**
     * The object's key: the {@code key} field, {@code ${filename}} in it replaced by the file's name. InvalidArgument
     * when the form has none, as S3 answers.
     */
    public String key() {
        String key = field("key");
        if (key == null) {
            throw AwsException.of(400, "InvalidArgument", "Bucket POST must contain a field named 'key'.  If it is "
                    + "specified, please check the order of the fields.").withMember("ArgumentName", "key")
                    .withMember("ArgumentValue", "");
        }
        return key.replace("${filename}", fileName);
    }

    /** The form of a request that {@link #is} one; 400 MalformedPOSTRequest when it cannot be read. */
    static FormUpload parse(HttpRequest r) {
        String boundary = boundary(r.contentType());
        byte[] body = r.body();
        byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        Map<String, String> fields = new LinkedHashMap<>();
        int pos = indexOf(body, delimiter, 0);
        if (pos < 0) {
            throw malformed();
        }
        while (true) {
            pos += delimiter.length;
            if (pos + 1 < body.length && body[pos] == '-' && body[pos + 1] == '-') {
                break; // the closing delimiter
            }
            pos = skipCrlf(body, pos);
            int headersEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), pos);
            if (headersEnd < 0) {
                throw malformed();
            }
            String headers = new String(body, pos, headersEnd - pos, StandardCharsets.UTF_8);
            int start = headersEnd + 4;
            int next = indexOf(body, ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1), start);
            if (next < 0) {
                throw malformed();
            }
            byte[] value = Arrays.copyOfRange(body, start, next);
            String name = parameter(headers, "name");
            if (name == null) {
                throw malformed();
            }
            if (name.equalsIgnoreCase("file")) {
                String fileName = parameter(headers, "filename");
                return new FormUpload(fields, value, fileName == null ? "" : fileName);
            }
            fields.put(name.toLowerCase(Locale.ROOT), new String(value, StandardCharsets.UTF_8));
            pos = next + 2;
        }
        throw AwsException.of(400, "InvalidArgument", "POST requires exactly one file upload per request.")
                .withMember("ArgumentName", "file").withMember("ArgumentValue", "0");
    }

    private static String boundary(String contentType) {
        for (String part : contentType.split(";")) {
            String p = part.trim();
            if (p.toLowerCase(Locale.ROOT).startsWith("boundary=")) {
                String b = p.substring("boundary=".length());
                return b.startsWith("\"") && b.endsWith("\"") && b.length() > 1 ? b.substring(1, b.length() - 1) : b;
            }
        }
        throw malformed();
    }

    /** {@code name="x"} in a part's {@code Content-Disposition}. */
    private static String parameter(String headers, String name) {
        for (String line : headers.split("\r\n")) {
            if (!line.toLowerCase(Locale.ROOT).startsWith("content-disposition:")) {
                continue;
            }
            for (String part : line.substring(line.indexOf(':') + 1).split(";")) {
                String p = part.trim();
                if (p.toLowerCase(Locale.ROOT).startsWith(name + "=")) {
                    String v = p.substring(name.length() + 1);
                    return v.startsWith("\"") && v.endsWith("\"") && v.length() > 1 ? v.substring(1, v.length() - 1) : v;
                }
            }
        }
        return null;
    }

    private static int skipCrlf(byte[] b, int pos) {
        return pos + 1 < b.length && b[pos] == '\r' && b[pos + 1] == '\n' ? pos + 2 : pos;
    }

    private static int indexOf(byte[] in, byte[] what, int from) {
        outer:
        for (int i = Math.max(from, 0); i <= in.length - what.length; i++) {
            for (int j = 0; j < what.length; j++) {
                if (in[i + j] != what[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static AwsException malformed() {
        return AwsException.of(400, "MalformedPOSTRequest",
                "The body of your POST request is not well-formed multipart/form-data.");
    }
}
