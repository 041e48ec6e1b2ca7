package io.eventharness.emulator.lambda;

import io.eventharness.emulator.core.Arn;
import io.eventharness.emulator.core.AwsException;
import io.eventharness.emulator.core.EmulatorClock;
import io.eventharness.emulator.protocol.Call;
import io.eventharness.emulator.protocol.Shapes;
import java.util.Set;
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

/**
 * Asynchronous-invocation settings per function and qualifier: {@code MaximumRetryAttempts} (0–2),
 * {@code MaximumEventAgeInSeconds} (60–21600) and the {@code OnSuccess}/{@code OnFailure} destinations
 * (SQS, SNS, Lambda, EventBridge or S3 ARNs). Put replaces, Update merges. The {@link AsyncInvoker} applies
 * them ({@link AsyncSettings}).
 */
public final class EventInvokeConfigOperations {
    /** The services a destination may be in; S3 ARNs have neither region nor account. */
    private static final Set<String> DESTINATION_SERVICES = Set.of("sqs", "sns", "lambda", "events");

    private final EmulatorClock clock;
    private final LambdaFunctions functions;

    EventInvokeConfigOperations(EmulatorClock clock, LambdaFunctions functions) {
        this.clock = clock;
        this.functions = functions;
    }

    public PutFunctionEventInvokeConfigResponse putFunctionEventInvokeConfig(PutFunctionEventInvokeConfigRequest r, Call call) {
        FunctionName n = FunctionName.parse(r.functionName(), r.qualifier());
        LambdaFunction fn = functions.require(n.name(), call.region());
        FunctionEventInvokeConfig c = validated(fn, n.qualifier(), r.maximumRetryAttempts(), r.maximumEventAgeInSeconds(),
                r.destinationConfig());
        fn.putInvokeConfig(n.qualifier(), c);
        return Shapes.convert(c, PutFunctionEventInvokeConfigResponse.class);
    }

    public UpdateFunctionEventInvokeConfigResponse updateFunctionEventInvokeConfig(UpdateFunctionEventInvokeConfigRequest r,
                                                                                   Call call) {
        FunctionName n = FunctionName.parse(r.functionName(), r.qualifier());
        LambdaFunction fn = functions.require(n.name(), call.region());
        FunctionEventInvokeConfig old = fn.ownInvokeConfig(n.qualifier()).orElseThrow(() -> noConfig(fn));
        DestinationConfig given = r.destinationConfig();
        DestinationConfig was = old.destinationConfig();
        DestinationConfig dest = given == null ? was : DestinationConfig.builder()
                .onSuccess(given.onSuccess() != null ? given.onSuccess() : was == null ? null : was.onSuccess())
                .onFailure(given.onFailure() != null ? given.onFailure() : was == null ? null : was.onFailure())
                .build();
        FunctionEventInvokeConfig c = validated(fn, n.qualifier(),
                r.maximumRetryAttempts() != null ? r.maximumRetryAttempts() : old.maximumRetryAttempts(),
                r.maximumEventAgeInSeconds() != null ? r.maximumEventAgeInSeconds() : old.maximumEventAgeInSeconds(), dest);
        fn.putInvokeConfig(n.qualifier(), c);
        return Shapes.convert(c, UpdateFunctionEventInvokeConfigResponse.class);
    }

    public GetFunctionEventInvokeConfigResponse getFunctionEventInvokeConfig(GetFunctionEventInvokeConfigRequest r, Call call) {
        FunctionName n = FunctionName.parse(r.functionName(), r.qualifier());
        LambdaFunction fn = functions.require(n.name(), call.region());
        FunctionEventInvokeConfig c = fn.ownInvokeConfig(n.qualifier()).orElseThrow(() -> noConfig(fn));
        return Shapes.convert(c, GetFunctionEventInvokeConfigResponse.class);
    }

    public DeleteFunctionEventInvokeConfigResponse deleteFunctionEventInvokeConfig(DeleteFunctionEventInvokeConfigRequest r,
                                                                                   Call call) {
        FunctionName n = FunctionName.parse(r.functionName(), r.qualifier());
        LambdaFunction fn = functions.require(n.name(), call.region());
        if (!fn.removeInvokeConfig(n.qualifier())) {
            throw noConfig(fn);
        }
        return DeleteFunctionEventInvokeConfigResponse.builder().build();
    }

    private static AwsException noConfig(LambdaFunction fn) {
        return LambdaErrors.notFound("The function " + fn.arn() + " doesn't have an EventInvokeConfig");
    }

    private FunctionEventInvokeConfig validated(LambdaFunction fn, String qualifier, Integer retries, Integer maxAge,
                                                DestinationConfig dest) {
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
                .functionArn(FunctionName.qualified(fn.arn(), qualifier == null ? "$LATEST" : qualifier).toString())
                .maximumRetryAttempts(retries).maximumEventAgeInSeconds(maxAge).destinationConfig(dest)
                .lastModified(clock.now()).build();
    }

    /** A destination: an SQS queue, SNS topic, function or event bus in the {@code aws} partition, or an S3 bucket. */
    private static void check(String destination) {
        if (destination == null) {
            return;
        }
        boolean valid = Arn.tryParse(destination).filter(a -> a.partition().equals("aws") && (DESTINATION_SERVICES.contains(a.service())
                || a.service().equals("s3") && a.region().isEmpty() && a.account().isEmpty())).isPresent();
        if (!valid) {
            throw LambdaErrors.invalidParameter("The destination ARN " + destination + " is invalid.");
        }
    }
}
