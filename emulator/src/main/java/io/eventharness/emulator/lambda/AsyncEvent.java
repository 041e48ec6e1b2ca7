package io.eventharness.emulator.lambda;

import io.eventharness.emulator.core.Arn;

/**
 * An event accepted for asynchronous invocation ({@code InvocationType=Event}, an SNS or S3
 * notification, a destination): what to run, since when it waits, how often it ran.
 *
 * <p>It belongs to the function instance it was accepted for, not to the name: a function deleted and
 * created again under the same name does not inherit the old one's queued events or retries (AWS
 * discards a deleted function's queue).
 *
 * @param source where it came from (an ARN, or {@code Invoke API}), for the event trail
 */
final class AsyncEvent {
    final LambdaFunction function;
    final String qualifier;
    final String requestId;
    final byte[] payload;
    final String source;
    final long acceptedMillis;
    /** Attempts that ran the function (throttles and service errors do not count). */
    int attempts;
    /** Attempts that were throttled or met a service error in a row, for the back-off. */
    int throttles;

    AsyncEvent(LambdaFunction function, String qualifier, String requestId, byte[] payload, String source, long acceptedMillis) {
        this.function = function;
        this.qualifier = qualifier;
        this.requestId = requestId;
        this.payload = payload;
        this.source = source;
        this.acceptedMillis = acceptedMillis;
    }

    String requestId() {
        return requestId;
    }

    /** The ARN the event was sent to, for the trail: qualified, {@code $LATEST} when unqualified. */
    Arn targetArn() {
        return FunctionName.qualified(function.arn(), qualifier == null ? "$LATEST" : qualifier);
    }
}
