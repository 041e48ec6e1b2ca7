package io.eventharness.emulator.lambda;

import io.eventharness.emulator.lambda.runtime.FunctionConfig;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import software.amazon.awssdk.services.lambda.model.DeadLetterConfig;
import software.amazon.awssdk.services.lambda.model.EnvironmentResponse;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.LastUpdateStatus;
import software.amazon.awssdk.services.lambda.model.State;

/**
 * One version's configuration, immutable: {@code $LATEST} is replaced on every update, a published
 * version keeps its snapshot.
 */
record FunctionSettings(String name, String arn, String region, String version, String runtime, String handler,
                        String role, int memoryMb, int timeoutSeconds, Map<String, String> environment, String description,
                        String deadLetterTargetArn, FunctionCode code, Instant lastModified, String revisionId,
                        State state, LastUpdateStatus lastUpdateStatus) {

    private static final DateTimeFormatter LAST_MODIFIED =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ").withZone(ZoneOffset.UTC);

    String qualifiedArn() {
        return arn + ":" + version;
    }

    String logGroup() {
        return "/aws/lambda/" + name;
    }

    FunctionSettings with(State s, LastUpdateStatus u) {
        return new FunctionSettings(name, arn, region, version, runtime, handler, role, memoryMb, timeoutSeconds, environment,
                description, deadLetterTargetArn, code, lastModified, revisionId, s, u);
    }

    FunctionSettings asVersion(String v, String newRevision) {
        return new FunctionSettings(name, arn, region, v, runtime, handler, role, memoryMb, timeoutSeconds, environment,
                description, deadLetterTargetArn, code, lastModified, newRevision, State.ACTIVE, LastUpdateStatus.SUCCESSFUL);
    }

    /** What the engine needs to run this version. */
    FunctionConfig engineConfig(URI endpoint) {
        return FunctionConfig.builder(name).functionArn(arn).version(version).runtime(runtime).handler(handler)
                .codeDirectory(code.root).memoryMb(memoryMb).timeoutSeconds(timeoutSeconds).environment(environment)
                .roleArn(role).logGroup(logGroup()).region(region).endpointUrl(endpoint).build();
    }

    /** The API's view ({@code GetFunctionConfiguration} and friends). */
    FunctionConfiguration toConfiguration() {
        FunctionConfiguration.Builder b = FunctionConfiguration.builder()
                .functionName(name)
                .functionArn(version.equals("$LATEST") ? arn : qualifiedArn())
                .runtime(runtime)
                .role(role)
                .handler(handler)
                .codeSize(code.size)
                .description(description == null ? "" : description)
                .timeout(timeoutSeconds)
                .memorySize(memoryMb)
                .lastModified(LAST_MODIFIED.format(lastModified))
                .codeSha256(code.sha256)
                .version(version)
                .revisionId(revisionId)
                .packageType("Zip")
                .architecturesWithStrings("x86_64")
                .ephemeralStorage(e -> e.size(512))
                .tracingConfig(t -> t.mode("PassThrough"))
                .loggingConfig(l -> l.logFormat("Text").logGroup(logGroup()))
                .state(state)
                .lastUpdateStatus(lastUpdateStatus);
        if (state == State.PENDING) {
            b.stateReason("The function is being created.").stateReasonCode("Creating");
        }
        if (lastUpdateStatus == LastUpdateStatus.IN_PROGRESS) {
            b.lastUpdateStatusReason("The function is being created.").lastUpdateStatusReasonCode("Creating");
        }
        if (!environment.isEmpty()) {
            b.environment(EnvironmentResponse.builder().variables(environment).build());
        }
        if (deadLetterTargetArn != null) {
            b.deadLetterConfig(DeadLetterConfig.builder().targetArn(deadLetterTargetArn).build());
        }
        return b.build();
    }
}
