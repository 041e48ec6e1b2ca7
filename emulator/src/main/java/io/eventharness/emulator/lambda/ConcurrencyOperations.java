package io.eventharness.emulator.lambda;

import io.eventharness.emulator.protocol.Call;
import software.amazon.awssdk.services.lambda.model.DeleteFunctionConcurrencyRequest;
import software.amazon.awssdk.services.lambda.model.DeleteFunctionConcurrencyResponse;
import software.amazon.awssdk.services.lambda.model.GetAccountSettingsRequest;
import software.amazon.awssdk.services.lambda.model.GetAccountSettingsResponse;
import software.amazon.awssdk.services.lambda.model.GetFunctionConcurrencyRequest;
import software.amazon.awssdk.services.lambda.model.GetFunctionConcurrencyResponse;
import software.amazon.awssdk.services.lambda.model.PutFunctionConcurrencyRequest;
import software.amazon.awssdk.services.lambda.model.PutFunctionConcurrencyResponse;

/**
 * Reserved concurrency per function, and the account's limits ({@code GetAccountSettings}); {@link Concurrency}
 * applies them to every invocation. Differs from AWS: provisioned concurrency is not emulated.
 */
public final class ConcurrencyOperations {
    /** AWS's default total code storage per account, 75 GB. */
    private static final long TOTAL_CODE_SIZE = 80_530_636_800L;

    private final LambdaFunctions functions;
    private final Concurrency concurrency;

    ConcurrencyOperations(LambdaFunctions functions, Concurrency concurrency) {
        this.functions = functions;
        this.concurrency = concurrency;
    }

    /** InvalidParameterValue when fewer than 100 would stay unreserved in the account, as AWS requires. */
    public PutFunctionConcurrencyResponse putFunctionConcurrency(PutFunctionConcurrencyRequest r, Call call) {
        LambdaFunction fn = function(r.functionName(), call);
        Integer n = r.reservedConcurrentExecutions();
        if (n == null || n < 0) {
            throw LambdaErrors.validation("reservedConcurrentExecutions", n, "Member must have value greater than or equal to 0");
        }
        concurrency.reserve(fn, n);
        return PutFunctionConcurrencyResponse.builder().reservedConcurrentExecutions(n).build();
    }

    public GetFunctionConcurrencyResponse getFunctionConcurrency(GetFunctionConcurrencyRequest r, Call call) {
        return GetFunctionConcurrencyResponse.builder().reservedConcurrentExecutions(function(r.functionName(), call).reservedConcurrency())
                .build();
    }

    public DeleteFunctionConcurrencyResponse deleteFunctionConcurrency(DeleteFunctionConcurrencyRequest r, Call call) {
        function(r.functionName(), call).reservedConcurrency(null);
        return DeleteFunctionConcurrencyResponse.builder().build();
    }

    public GetAccountSettingsResponse getAccountSettings(GetAccountSettingsRequest r) {
        return GetAccountSettingsResponse.builder()
                .accountLimit(l -> l.concurrentExecutions(concurrency.accountLimit()).unreservedConcurrentExecutions(concurrency.unreserved())
                        .codeSizeZipped(FunctionCode.MAX_ZIPPED).codeSizeUnzipped(FunctionCode.MAX_UNZIPPED).totalCodeSize(TOTAL_CODE_SIZE))
                .accountUsage(u -> u.functionCount((long) functions.count())).build();
    }

    private LambdaFunction function(String functionName, Call call) {
        return functions.require(FunctionName.parse(functionName, null).name(), call.region());
    }
}
