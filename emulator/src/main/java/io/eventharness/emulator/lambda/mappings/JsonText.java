package io.eventharness.emulator.lambda.mappings;

import com.fasterxml.jackson.databind.JsonNode;
import io.eventharness.emulator.core.Json;
import java.io.IOException;

/** Reading bytes that may or may not be one JSON document (a record's data, a function's response). */
final class JsonText {
    private JsonText() {
    }

    /** The document, or null when the bytes are empty or not exactly one JSON value. */
    static JsonNode parse(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            return null;
        }
        try {
            JsonNode n = Json.STRICT.readTree(bytes);
            return n == null || n.isMissingNode() ? null : n;
        } catch (IOException notJson) {
            return null;
        }
    }
}
