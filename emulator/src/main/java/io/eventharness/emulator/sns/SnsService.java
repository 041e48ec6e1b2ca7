package io.eventharness.emulator.sns;

import io.eventharness.emulator.core.EmulatorClock;
import io.eventharness.emulator.delivery.Delivery;
import io.eventharness.emulator.protocol.ServiceSpec;
import software.amazon.awssdk.services.sns.SnsClient;

/** Amazon SNS (query protocol). */
public final class SnsService {
    public static final ServiceSpec SPEC = ServiceSpec.query("sns", SnsClient.class, "http://sns.amazonaws.com/doc/2010-03-31/");

    private final EmulatorClock clock;
    private final Delivery delivery;

    public SnsService(EmulatorClock clock, Delivery delivery) {
        this.clock = clock;
        this.delivery = delivery;
    }
}
