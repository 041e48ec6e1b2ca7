package io.eventharness.emulator.lambda;

import io.eventharness.emulator.core.Arn;
import io.eventharness.emulator.core.AwsException;
import io.eventharness.emulator.core.EmulatorClock;
import io.eventharness.emulator.delivery.Delivery;
import io.eventharness.emulator.faults.ApiFaults;
import io.eventharness.emulator.lambda.mappings.EventSourceMappings;
import io.eventharness.emulator.lambda.runtime.LambdaEngine;
import io.eventharness.emulator.protocol.EmulatedService;
import io.eventharness.emulator.protocol.ServiceSpec;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * AWS Lambda's API, assembled: the functions ({@link LambdaFunctions}), the machinery that runs them
 * ({@link Invoker}, {@link AsyncInvoker}, {@link Concurrency} over the sandbox engine of {@code lambda.runtime}),
 * the event source mappings ({@code lambda.mappings}, given the functions through {@link MappingFunctions}),
 * the operation classes, and the {@code delivery} target through which other services invoke functions
 * ({@code arn:aws:lambda:…}). See {@code package-info.java} for what it serves and how it differs from AWS.
 *
 * <p>The in-JVM API: {@link #deploymentPackage} (the admin route behind {@code Code.Location}), {@link #allows}
 * (whether a function's resource policy lets a service invoke it), {@link #defaultAsyncWorkers()}.
 */
public final class LambdaService implements EmulatedService, AutoCloseable {
    public static final ServiceSpec SPEC = ServiceSpec.restJson("lambda", LambdaClient.class);

    /**
     * Where {@code GetFunction}'s {@code Code.Location} points: {@code <name>} for {@code $LATEST},
     * {@code <name>/<version>} for a published version. AWS gives a presigned S3 URL valid for ten
     * minutes; the emulator serves the zip itself, for as long as the version exists.
     */
    public static final String CODE_PATH = "/_harness/lambda/code/";

    private final LambdaFunctions functions = new LambdaFunctions();
    private final FunctionEngine engine;
    private final AsyncInvoker async;
    private final EventSourceMappings mappings;
    private final List<Object> operations;

    /**
     * Over the sandbox engine of {@code lambda.runtime}.
     *
     * @param asyncWorkers how many asynchronous invocations run at once, across all functions; more wait in the
     *                     queue ({@link #defaultAsyncWorkers()} by default)
     * @param faults       the armed faults of functions, asked before each invocation runs
     */
    public LambdaService(EmulatorClock clock, Delivery delivery, LambdaEngine engine, LambdaEnvironment env, int asyncWorkers,
                         ApiFaults faults) {
        this(clock, delivery, new RunnerCache(engine), env, asyncWorkers, faults);
    }

    /** Over any engine (a test's). */
    LambdaService(EmulatorClock clock, Delivery delivery, FunctionEngine engine, LambdaEnvironment env, int asyncWorkers,
                  ApiFaults faults) {
        this.engine = engine;
        Concurrency concurrency = new Concurrency(Concurrency.DEFAULT_ACCOUNT_LIMIT, functions::reservedTotal);
        Invoker invoker = new Invoker(engine, delivery, env.endpoint(), concurrency, functions, clock.activity(), faults);
        this.async = new AsyncInvoker(clock, delivery, invoker, new Destinations(delivery), functions, asyncWorkers);
        InvokeOperations invocations = new InvokeOperations(clock, delivery, functions, invoker, async);
        this.mappings = new EventSourceMappings(clock, delivery, new MappingFunctions(functions, invoker, env.permissions()), env.queues(),
                env.streams());
        this.operations = List.of(
                new FunctionOperations(functions, new FunctionSettingsFactory(clock, env, engine), invoker),
                new VersionOperations(functions),
                new AliasOperations(functions),
                invocations,
                new PermissionOperations(functions),
                new EventInvokeConfigOperations(clock, functions),
                new ConcurrencyOperations(functions, concurrency),
                new TagOperations(functions, mappings),
                mappings.operations());
        delivery.register("lambda", invocations::deliver);
    }

    @Override
    public ServiceSpec spec() {
        return SPEC;
    }

    @Override
    public List<?> operations() {
        return operations;
    }

    /** Asynchronous invocations that run at once unless configured: {@code max(4, 2 × cores)}. */
    public static int defaultAsyncWorkers() {
        return AsyncInvoker.DEFAULT_WORKERS;
    }

    /**
     * The deployment package of a function version exactly as it was uploaded (what
     * {@code Code.Location} serves); empty when there is no such function or version.
     */
    public Optional<byte[]> deploymentPackage(String name, String version) {
        return functions.find(name).flatMap(fn -> {
            try {
                return Optional.of(fn.resolve(version).code().zipBytes());
            } catch (AwsException | UncheckedIOException gone) {
                return Optional.empty(); // no such version, or deleted meanwhile
            }
        });
    }

    /**
     * The ARN a FunctionName names (a name, a partial or full ARN, with a qualifier in it or given apart), as IAM
     * authorizes calls on it: {@code arn:aws:lambda:<region>:<account>:function:<name>[:<qualifier>]}; empty for a
     * value that is none of these.
     */
    public static Optional<Arn> functionArn(String functionName, String qualifier, String region) {
        try {
            FunctionName n = FunctionName.parse(functionName, qualifier);
            String q = n.qualifier();
            return Optional.of(Arn.of("lambda", region, "function:" + n.name() + (q == null ? "" : ":" + q)));
        } catch (AwsException notAFunctionName) {
            return Optional.empty();
        }
    }

    /** The resource-based policy of the function an ARN names (a qualifier is ignored); empty without one. */
    public Optional<String> functionPolicy(Arn functionArn) {
        try {
            return functions.find(FunctionName.parse(functionArn.toString(), null).name()).flatMap(LambdaFunction::policy);
        } catch (AwsException notAFunctionArn) {
            return Optional.empty();
        }
    }

    /** Whether the function a function ARN names (qualified or not) exists. */
    public boolean functionExists(Arn functionArn) {
        try {
            return functions.find(FunctionName.parse(functionArn.toString(), null).name()).isPresent();
        } catch (AwsException notAFunctionArn) {
            return false;
        }
    }

    /**
     * Whether a function's resource policy lets a service invoke it for that source (what AWS checks when S3 or
     * SNS invokes a function); false when there is no such function.
     *
     * @param functionArn      the function's ARN (a qualifier, if any, is ignored: the policy is the function's)
     * @param servicePrincipal {@code s3.amazonaws.com}, {@code sns.amazonaws.com}, ...
     */
    public boolean allows(String functionArn, String servicePrincipal, String sourceArn) {
        return functions.find(FunctionName.parse(functionArn, null).name()).map(fn -> fn.allows(servicePrincipal, sourceArn))
                .orElse(false);
    }

    @Override
    public void close() {
        mappings.close();
        async.close();
        engine.close();
        functions.clear().forEach(fn -> fn.versions().forEach(v -> v.code().delete()));
    }
}
