package io.eventharness.emulator.core;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
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
    /**
     * What a document may hold: Jackson's default caps a string at 20 MB, but a Lambda {@code ZipFile} of 50 MB is a
     * base64 string of 70 MB. Strings are capped by the body instead (the front door takes at most 1 GiB), and each
     * service applies its own limits (Lambda: 50 MB zipped, {@code RequestEntityTooLargeException}).
     */
    public static final StreamReadConstraints CONSTRAINTS = StreamReadConstraints.builder()
            .maxStringLength(Integer.MAX_VALUE).build();
    /** Reading and writing trees and values. Lenient about what follows a document; see {@link #STRICT}. */
    public static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder().streamReadConstraints(CONSTRAINTS).build());
    /** For documents clients send: a value followed by more tokens ({@code "{} }}"}) is malformed. */
    public static final ObjectReader STRICT = MAPPER.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    /** Numbers as written, floats as {@code BigDecimal} ({@code 1.10} and {@code 1.1} compared exactly). */
    public static final ObjectReader EXACT_NUMBERS = MAPPER.reader().with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private Json() {
    }
}
