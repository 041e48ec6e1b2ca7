package io.eventharness.emulator.lambda.mappings;

import io.eventharness.emulator.core.Arn;
import io.eventharness.emulator.lambda.runtime.InvocationResult;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What event source mappings need of Lambda's functions, filled in by {@code LambdaService} over its registry and its
 * {@code Invoker}, so that this package does not depend on {@code lambda} (which depends on it).
 */
public interface MappedFunctions {

    /**
     * Reads a {@code FunctionName} parameter (a name, {@code name:qualifier}, a partial or a full ARN) without
     * looking the function up.
     *
     * @throws io.eventharness.emulator.core.AwsException ValidationException when it is none of these forms
     */
    FunctionRef parse(String functionName);

    /**
     * The ARN a mapping names the function by, when the function (and its version or alias) exists: the function's
     * unqualified ARN for a reference without a qualifier, else that ARN with the qualifier.
     */
    Optional<Arn> resolve(FunctionRef ref);

    /**
     * Invokes the function synchronously, within its concurrency, recorded in the event trail (every invocation of
     * the emulator goes through Lambda's {@code Invoker}). A function error is a result.
     *
     * @param functionArn as {@link #resolve} gave it
     * @param source      the event source's ARN, for the trail
     * @throws io.eventharness.emulator.core.AwsException {@code TooManyRequestsException} (429) when its concurrency is
     *                                                    used up, {@code ResourceNotFoundException} (404) when the
     *                                                    function, version or alias is gone
     */
    InvocationResult invoke(Arn functionArn, String requestId, byte[] payload, String source);

    /**
     * The first of these actions the execution role of the function the ARN names may not perform on the resource
     * (when IAM's policies are enforced); empty when it may perform them all.
     */
    Optional<String> deniedToRole(Arn functionArn, List<String> actions, Arn resource);

    /** The timeout of the function version the ARN names, in seconds; 0 when it is gone. */
    int timeoutSeconds(Arn functionArn);

    /**
     * The execution role of the function version the ARN names (a Kinesis record's {@code invokeIdentityArn}); null
     * when it is gone.
     */
    Arn role(Arn functionArn);

    /** The function's reserved concurrency; empty when it has none (or is gone). */
    OptionalInt reservedConcurrency(Arn functionArn);

    /**
     * Checks tags by Lambda's rules, the same for functions and mappings (keys of 1–128 characters not starting with
     * {@code aws:}, values of up to 256); returns them.
     *
     * @throws io.eventharness.emulator.core.AwsException InvalidParameterValueException naming the bad key
     */
    Map<String, String> checkTags(Map<String, String> tags);
}
