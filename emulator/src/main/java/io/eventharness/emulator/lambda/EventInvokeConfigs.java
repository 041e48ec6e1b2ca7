package io.eventharness.emulator.lambda;

import io.eventharness.emulator.protocol.Call;
import java.time.Instant;
import software.amazon.awssdk.services.lambda.model.DeleteFunctionEventInvokeConfigRequest;
import software.amazon.awssdk.services.lambda.model.DeleteFunctionEventInvokeConfigResponse;
import software.amazon.awssdk.services.lambda.model.DestinationConfig;
import software.amazon.awssdk.services.lambda.model.FunctionEventInvokeConfig;
import software.amazon.awssdk.services.lambda.model.GetFunctionEventInvokeConfigRequest;
import software.amazon.awssdk.services.lambda.model.GetFunctionEventInvokeConfigResponse;
import software.amazon.awssdk.services.lambda.model.PutFunctionEventInvokeConfigRequest;
import software.amazon.awssdk.services.lambda.model.PutFunctionEventInvokeConfigResponse;
import software.amazon.awssdk.services.lambda.model.UpdateFunctionEventInvokeConfigRequest;
import software.amazon.awssdk.services.lambda.model.UpdateFunctionEventInvokeConfigResponse;
import io.eventharness.emulator.protocol.Shapes;

/**
 * Asynchronous-invocation settings per function and qualifier: {@code MaximumRetryAttempts} (0–2),
 * {@code MaximumEventAgeInSeconds} (60–21600) and the {@code OnSuccess}/{@code OnFailure} destinations
 * (SQS, SNS, Lambda, EventBridge ARNs). Put replaces, Update merges.
 */
final class EventInvokeConfigs {
    private EventInvokeConfigs() {
    }

    static PutFunctionEventInvokeConfigResponse put(LambdaService svc, PutFunctionEventInvokeConfigRequest r, Call call) {
        FunctionName n = FunctionName.parse(r.functionName(), r.qualifier());
        LambdaFunction fn = svc.function(n.name(), call);
        FunctionEventInvokeConfig c = validated(fn, n.qualifier(), r.maximumRetryAttempts(), r.maximumEventAgeInSeconds(),
                r.destinationConfig(), svc.now());
        fn.invokeConfigs().put(key(n.qualifier()), c);
        return Shapes.convert(c, PutFunctionEventInvokeConfigResponse.class);
    }

    static UpdateFunctionEventInvokeConfigResponse update(LambdaService svc, UpdateFunctionEventInvokeConfigRequest r, Call call) {
        FunctionName n = FunctionName.parse(r.functionName(), r.qualifier());
        LambdaFunction fn = svc.function(n.name(), call);
        FunctionEventInvokeConfig old = fn.invokeConfigs().get(key(n.qualifier()));
        if (old == null) {
            throw LambdaErrors.notFound("The function " + fn.arn + " doesn't have an EventInvokeConfig");
        }
        DestinationConfig dest = r.destinationConfig() == null ? old.destinationConfig() : DestinationConfig.builder()
                .onSuccess(r.destinationConfig().onSuccess() != null ? r.destinationConfig().onSuccess()
                        : old.destinationConfig() == null ? null : old.destinationConfig().onSuccess())
                .onFailure(r.destinationConfig().onFailure() != null ? r.destinationConfig().onFailure()
                        : old.destinationConfig() == null ? null : old.destinationConfig().onFailure())
                .build();
        FunctionEventInvokeConfig c = validated(fn, n.qualifier(),
                r.maximumRetryAttempts() != null ? r.maximumRetryAttempts() : old.maximumRetryAttempts(),
                r.maximumEventAgeInSeconds() != null ? r.maximumEventAgeInSeconds() : old.maximumEventAgeInSeconds(), dest, svc.now());
        fn.invokeConfigs().put(key(n.qualifier()), c);
        return Shapes.convert(c, UpdateFunctionEventInvokeConfigResponse.class);
    }

    static GetFunctionEventInvokeConfigResponse get(LambdaService svc, GetFunctionEventInvokeConfigRequest r, Call call) {
        FunctionName n = FunctionName.parse(r.functionName(), r.qualifier());
        LambdaFunction fn = svc.function(n.name(), call);
        FunctionEventInvokeConfig c = fn.invokeConfigs().get(key(n.qualifier()));
        if (c == null) {
            throw LambdaErrors.notFound("The function " + fn.arn + " doesn't have an EventInvokeConfig");
        }
        return Shapes.convert(c, GetFunctionEventInvokeConfigResponse.class);
    }

    static DeleteFunctionEventInvokeConfigResponse delete(LambdaService svc, DeleteFunctionEventInvokeConfigRequest r, Call call) {
        FunctionName n = FunctionName.parse(r.functionName(), r.qualifier());
        LambdaFunction fn = svc.function(n.name(), call);
        if (fn.invokeConfigs().remove(key(n.qualifier())) == null) {
            throw LambdaErrors.notFound("The function " + fn.arn + " doesn't have an EventInvokeConfig");
        }
        return DeleteFunctionEventInvokeConfigResponse.builder().build();
    }

    private static String key(String qualifier) {
        return qualifier == null ? "$LATEST" : qualifier;
    }

    private static FunctionEventInvokeConfig validated(LambdaFunction fn, String qualifier, Integer retries, Integer maxAge,
                                                       DestinationConfig dest, Instant now) {
        fn.resolve(qualifier);
        if (retries != null && (retries < 0 || retries > 2)) {
            throw LambdaErrors.validation("maximumRetryAttempts", retries, "Member must have value less than or equal to 2");
        }
        if (maxAge != null && (maxAge < 60 || maxAge > 21_600)) {
            throw LambdaErrors.validation("maximumEventAgeInSeconds", maxAge, "Member must have value between 60 and 21600");
        }
        if (dest != null) {
            check(dest.onSuccess() == null ? null : dest.onSuccess().destination());
            check(dest.onFailure() == null ? null : dest.onFailure().destination());
        }
        return FunctionEventInvokeConfig.builder()
                .functionArn(qualifier == null ? fn.arn + ":$LATEST" : fn.arn + ":" + qualifier)
                .maximumRetryAttempts(retries).maximumEventAgeInSeconds(maxAge).destinationConfig(dest)
                .lastModified(now).build();
    }

    private static void check(String arn) {
        if (arn == null) {
            return;
        }
        if (!arn.startsWith("arn:aws:sqs:") && !arn.startsWith("arn:aws:sns:") && !arn.startsWith("arn:aws:lambda:")
                && !arn.startsWith("arn:aws:events:") && !arn.startsWith("arn:aws:s3:::")) {
            throw LambdaErrors.invalidParameter("The destination ARN " + arn + " is invalid.");
        }
    }
}
