package io.eventharness.emulator.sqs;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/**
 * The MD5 digests SQS returns and the SDK's {@code MessageMD5ChecksumInterceptor} verifies: of the
 * body (UTF-8), and of the message attributes (names sorted; each name, data type and value
 * length-prefixed, with a transport byte 1 for strings and 2 for binaries).
 */
public final class MessageMd5 {
    private MessageMd5() {
    }

    public static String ofBody(String body) {
        return hex(md5().digest(body.getBytes(StandardCharsets.UTF_8)));
    }

    /** Null when there are no attributes, as SQS omits the field. */
    public static String ofAttributes(Map<String, MessageAttributeValue> attributes) {
        if (attributes == null || attributes.isEmpty()) {
            return null;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Map.Entry<String, MessageAttributeValue> e : new TreeMap<>(attributes).entrySet()) {
            MessageAttributeValue v = e.getValue();
            lengthPrefixed(out, e.getKey().getBytes(StandardCharsets.UTF_8));
            lengthPrefixed(out, v.dataType().getBytes(StandardCharsets.UTF_8));
            if (v.stringValue() != null) {
                out.write(1);
                lengthPrefixed(out, v.stringValue().getBytes(StandardCharsets.UTF_8));
            } else if (v.binaryValue() != null) {
                out.write(2);
                lengthPrefixed(out, v.binaryValue().asByteArrayUnsafe());
            }
        }
        return hex(md5().digest(out.toByteArray()));
    }

    private static void lengthPrefixed(ByteArrayOutputStream out, byte[] b) {
        out.writeBytes(ByteBuffer.allocate(4).putInt(b.length).array());
        out.writeBytes(b);
    }

    private static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }
}
