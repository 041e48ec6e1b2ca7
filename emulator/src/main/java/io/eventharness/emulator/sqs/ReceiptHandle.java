package io.eventharness.emulator.sqs;

import io.eventharness.emulator.core.Arn;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * What a receipt handle says: the queue, the message, and the token of the receive that handed it out. Only the
 * latest receive's token deletes a message or changes its visibility. On the wire it is the three, one a line,
 * in base64url without padding (opaque to clients, as AWS's are).
 */
record ReceiptHandle(Arn queueArn, String messageId, String token) {

    /** The handle as ReceiveMessage returns it. */
    String text() {
        String raw = queueArn + "\n" + messageId + "\n" + token;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** The handle a client sent back; empty when it is not one of ours. */
    static Optional<ReceiptHandle> parse(String text) {
        String raw;
        try {
            raw = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        String[] lines = raw.split("\n");
        if (lines.length != 3) {
            return Optional.empty();
        }
        return Arn.tryParse(lines[0]).map(queue -> new ReceiptHandle(queue, lines[1], lines[2]));
    }
}
