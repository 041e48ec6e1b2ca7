package io.eventharness.emulator.protocol;

import io.eventharness.emulator.http.HttpRequest;

/**
 * The context of one API call, for operations that need more than their typed request: the
 * request id, the region from the credential scope, the raw HTTP request (S3 bodies), and the
 * endpoint the client used (to build queue URLs).
 */
public final class Call {
    private final String requestId;
    private final String region;
    private final HttpRequest http;
    private final String endpoint;

    public Call(String requestId, String region, HttpRequest http, String endpoint) {
        this.requestId = requestId;
        this.region = region;
        this.http = http;
        this.endpoint = endpoint;
    }

    public String requestId() {
        return requestId;
    }

    public String region() {
        return region;
    }

    public HttpRequest http() {
        return http;
    }

    /** The request body (after aws-chunked decoding). */
    public byte[] body() {
        return http.body();
    }

    /** {@code http://host:port} as the client addressed the emulator. */
    public String endpoint() {
        return endpoint;
    }
}
