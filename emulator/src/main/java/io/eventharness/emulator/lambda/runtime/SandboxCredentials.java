package io.eventharness.emulator.lambda.runtime;

/**
 * The temporary credentials a sandbox starts with, as Lambda gives each execution environment a session of the
 * function's execution role ({@code AWS_ACCESS_KEY_ID}, {@code AWS_SECRET_ACCESS_KEY}, {@code AWS_SESSION_TOKEN}).
 */
@FunctionalInterface
public interface SandboxCredentials {
    /** The conventional dummy ones, {@code test}/{@code test}/{@code test}: for an emulator that checks no signature. */
    SandboxCredentials DUMMY = (roleArn, functionName) -> new Keys("test", "test", "test");

    /**
     * A session of the role for a new sandbox of the function; when the role no longer exists, keys that stand for
     * nobody (the function's calls are then refused, as on AWS).
     */
    Keys issue(String roleArn, String functionName);

    /** An access key, its secret and its session token. */
    record Keys(String accessKeyId, String secretAccessKey, String sessionToken) {
    }
}
