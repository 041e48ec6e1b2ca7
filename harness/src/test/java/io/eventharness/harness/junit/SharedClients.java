package io.eventharness.harness.junit;

import io.eventharness.harness.Cloud;
import io.eventharness.harness.Harness;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Clients of the embedded harness the self-tests share, for assertions made outside @EventHarness
 * classes. Created on first use (never in a static initializer: a backend that cannot start must not
 * become an ExceptionInInitializerError).
 */
final class SharedClients {
    private SharedClients() {
    }

    static SqsClient sqs() {
        return cloud().sqs();
    }

    static Cloud cloud() {
        return Harness.shared("embedded").newCloud("assertions");
    }
}
