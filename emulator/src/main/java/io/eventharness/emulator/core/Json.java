package io.eventharness.emulator.core;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

/**
 * The emulator's one Jackson mapper. A mapper is thread-safe once configured, and each one pays for its
 * own set-up and its own serializer caches: one for the whole emulator keeps that cost (the largest part
 * of Jackson's share of start-up) paid once.
 *
 * <pre>{@code
 * JsonNode policy = Json.STRICT.readTree(document);   // one JSON value, nothing after it
 * ObjectNode out = Json.MAPPER.createObjectNode();
 * }</pre>
 */
public final class Json {
    /** Reading and writing trees and values. Lenient about what follows a document; see {@link #STRICT}. */
    public static final ObjectMapper MAPPER = new ObjectMapper();
    /** For documents clients send: a value followed by more tokens ({@code "{} }}"}) is malformed. */
    public static final ObjectReader STRICT = MAPPER.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    /** Numbers as written, floats as {@code BigDecimal} ({@code 1.10} and {@code 1.1} compared exactly). */
    public static final ObjectReader EXACT_NUMBERS = MAPPER.reader().with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private Json() {
    }
}
