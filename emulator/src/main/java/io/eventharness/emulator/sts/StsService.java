package io.eventharness.emulator.sts;

import io.eventharness.emulator.protocol.ServiceSpec;
import software.amazon.awssdk.services.sts.StsClient;

/** AWS STS (query protocol). */
public final class StsService {
    public static final ServiceSpec SPEC = ServiceSpec.query("sts", StsClient.class, "https://sts.amazonaws.com/doc/2011-06-15/");
}
