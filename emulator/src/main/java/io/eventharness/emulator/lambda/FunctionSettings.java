package io.eventharness.emulator.lambda;

import io.eventharness.emulator.core.Arn;
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
 *
 * @param arn              the function's unqualified ARN (its region is the function's)
 * @param role             the execution role
 * @param deadLetterTarget the queue or topic of failed asynchronous events; null when none
 */
record FunctionSettings(String name, Arn arn, String version, String runtime, String handler,
                        Arn role, int memoryMb, int timeoutSeconds, Map<String, String> environment, String description,
                        Arn deadLetterTarget, FunctionCode code, Instant lastModified, String revisionId,
                        State state, LastUpdateStatus lastUpdateStatus) {

    private static final DateTimeFormatter LAST_MODIFIED =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ").withZone(ZoneOffset.UTC);

    /** The ARN of this version: {@code …:function:<name>:<version>}. */
    Arn qualifiedArn() {
        return FunctionName.qualified(arn, version);
    }

    String region() {
        return arn.region();
    }

    String logGroup() {
        return "/aws/lambda/" + name;
    }

    FunctionSettings with(State s, LastUpdateStatus u) {
        return new FunctionSettings(name, arn, version, runtime, handler, role, memoryMb, timeoutSeconds, environment,
                description, deadLetterTarget, code, lastModified, revisionId, s, u);
    }

    FunctionSettings asVersion(String v, String newRevision) {
        return new FunctionSettings(name, arn, v, runtime, handler, role, memoryMb, timeoutSeconds, environment,
                description, deadLetterTarget, code, lastModified, newRevision, State.ACTIVE, LastUpdateStatus.SUCCESSFUL);
    }

    /** What the engine needs to run this version. */
    FunctionConfig engineConfig(URI endpoint) {
        return FunctionConfig.builder(name).functionArn(arn.toString()).version(version).runtime(runtime).handler(handler)
                .codeDirectory(code.root).memoryMb(memoryMb).timeoutSeconds(timeoutSeconds).environment(environment)
                .roleArn(role.toString()).logGroup(logGroup()).region(region()).endpointUrl(endpoint).build();
    }

    /** The API's view ({@code GetFunctionConfiguration} and friends). */
    FunctionConfiguration toConfiguration() {
        FunctionConfiguration.Builder b = FunctionConfiguration.builder()
                .functionName(name)
                .functionArn((version.equals("$LATEST") ? arn : qualifiedArn()).toString())
                .runtime(runtime)
                .role(role.toString())
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
        if (deadLetterTarget != null) {
            b.deadLetterConfig(DeadLetterConfig.builder().targetArn(deadLetterTarget.toString()).build());
        }
        return b.build();
    }
}
