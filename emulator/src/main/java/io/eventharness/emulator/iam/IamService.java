package io.eventharness.emulator.iam;

import io.eventharness.emulator.core.EmulatorClock;
import io.eventharness.emulator.protocol.ServiceSpec;
import software.amazon.awssdk.services.iam.IamClient;

/** AWS IAM (query protocol): stored, not enforced. */
public final class IamService {
    public static final ServiceSpec SPEC = ServiceSpec.query("iam", IamClient.class, "https://iam.amazonaws.com/doc/2010-05-08/");

    private final EmulatorClock clock;

    public IamService(EmulatorClock clock) {
        this.clock = clock;
    }
}
