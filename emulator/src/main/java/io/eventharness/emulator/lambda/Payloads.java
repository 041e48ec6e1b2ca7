package io.eventharness.emulator.lambda;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;

/** Invoke payloads: Lambda accepts any JSON value and refuses anything else. */
final class Payloads {
    private static final JsonFactory JSON = new JsonFactory();
    private static final byte[] EMPTY_OBJECT = "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8);

    private Payloads() {
    }

    /** The payload, or {@code {}} when empty; InvalidRequestContentException when it is not JSON. */
    static byte[] requireJson(byte[] payload) {
        if (payload.length == 0) {
            return EMPTY_OBJECT;
        }
        try (JsonParser p = JSON.createParser(payload)) {
            if (p.nextToken() == null) {
                return EMPTY_OBJECT;
            }
            p.skipChildren();
            if (p.nextToken() != null) {
                throw new IOException("trailing content after the JSON value");
            }
            return payload;
        } catch (IOException e) {
            throw LambdaErrors.invalidRequestContent("Could not parse request body into json: Could not parse payload into json: "
                    + e.getMessage().split("\n")[0]);
        }
    }
}
