package io.eventharness.emulator;

import io.eventharness.emulator.pipeline.RequestLog;
import java.nio.file.Path;
import java.time.Duration;

/**
 * {@link Emulator.Settings} being built by {@link Emulator.Builder}, one field changed at a time (a record has no
 * withers); {@link #settings()} checks them as the record does.
 */
final class SettingsDraft {
    String host;
    int port;
    Duration lambdaKeepAlive;
    int lambdaAsyncWorkers;
    Path lambdaWorkDirectory;
    boolean lambdaSpareSandboxes;
    long maxLogBytesPerGroup;
    boolean s3DestinationPolicyCheck;
    RequestLog requestLog;
    boolean verifySignatures;
    boolean enforcePolicies;

    SettingsDraft(Emulator.Settings s) {
        host = s.host();
        port = s.port();
        lambdaKeepAlive = s.lambdaKeepAlive();
        lambdaAsyncWorkers = s.lambdaAsyncWorkers();
        lambdaWorkDirectory = s.lambdaWorkDirectory();
        lambdaSpareSandboxes = s.lambdaSpareSandboxes();
        maxLogBytesPerGroup = s.maxLogBytesPerGroup();
        s3DestinationPolicyCheck = s.s3DestinationPolicyCheck();
        requestLog = s.requestLog();
        verifySignatures = s.verifySignatures();
        enforcePolicies = s.enforcePolicies();
    }

    Emulator.Settings settings() {
        return new Emulator.Settings(host, port, lambdaKeepAlive, lambdaAsyncWorkers, lambdaWorkDirectory,
                lambdaSpareSandboxes, maxLogBytesPerGroup, s3DestinationPolicyCheck, requestLog, verifySignatures,
                enforcePolicies);
    }
}
