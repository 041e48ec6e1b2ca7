package io.eventharness.emulator.s3;

import io.eventharness.emulator.core.EmulatorClock;
import io.eventharness.emulator.delivery.Delivery;
import io.eventharness.emulator.protocol.ServiceSpec;
import java.util.Map;
import software.amazon.awssdk.services.s3.S3Client;

/** Amazon S3 (restXml). */
public final class S3Service {
    public static final ServiceSpec SPEC = ServiceSpec.restXml("s3", S3Client.class, "http://s3.amazonaws.com/doc/2006-03-01/",
            Map.of());

    private final EmulatorClock clock;
    private final Delivery delivery;

    public S3Service(EmulatorClock clock, Delivery delivery) {
        this.clock = clock;
        this.delivery = delivery;
    }
}
