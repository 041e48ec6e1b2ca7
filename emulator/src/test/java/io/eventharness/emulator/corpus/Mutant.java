package io.eventharness.emulator.corpus;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One generated malformed request: a valid request of an operation (as the SDK marshals it) with one thing made
 * wrong, and what the answer may be.
 *
 * @param name   the operation, the member and what was done to it: enough to rebuild it from the seed
 * @param wire   the bytes to send
 * @param expect what the answer may be
 */
record Mutant(String name, WireCapture.Wire wire, Expect expect) {

    /** What a mutant's answer may be. Never a 5xx (but {@code 501 NotImplemented}), a hang or a dropped connection. */
    enum Expect {
        /** Certainly invalid (a wrong type, a truncated document, an unknown operation): a 4xx in the protocol's envelope. */
        REJECTED,
        /** Possibly still valid (an unknown member, an odd header, a value of the right type): a 2xx, or a 4xx in an AWS envelope. */
        ANY,
        /**
         * Malformed at the HTTP level (a control character in a header, a request target that cannot be parsed): the HTTP
         * layer's 4xx in any body, or the service's answer when the request got through.
         */
        HTTP_ERROR
    }

    static Mutant rejected(String name, WireCapture.Wire wire) {
        return new Mutant(name, wire, Expect.REJECTED);
    }

    static Mutant any(String name, WireCapture.Wire wire) {
        return new Mutant(name, wire, Expect.ANY);
    }

    /** The same request with another body. */
    static WireCapture.Wire body(WireCapture.Wire w, byte[] body) {
        return w.with(w.target(), w.headers(), body);
    }

    /** The same request with a header set (null: removed), matched case-insensitively. */
    static WireCapture.Wire header(WireCapture.Wire w, String name, String value) {
        Map<String, String> h = new LinkedHashMap<>();
        w.headers().forEach((k, v) -> {
            if (!k.equalsIgnoreCase(name)) {
                h.put(k, v);
            }
        });
        if (value != null) {
            h.put(name, value);
        }
        return w.with(w.target(), h, w.body());
    }

    static WireCapture.Wire target(WireCapture.Wire w, String target) {
        return w.with(target, w.headers(), w.body());
    }

    @Override
    public String toString() {
        return name;
    }
}
