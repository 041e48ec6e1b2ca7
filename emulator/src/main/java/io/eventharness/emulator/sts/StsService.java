package io.eventharness.emulator.sts;

import io.eventharness.emulator.core.EmulatorClock;
import io.eventharness.emulator.iam.IamService;
import io.eventharness.emulator.protocol.EmulatedService;
import io.eventharness.emulator.protocol.ServiceSpec;
import java.util.List;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * AWS STS, bound to the emulator: its spec, the sessions it issued, and its operation objects. It reads roles and
 * access keys through IAM's in-JVM API. What it serves and how it differs from AWS: see the package documentation.
 */
public final class StsService implements EmulatedService {
    public static final ServiceSpec SPEC = ServiceSpec.query("sts", StsClient.class, "https://sts.amazonaws.com/doc/2011-06-15/");

    private final List<Object> operations;

    public StsService(EmulatorClock clock, IamService iam) {
        StsSessions sessions = new StsSessions();
        Callers callers = new Callers(sessions, iam);
        this.operations = List.of(new IdentityOperations(clock, callers), new CredentialOperations(clock, sessions, callers, iam));
    }

    @Override
    public ServiceSpec spec() {
        return SPEC;
    }

    @Override
    public List<?> operations() {
        return operations;
    }
}
