package io.eventharness.emulator.logs;

import io.eventharness.emulator.core.EmulatorClock;
import io.eventharness.emulator.protocol.Protocol;
import io.eventharness.emulator.protocol.ServiceSpec;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;

/** Amazon CloudWatch Logs (awsJson 1.1). */
public final class LogsService {
    public static final ServiceSpec SPEC = ServiceSpec.awsJson("logs", Protocol.AWS_JSON_1_1, CloudWatchLogsClient.class, "Logs_20140328");

    private final EmulatorClock clock;

    public LogsService(EmulatorClock clock) {
        this.clock = clock;
    }
}
