package io.eventharness.harness;

import io.eventharness.harness.wire.FunctionTarget;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.LogType;

/**
 * A function the harness deployed (Active). Invoke it synchronously or asynchronously; observe it
 * with {@code cloud.logsOf(fn)}; wire triggers to it with {@code cloud.wire()}.
 */
public final class DeployedFunction implements FunctionTarget {
    private final LambdaClient lambda;
    private final String name;
    private final String arn;

    DeployedFunction(LambdaClient lambda, String name, String arn) {
        this.lambda = lambda;
        this.name = name;
        this.arn = arn;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String arn() {
        return arn;
    }

    /** {@code /aws/lambda/<name>}. */
    public String logGroup() {
        return "/aws/lambda/" + name;
    }

    /** A synchronous ({@code RequestResponse}) invocation with {@code LogType=Tail}. */
    public InvokeResult invoke(String jsonPayload) {
        return InvokeResult.of(lambda.invoke(b -> b.functionName(name).invocationType(InvocationType.REQUEST_RESPONSE)
                .logType(LogType.TAIL).payload(SdkBytes.fromUtf8String(jsonPayload))));
    }

    /** An asynchronous ({@code Event}) invocation: queued, answered 202. */
    public int invokeAsync(String jsonPayload) {
        return lambda.invoke(b -> b.functionName(name).invocationType(InvocationType.EVENT)
                .payload(SdkBytes.fromUtf8String(jsonPayload))).statusCode();
    }

    @Override
    public String toString() {
        return name;
    }
}
