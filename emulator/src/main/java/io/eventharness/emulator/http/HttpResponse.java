package io.eventharness.emulator.http;

import java.nio.charset.StandardCharsets;

/** One HTTP response: status, headers, whole body. */
public final class HttpResponse {
    private int status = 200;
    private final Headers headers = new Headers();
    private byte[] body = new byte[0];

    public HttpResponse status(int status) {
        this.status = status;
        return this;
    }

    public HttpResponse header(String name, String value) {
        headers.set(name, value);
        return this;
    }

    public HttpResponse body(byte[] body, String contentType) {
        this.body = body;
        if (contentType != null) {
            headers.set("Content-Type", contentType);
        }
        return this;
    }

    public HttpResponse body(String body, String contentType) {
        return body(body.getBytes(StandardCharsets.UTF_8), contentType);
    }

    public int status() {
        return status;
    }

    public Headers headers() {
        return headers;
    }

    public byte[] body() {
        return body;
    }

    public static HttpResponse json(int status, String json) {
        return new HttpResponse().status(status).body(json, "application/json");
    }
}
