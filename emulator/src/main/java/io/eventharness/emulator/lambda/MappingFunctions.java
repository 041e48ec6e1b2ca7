package io.eventharness.emulator.lambda;

import io.eventharness.emulator.core.Arn;
import io.eventharness.emulator.lambda.mappings.FunctionRef;
import io.eventharness.emulator.lambda.mappings.MappedFunctions;
import io.eventharness.emulator.lambda.runtime.InvocationResult;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The functions as event source mappings ({@code lambda.mappings}) see them: {@code FunctionName} parsing, lookup,
 * invocation through the {@link Invoker} (trail kind {@value #KIND}), reserved concurrency and tag rules.
 */
final class MappingFunctions implements MappedFunctions {
    /** The trail's kind of an invocation by an event source mapping. */
    static final String KIND = "lambda:EventSourceMapping";

    private final LambdaFunctions functions;
    private final Invoker invoker;
    private final LambdaEnvironment.RolePermissions permissions;

    MappingFunctions(LambdaFunctions functions, Invoker invoker, LambdaEnvironment.RolePermissions permissions) {
        this.functions = functions;
        this.invoker = invoker;
        this.permissions = permissions;
    }

    @Override
    public Optional<String> deniedToRole(Arn functionArn, List<String> actions, Arn resource) {
        FunctionName n = FunctionName.parse(functionArn.toString(), null);
        Optional<Arn> role = functions.find(n.name()).map(fn -> fn.resolve(n.qualifier()).role());
        return role.flatMap(r -> actions.stream().filter(a -> !permissions.allows(r, a, resource.toString())).findFirst());
    }

    @Override
    public FunctionRef parse(String functionName) {
        FunctionName n = FunctionName.parse(functionName, null);
        return new FunctionRef(n.name(), n.qualifier());
    }

    @Override
    public Optional<Arn> resolve(FunctionRef ref) {
        return functions.find(ref.name()).filter(fn -> ref.qualifier() == null || exists(fn, ref.qualifier()))
                .map(fn -> ref.qualifier() == null ? fn.arn() : FunctionName.qualified(fn.arn(), ref.qualifier()));
    }

    private static boolean exists(LambdaFunction fn, String qualifier) {
        try {
            fn.resolve(qualifier);
            return true;
        } catch (RuntimeException notFound) {
            return false;
        }
    }

    @Override
    public InvocationResult invoke(Arn functionArn, String requestId, byte[] payload, String source) {
        FunctionName n = FunctionName.parse(functionArn.toString(), null);
        LambdaFunction fn = functions.find(n.name()).filter(f -> f.arn().equals(FunctionName.arn(functionArn.region(), n.name())))
                .orElseThrow(() -> LambdaErrors.functionNotFound(functionArn));
        return invoker.run(fn, n.qualifier(), requestId, payload, null, source, KIND);
    }

    @Override
    public int timeoutSeconds(Arn functionArn) {
        FunctionName n = FunctionName.parse(functionArn.toString(), null);
        return functions.find(n.name()).map(fn -> {
            try {
                return fn.resolve(n.qualifier()).timeoutSeconds();
            } catch (RuntimeException gone) {
                return 0;
            }
        }).orElse(0);
    }

    @Override
    public Arn role(Arn functionArn) {
        FunctionName n = FunctionName.parse(functionArn.toString(), null);
        return functions.find(n.name()).map(fn -> {
            try {
                return fn.resolve(n.qualifier()).role();
            } catch (RuntimeException gone) {
                return null;
            }
        }).orElse(null);
    }

    @Override
    public OptionalInt reservedConcurrency(Arn functionArn) {
        Integer reserved = functions.find(FunctionName.parse(functionArn.toString(), null).name())
                .map(LambdaFunction::reservedConcurrency).orElse(null);
        return reserved == null ? OptionalInt.empty() : OptionalInt.of(reserved);
    }

    @Override
    public Map<String, String> checkTags(Map<String, String> tags) {
        return TagOperations.validated(tags);
    }
}
