package io.eventharness.emulator.corpus;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One row of a bad-input corpus: a raw HTTP request (bytes as they go on the wire, so malformed ones
 * reach the server) and the AWS error it must get back.
 *
 * <p>In {@code path} and in text bodies, {@value #QUEUE} stands for the URL of an existing queue.
 *
 * @param name     what is wrong with the request, shown as the test's name
 * @param method   HTTP method
 * @param path     path and query, raw
 * @param headers  request headers (Content-Length is computed)
 * @param body     the body bytes; text bodies are UTF-8
 * @param status   the expected 4xx status
 * @param envelope the protocol's error envelope it must come in
 * @param code     the error code in that envelope
 */
record BadRequest(String name, String method, String path, Map<String, String> headers, byte[] body, int status,
                  Envelope envelope, String code) {
    static final String QUEUE = "{queue}";

    /** An {@code Authorization} header whose SigV4 scope names the service, as every SDK sends one. */
    static String sigV4(String service) {
        return "AWS4-HMAC-SHA256 Credential=test/20261125/us-east-1/" + service
                + "/aws4_request, SignedHeaders=host;x-amz-date, Signature=0000";
    }

    /** A signed awsJson 1.0 request to SQS; a null target sends no {@code X-Amz-Target}. */
    static BadRequest sqsJson(String name, String target, String body, String code) {
        return sqsJson(name, target, body.getBytes(StandardCharsets.UTF_8), code);
    }

    static BadRequest sqsJson(String name, String target, byte[] body, String code) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Authorization", sigV4("sqs"));
        h.put("Content-Type", "application/x-amz-json-1.0");
        if (target != null) {
            h.put("X-Amz-Target", target);
        }
        return new BadRequest("awsJson: " + name, "POST", "/", h, body, 400, Envelope.AWS_JSON, code);
    }

    /** A signed awsJson request to {@code service} ({@code version} 1.0 or 1.1) with the given target. */
    static BadRequest awsJson(String name, String service, String version, String target, String body, String code) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Authorization", sigV4(service));
        h.put("Content-Type", "application/x-amz-json-" + version);
        h.put("X-Amz-Target", target);
        return new BadRequest("awsJson: " + name, "POST", "/", h, body.getBytes(StandardCharsets.UTF_8), 400, Envelope.AWS_JSON, code);
    }

    /** A signed SQS request in CBOR ({@code application/x-amz-cbor-1.1}); the error must come back in CBOR. */
    static BadRequest sqsCbor(String name, String target, byte[] body, String code) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Authorization", sigV4("sqs"));
        h.put("Content-Type", "application/x-amz-cbor-1.1");
        h.put("X-Amz-Target", target);
        return new BadRequest("cbor: " + name, "POST", "/", h, body, 400, Envelope.CBOR, code);
    }

    /** A query-protocol form POST to {@code path}, signed for {@code service} (null: unsigned). */
    static BadRequest query(String name, String service, String path, String form, int status, Envelope envelope, String code) {
        Map<String, String> h = new LinkedHashMap<>();
        if (service != null) {
            h.put("Authorization", sigV4(service));
        }
        h.put("Content-Type", "application/x-www-form-urlencoded; charset=utf-8");
        return new BadRequest("query: " + name, "POST", path, h, form.getBytes(StandardCharsets.ISO_8859_1), status, envelope, code);
    }

    /** A signed restJson1 request to Lambda; a body is sent as {@code application/json}, as the SDK does. */
    static BadRequest lambda(String name, String method, String path, Map<String, String> extra, byte[] body, int status,
                             String code) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Authorization", sigV4("lambda"));
        if (body.length > 0) {
            h.put("Content-Type", "application/json");
        }
        h.putAll(extra);
        return new BadRequest("restJson: " + name, method, path, h, body, status, Envelope.REST_JSON, code);
    }

    /** The body with {@value #QUEUE} replaced, for text bodies that mention it. */
    byte[] bodyFor(String queueUrl) {
        String text = new String(body, StandardCharsets.ISO_8859_1);
        return text.contains(QUEUE) ? text.replace(QUEUE, queueUrl).getBytes(StandardCharsets.ISO_8859_1) : body;
    }

    @Override
    public String toString() {
        return name;
    }
}
