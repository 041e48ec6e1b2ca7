package io.eventharness.emulator.lambda;

/**
 * An event accepted for asynchronous invocation ({@code InvocationType=Event}, an SNS or S3
 * notification, a destination): what to run, since when it waits, how often it ran.
 *
 * @param source where it came from (an ARN, or {@code Invoke API}), for the event trail
 */
final class AsyncEvent {
    final String functionName;
    final String qualifier;
    final String requestId;
    final byte[] payload;
    final String source;
    final long acceptedMillis;
    int attempts;
    int throttles;

    AsyncEvent(String functionName, String qualifier, String requestId, byte[] payload, String source, long acceptedMillis) {
        this.functionName = functionName;
        this.qualifier = qualifier;
        this.requestId = requestId;
        this.payload = payload;
        this.source = source;
        this.acceptedMillis = acceptedMillis;
    }

    String requestId() {
        return requestId;
    }
}
