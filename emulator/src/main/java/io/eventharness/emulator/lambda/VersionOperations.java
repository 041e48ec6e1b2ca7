package io.eventharness.emulator.lambda;

import io.eventharness.emulator.core.Ids;
import io.eventharness.emulator.protocol.Call;
import io.eventharness.emulator.protocol.Shapes;
import software.amazon.awssdk.services.lambda.model.ListVersionsByFunctionRequest;
import software.amazon.awssdk.services.lambda.model.ListVersionsByFunctionResponse;
import software.amazon.awssdk.services.lambda.model.PublishVersionRequest;
import software.amazon.awssdk.services.lambda.model.PublishVersionResponse;

/**
 * Published versions: immutable snapshots of {@code $LATEST}, numbered from 1. Publishing when nothing changed
 * since the last version returns that version, as AWS does. Deleting one is {@code DeleteFunction} with a
 * {@code Qualifier} ({@link FunctionOperations}).
 */
public final class VersionOperations {
    private final LambdaFunctions functions;

    VersionOperations(LambdaFunctions functions) {
        this.functions = functions;
    }

    public PublishVersionResponse publishVersion(PublishVersionRequest r, Call call) {
        LambdaFunction fn = functions.require(FunctionName.parse(r.functionName(), null).name(), call.region());
        String latestSha = fn.latest().code().sha256;
        if (r.codeSha256() != null && !r.codeSha256().equals(latestSha)) {
            throw LambdaErrors.invalidParameter("CodeSHA256 (" + r.codeSha256() + ") is different from current CodeSHA256 in $LATEST ("
                    + latestSha + "). Please try again with the CodeSHA256 in $LATEST.");
        }
        fn.requireRevision(r.revisionId());
        return Shapes.convert(fn.publish(Ids.uuid()).toConfiguration(), PublishVersionResponse.class);
    }

    /** {@code $LATEST}, then the published versions in order. */
    public ListVersionsByFunctionResponse listVersionsByFunction(ListVersionsByFunctionRequest r, Call call) {
        LambdaFunction fn = functions.require(FunctionName.parse(r.functionName(), null).name(), call.region());
        return ListVersionsByFunctionResponse.builder()
                .versions(fn.versions().stream().map(FunctionSettings::toConfiguration).toList()).build();
    }
}
