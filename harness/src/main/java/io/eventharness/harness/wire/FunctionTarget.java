package io.eventharness.harness.wire;

/**
 * A function a trigger can point at: its name (for {@code AddPermission} and event source mappings) and its
 * ARN (for subscriptions and bucket notifications). The harness's {@code DeployedFunction} is one.
 */
public interface FunctionTarget {
    String name();

    String arn();
}
