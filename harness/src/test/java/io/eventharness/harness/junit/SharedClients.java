package io.eventharness.harness.junit;

import io.eventharness.harness.Cloud;
import io.eventharness.harness.Harness;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Clients of the harness the extension shares, for assertions made outside @EventHarness classes. */
final class SharedClients {
    private SharedClients() {
    }

    static SqsClient sqs() {
        return cloud().sqs();
    }

    private static Cloud cloud() {
        return HOLDER.newCloud("assertions");
    }

    private static final Harness HOLDER = Harness.shared();
}
