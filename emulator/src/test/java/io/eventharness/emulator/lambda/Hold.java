package io.eventharness.emulator.lambda;

import java.nio.file.Path;

/**
 * A Python function that can be held inside an invocation until the test releases it, so that a test
 * controls what is in flight: {@code {"started": <file>, "release": <file>}} writes {@code started} (with the
 * code's version) and waits for {@code release}; {@code {"fail": true}} raises; it returns
 * {@code {"version": <version>, "n": <event's n>}}.
 */
final class Hold {
    static final String HANDLER = "hold.handler";
    static final String MODULE = "hold";

    private Hold() {
    }

    /** The module's source, returning {@code version}. */
    static String source(String version) {
        return """
                import os, time

                VERSION = "%s"

                def handler(event, context):
                    if event.get("started"):
                        with open(event["started"], "w") as f:
                            f.write(VERSION)
                        while not os.path.exists(event["release"]):
                            time.sleep(0.01)
                    if event.get("fail"):
                        raise RuntimeError("asked to fail")
                    return {"version": VERSION, "n": event.get("n")}
                """.formatted(version);
    }

    /** An event that holds the invocation until {@code release} exists. */
    static String held(int n, Path started, Path release) {
        return "{\"n\":" + n + ",\"started\":\"" + started + "\",\"release\":\"" + release + "\"}";
    }

    /** An event that returns at once. */
    static String quick(int n) {
        return "{\"n\":" + n + "}";
    }

    /** An event whose invocation fails. */
    static String failing(int n) {
        return "{\"n\":" + n + ",\"fail\":true}";
    }
}
