package io.eventharness.emulator.protocol;

/** The AWS wire protocols the emulator serves; each has one codec. */
public enum Protocol {
    AWS_JSON_1_0("application/x-amz-json-1.0"),
    AWS_JSON_1_1("application/x-amz-json-1.1"),
    REST_JSON("application/json"),
    REST_XML("application/xml"),
    QUERY("text/xml");

    private final String contentType;

    Protocol(String contentType) {
        this.contentType = contentType;
    }

    /** The content type of this protocol's responses. */
    public String contentType() {
        return contentType;
    }
}
