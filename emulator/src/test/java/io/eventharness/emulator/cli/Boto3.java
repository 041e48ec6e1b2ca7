package io.eventharness.emulator.cli;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * boto3 programs run by Debian's {@code /usr/bin/python3} against the standalone emulator. Each program gets {@link #PRELUDE}:
 * {@code client(name)} (pointed at the emulator, one attempt), {@code out(value)} (prints JSON) and
 * {@code error_of(fn)} (the botocore error code and the exception class a call raised).
 */
final class Boto3 {
    static final String PRELUDE = """
            import base64, json, os, sys
            import boto3
            from botocore.config import Config
            def client(name):
                return boto3.client(name, endpoint_url=os.environ["ENDPOINT"], config=Config(retries={"max_attempts": 1}))
            def out(value):
                print(json.dumps(value, default=str))
            def error_of(fn):
                try:
                    fn()
                except Exception as e:
                    response = getattr(e, "response", {})
                    return {"type": type(e).__name__, "code": response.get("Error", {}).get("Code"),
                            "status": response.get("ResponseMetadata", {}).get("HTTPStatusCode")}
                return None
            """;

    private Boto3() {
    }

    /** Runs the program after the prelude; asserts it succeeded and returns what it printed, as JSON. */
    static JsonNode run(String program) {
        return Cli.python(PRELUDE + program).json();
    }
}
