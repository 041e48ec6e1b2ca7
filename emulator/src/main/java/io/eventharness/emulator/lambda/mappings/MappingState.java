package io.eventharness.emulator.lambda.mappings;

/**
 * The states of an event source mapping, as the API reports them
 * (<a href="https://docs.aws.amazon.com/lambda/latest/api/API_EventSourceMappingConfiguration.html">State</a>).
 * {@code Creating}, {@code Enabling}, {@code Disabling}, {@code Updating} and {@code Deleting} are what a change
 * answers; the mapping is {@code Enabled} or {@code Disabled} (or gone) before the next call, as a function is
 * {@code Active} before the next call after {@code CreateFunction}.
 */
public enum MappingState {
    CREATING("Creating"),
    ENABLING("Enabling"),
    ENABLED("Enabled"),
    DISABLING("Disabling"),
    DISABLED("Disabled"),
    UPDATING("Updating"),
    DELETING("Deleting");

    private final String awsName;

    MappingState(String awsName) {
        this.awsName = awsName;
    }

    /** The name the API answers. */
    public String awsName() {
        return awsName;
    }
}
