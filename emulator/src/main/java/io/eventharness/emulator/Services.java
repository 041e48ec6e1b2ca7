package io.eventharness.emulator;

import io.eventharness.emulator.core.EmulatorClock;
import io.eventharness.emulator.delivery.Delivery;
import io.eventharness.emulator.iam.IamService;
import io.eventharness.emulator.logs.LogsService;
import io.eventharness.emulator.routing.ServiceBinding;
import io.eventharness.emulator.s3.S3Service;
import io.eventharness.emulator.sns.SnsService;
import io.eventharness.emulator.sqs.SqsService;
import io.eventharness.emulator.sts.StsService;
import java.util.ArrayList;
import java.util.List;

/** The emulated services of one emulator, wired to its clock and its delivery; one binding each. */
public final class Services implements AutoCloseable {
    private final SqsService sqs;
    private final SnsService sns;
    private final S3Service s3;
    private final LogsService logs;
    private final IamService iam;
    private final StsService sts;
    private final List<ServiceBinding> bindings = new ArrayList<>();

    Services(EmulatorClock clock, Delivery delivery) {
        sqs = new SqsService(clock, delivery);
        sns = new SnsService(clock, delivery);
        s3 = new S3Service(clock, delivery, arn -> switch (Delivery.serviceOf(arn)) {
            case "sqs" -> sqs.queueExists(arn);
            case "sns" -> sns.topicExists(arn);
            default -> true; // Lambda functions: checked once Lambda is emulated
        });
        logs = new LogsService(clock);
        iam = new IamService(clock);
        sts = new StsService(clock, iam);
        bindings.add(new ServiceBinding(SqsService.SPEC, sqs));
        bindings.add(new ServiceBinding(SnsService.SPEC, sns));
        bindings.add(new ServiceBinding(S3Service.SPEC, s3));
        bindings.add(new ServiceBinding(LogsService.SPEC, logs));
        bindings.add(new ServiceBinding(IamService.SPEC, iam));
        bindings.add(new ServiceBinding(StsService.SPEC, sts));
    }

    public List<ServiceBinding> bindings() {
        return bindings;
    }

    public SqsService sqs() {
        return sqs;
    }

    public SnsService sns() {
        return sns;
    }

    public S3Service s3() {
        return s3;
    }

    public LogsService logs() {
        return logs;
    }

    public IamService iam() {
        return iam;
    }

    public StsService sts() {
        return sts;
    }

    @Override
    public void close() {
        sqs.close();
    }
}
