package io.eventharness.emulator.lambda;

import io.eventharness.emulator.core.Arn;
import software.amazon.awssdk.services.lambda.model.DestinationConfig;
import software.amazon.awssdk.services.lambda.model.FunctionEventInvokeConfig;

/**
 * What the asynchronous queue applies to one event: the {@code EventInvokeConfig} of the qualifier it was sent
 * to (else of the function), each member that is not set taking AWS's default.
 *
 * @param maxRetries    {@code MaximumRetryAttempts}: 2 by default
 * @param maxAgeSeconds {@code MaximumEventAgeInSeconds}: six hours by default
 * @param onSuccess     the {@code OnSuccess} destination; null when none
 * @param onFailure     the {@code OnFailure} destination; null when none
 */
record AsyncSettings(int maxRetries, int maxAgeSeconds, Arn onSuccess, Arn onFailure) {
    static final int DEFAULT_RETRIES = 2;
    static final int DEFAULT_MAX_AGE_SECONDS = 21_600;

    /** From the stored settings, validated when they were put (null: none). */
    static AsyncSettings of(FunctionEventInvokeConfig c) {
        if (c == null) {
            return new AsyncSettings(DEFAULT_RETRIES, DEFAULT_MAX_AGE_SECONDS, null, null);
        }
        DestinationConfig d = c.destinationConfig();
        return new AsyncSettings(c.maximumRetryAttempts() != null ? c.maximumRetryAttempts() : DEFAULT_RETRIES,
                c.maximumEventAgeInSeconds() != null ? c.maximumEventAgeInSeconds() : DEFAULT_MAX_AGE_SECONDS,
                d == null || d.onSuccess() == null ? null : Arn.tryParse(d.onSuccess().destination()).orElse(null),
                d == null || d.onFailure() == null ? null : Arn.tryParse(d.onFailure().destination()).orElse(null));
    }
}
