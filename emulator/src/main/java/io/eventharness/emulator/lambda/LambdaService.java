package io.eventharness.emulator.lambda;

import io.eventharness.emulator.core.Account;
import io.eventharness.emulator.core.Arn;
import io.eventharness.emulator.core.AwsException;
import io.eventharness.emulator.core.EmulatorClock;
import io.eventharness.emulator.core.Ids;
import io.eventharness.emulator.delivery.Delivery;
import io.eventharness.emulator.delivery.Message;
import io.eventharness.emulator.lambda.runtime.InvocationResult;
import io.eventharness.emulator.protocol.Call;
import io.eventharness.emulator.protocol.Shapes;
import io.eventharness.emulator.protocol.EmulatedService;
import io.eventharness.emulator.protocol.ServiceSpec;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.*;

/**
 * AWS Lambda's API (restJson1): functions, versions and aliases, permissions, asynchronous-invocation
 * settings, reserved concurrency, and Invoke — synchronous, asynchronous ({@code Event}) and
 * {@code DryRun}. Functions run in sandbox processes through the {@link FunctionEngine}. Other services
 * invoke functions asynchronously through {@link Delivery} ({@code arn:aws:lambda:…}), subject to the
 * function's resource policy as in AWS.
 */
public final class LambdaService implements EmulatedService, AutoCloseable {
    public static final ServiceSpec SPEC = ServiceSpec.restJson("lambda", LambdaClient.class);

    @Override
    public ServiceSpec spec() {
        return SPEC;
    }

    @Override
    public List<?> operations() {
        return List.of(this);
    }

    /**
     * Where {@code GetFunction}'s {@code Code.Location} points: {@code <name>} for {@code $LATEST},
     * {@code <name>/<version>} for a published version. AWS gives a presigned S3 URL valid for ten
     * minutes; the emulator serves the zip itself, for as long as the version exists.
     */
    public static final String CODE_PATH = "/_harness/lambda/code/";
    static final int MAX_SYNC_PAYLOAD = 6 * 1024 * 1024;
    static final int MAX_ASYNC_PAYLOAD = 1024 * 1024;

    private final EmulatorClock clock;
    private final Delivery delivery;
    private final LambdaEnvironment env;
    private final Map<String, LambdaFunction> functions = new ConcurrentHashMap<>();
    private final FunctionEngine engine;
    private final Concurrency concurrency;
    private final Invoker invoker;
    private final AsyncInvoker async;
    private final FunctionSettingsFactory settings;

    /** Over the sandbox engine of {@code lambda.runtime}, with the default number of async workers. */
    public LambdaService(EmulatorClock clock, Delivery delivery, io.eventharness.emulator.lambda.runtime.LambdaEngine engine,
                         LambdaEnvironment env) {
        this(clock, delivery, new RunnerCache(engine), env, defaultAsyncWorkers());
    }

    /**
     * Over the sandbox engine of {@code lambda.runtime}.
     *
     * @param asyncWorkers how many asynchronous invocations run at once, across all functions; more wait in the
     *                     queue ({@link #defaultAsyncWorkers()} by default)
     */
    public LambdaService(EmulatorClock clock, Delivery delivery, io.eventharness.emulator.lambda.runtime.LambdaEngine engine,
                         LambdaEnvironment env, int asyncWorkers) {
        this(clock, delivery, new RunnerCache(engine), env, asyncWorkers);
    }

    public LambdaService(EmulatorClock clock, Delivery delivery, FunctionEngine engine, LambdaEnvironment env, int asyncWorkers) {
        this.clock = clock;
        this.delivery = delivery;
        this.env = env;
        this.engine = engine;
        this.concurrency = new Concurrency(Concurrency.DEFAULT_ACCOUNT_LIMIT, this::reservedTotal);
        this.invoker = new Invoker(engine, delivery, env.endpoint(), concurrency, functions::get);
        this.async = new AsyncInvoker(clock, delivery, invoker, new Destinations(delivery), functions::get, asyncWorkers);
        this.settings = new FunctionSettingsFactory(clock, env);
        delivery.register("lambda", this::deliver);
    }

    /** Asynchronous invocations that run at once unless configured: {@code max(4, 2 × cores)}. */
    public static int defaultAsyncWorkers() {
        return AsyncInvoker.DEFAULT_WORKERS;
    }

    // ---- functions ----------------------------------------------------------------------------

    public CreateFunctionResponse createFunction(CreateFunctionRequest r, Call call) {
        String name = r.functionName();
        if (name == null) {
            throw LambdaErrors.required("functionName");
        }
        if (!FunctionName.NAME.matcher(name).matches()) {
            throw LambdaErrors.validation("functionName", name, "Member must satisfy regular expression pattern: [a-zA-Z0-9-_]+");
        }
        String arn = Account.arn("lambda", call.region(), "function:" + name);
        Map<String, String> tags = FunctionTags.validated(r.tags());
        FunctionSettings s = settings.create(r, arn, call.region());
        LambdaFunction fn = new LambdaFunction(s);
        fn.tag(tags);
        if (functions.putIfAbsent(name, fn) != null) {
            s.code().delete();
            throw LambdaErrors.conflict("Function already exist: " + name);
        }
        CreateFunctionResponse out = Shapes.convert(s.toConfiguration(), CreateFunctionResponse.class);
        // AWS answers Pending and turns Active shortly after; here "shortly" is before the next call
        fn.replaceLatest(s.with(State.ACTIVE, LastUpdateStatus.SUCCESSFUL));
        if (Boolean.TRUE.equals(r.publish())) {
            fn.publish(Ids.uuid());
        }
        invoker.prepare(fn.latest()); // AWS provisions execution environments ahead of the first invocation
        return out;
    }

    public GetFunctionResponse getFunction(GetFunctionRequest r, Call call) {
        FunctionName n = FunctionName.parse(r.functionName(), r.qualifier());
        LambdaFunction fn = function(n.name(), call);
        FunctionSettings s = fn.resolve(n.qualifier());
        GetFunctionResponse.Builder b = GetFunctionResponse.builder().configuration(s.toConfiguration())
                .code(c -> c.repositoryType("S3").location(call.endpoint() + CODE_PATH + fn.name
                        + (s.version().equals("$LATEST") ? "" : "/" + s.version())));
        Map<String, String> tags = fn.tags();
        if (!tags.isEmpty()) {
            b.tags(tags);
        }
        if (fn.reservedConcurrency() != null) {
            b.concurrency(c -> c.reservedConcurrentExecutions(fn.reservedConcurrency()));
        }
        return b.build();
    }

    public GetFunctionConfigurationResponse getFunctionConfiguration(GetFunctionConfigurationRequest r, Call call) {
        FunctionName n = FunctionName.parse(r.functionName(), r.qualifier());
        return Shapes.convert(function(n.name(), call).resolve(n.qualifier()).toConfiguration(), GetFunctionConfigurationResponse.class);
    }

    public ListFunctionsResponse listFunctions(ListFunctionsRequest r) {
        int max = r.maxItems() == null ? 50 : r.maxItems();
        if (max < 1 || max > 10_000) {
            throw LambdaErrors.validation("maxItems", max, "Member must have value between 1 and 10000");
        }
        List<LambdaFunction> all = functions.values().stream().sorted(Comparator.comparing(f -> f.name)).toList();
        int start = 0;
        if (r.marker() != null) {
            for (int i = 0; i < all.size(); i++) {
                if (all.get(i).name.equals(r.marker())) {
                    start = i;
                }
            }
        }
        List<FunctionConfiguration> page = new ArrayList<>();
        for (int i = start; i < Math.min(all.size(), start + max); i++) {
            page.add(all.get(i).latest().toConfiguration());
        }
        ListFunctionsResponse.Builder b = ListFunctionsResponse.builder().functions(page);
        if (start + max < all.size()) {
            b.nextMarker(all.get(start + max).name);
        }
        return b.build();
    }

    public UpdateFunctionCodeResponse updateFunctionCode(UpdateFunctionCodeRequest r, Call call) {
        LambdaFunction fn = function(FunctionName.parse(r.functionName(), null).name(), call);
        checkRevision(fn, r.revisionId());
        FunctionSettings s = settings.withCode(fn.latest(), r);
        if (Boolean.TRUE.equals(r.dryRun())) {
            s.code().delete(); // validated, not applied
            return Shapes.convert(s.toConfiguration(), UpdateFunctionCodeResponse.class);
        }
        swapLatest(fn, s);
        if (Boolean.TRUE.equals(r.publish())) {
            fn.publish(Ids.uuid());
        }
        invoker.prepare(s);
        return Shapes.convert(s.with(State.ACTIVE, LastUpdateStatus.IN_PROGRESS).toConfiguration(), UpdateFunctionCodeResponse.class);
    }

    public UpdateFunctionConfigurationResponse updateFunctionConfiguration(UpdateFunctionConfigurationRequest r, Call call) {
        LambdaFunction fn = function(FunctionName.parse(r.functionName(), null).name(), call);
        checkRevision(fn, r.revisionId());
        FunctionSettings s = settings.withConfiguration(fn.latest(), r);
        swapLatest(fn, s);
        invoker.prepare(s);
        return Shapes.convert(s.with(State.ACTIVE, LastUpdateStatus.IN_PROGRESS).toConfiguration(),
                UpdateFunctionConfigurationResponse.class);
    }

    /**
     * A new {@code $LATEST}: its running sandboxes retire, as AWS starts new execution environments; those of
     * published versions, which did not change, stay.
     */
    private void swapLatest(LambdaFunction fn, FunctionSettings s) {
        FunctionSettings old = fn.latest();
        fn.replaceLatest(s);
        // the old code goes once the invocations still running it end
        invoker.retireVersion(old.qualifiedArn(), s, () -> {
            if (old.code() != s.code() && fn.versions().stream().noneMatch(v -> v.code() == old.code())) {
                old.code().delete();
            }
        });
    }

    public DeleteFunctionResponse deleteFunction(DeleteFunctionRequest r, Call call) {
        FunctionName n = FunctionName.parse(r.functionName(), r.qualifier());
        LambdaFunction fn = function(n.name(), call);
        if (n.qualifier() != null) {
            deleteVersion(fn, n.qualifier());
            return DeleteFunctionResponse.builder().statusCode(204).build();
        }
        functions.remove(fn.name, fn);
        // AWS lets invocations in flight finish; queued asynchronous events and retries are discarded (AsyncInvoker)
        invoker.retireFunction(fn.arn, () -> fn.versions().forEach(v -> v.code().delete()));
        return DeleteFunctionResponse.builder().statusCode(204).build();
    }

    /** {@code DeleteFunction} with a {@code Qualifier}: only a published version, and only one no alias points to. */
    private void deleteVersion(LambdaFunction fn, String qualifier) {
        if (qualifier.equals("$LATEST")) {
            throw LambdaErrors.invalidParameter("$LATEST version cannot be deleted without deleting the function.");
        }
        if (!qualifier.matches("\\d{1,9}")) {
            throw LambdaErrors.invalidParameter("Deletion of aliases is not currently supported.");
        }
        FunctionSettings gone = fn.deleteVersion(qualifier);
        invoker.retireVersion(gone.qualifiedArn(), null, () -> {
            if (fn.versions().stream().noneMatch(v -> v.code() == gone.code())) {
                gone.code().delete();
            }
        });
    }

    private void checkRevision(LambdaFunction fn, String revision) {
        if (revision != null && !revision.equals(fn.latest().revisionId())) {
            throw LambdaErrors.preconditionFailed("The Revision Id provided does not match the latest Revision Id. Call the GetFunction/GetAlias API to retrieve the latest Revision Id");
        }
    }

    /**
     * The deployment package of a function version exactly as it was uploaded (what
     * {@code Code.Location} serves); empty when there is no such function or version.
     */
    public Optional<byte[]> deploymentPackage(String name, String version) {
        LambdaFunction fn = functions.get(name);
        if (fn == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(fn.resolve(version).code().zipBytes());
        } catch (AwsException | java.io.UncheckedIOException gone) {
            return Optional.empty(); // no such version, or deleted meanwhile
        }
    }

    // ---- invoke -------------------------------------------------------------------------------

    public InvokeResponse invoke(InvokeRequest r, Call call) {
        FunctionName n = FunctionName.parse(r.functionName(), r.qualifier());
        LambdaFunction fn = function(n.name(), call);
        FunctionSettings s = fn.resolve(n.qualifier());
        byte[] payload = r.payload() == null ? new byte[0] : r.payload().asByteArrayUnsafe();
        InvocationType type = r.invocationType() == null ? InvocationType.REQUEST_RESPONSE : r.invocationType();
        if (type == InvocationType.UNKNOWN_TO_SDK_VERSION) {
            throw LambdaErrors.validation("invocationType", r.invocationTypeAsString(),
                    "Member must satisfy enum value set: [Event, RequestResponse, DryRun]");
        }
        if (r.logType() == LogType.UNKNOWN_TO_SDK_VERSION) {
            throw LambdaErrors.validation("logType", r.logTypeAsString(), "Member must satisfy enum value set: [Tail, None]");
        }
        int limit = type == InvocationType.EVENT ? MAX_ASYNC_PAYLOAD : MAX_SYNC_PAYLOAD;
        if (payload.length > limit) {
            throw LambdaErrors.tooLarge(limit, type == InvocationType.EVENT ? "InvokeAsync" : "Invoke");
        }
        payload = Payloads.requireJson(payload);
        switch (type) {
            case DRY_RUN:
                return InvokeResponse.builder().statusCode(204).build();
            case EVENT:
                async.submit(new AsyncEvent(fn, n.qualifier(), call.requestId(), payload, "Invoke API", clock.millis()));
                return InvokeResponse.builder().statusCode(202).build();
            default:
                InvocationResult res = invoker.run(fn, n.qualifier(), call.requestId(), payload,
                        decodeClientContext(r.clientContext()), "Invoke API", "lambda:Invoke");
                InvokeResponse.Builder b = InvokeResponse.builder().statusCode(200)
                        .executedVersion(res.executedVersion() != null ? res.executedVersion() : s.version())
                        .payload(SdkBytes.fromByteArrayUnsafe(res.payload()))
                        .functionError(res.functionError());
                if (r.logType() == LogType.TAIL) {
                    b.logResult(res.logResult());
                }
                return b.build();
        }
    }

    private static String decodeClientContext(String base64) {
        if (base64 == null) {
            return null;
        }
        try {
            return new String(java.util.Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw LambdaErrors.invalidRequestContent("Client context must be a valid Base64-encoded JSON object.");
        }
    }

    /**
     * Another service invokes a function asynchronously (SNS, S3, a destination): allowed when the
     * function's resource policy lets the source's service principal invoke it, as in AWS.
     */
    private void deliver(String sourceArn, String targetArn, Message m) {
        FunctionName n = FunctionName.parse(targetArn, null);
        LambdaFunction fn = functions.get(n.name());
        if (fn == null) {
            throw LambdaErrors.functionNotFound(targetArn);
        }
        String principal = servicePrincipal(sourceArn);
        if (principal != null && !fn.policy.allows(principal, sourceArn)) {
            throw AwsException.of(403, "AccessDeniedException", "The resource policy of " + fn.arn + " does not allow "
                    + principal + " to invoke it for " + sourceArn + " (add it with AddPermission)");
        }
        async.submit(new AsyncEvent(fn, n.qualifier(), Ids.uuid(), m.body().getBytes(StandardCharsets.UTF_8),
                sourceArn, clock.millis()));
    }

    /** {@code sns.amazonaws.com} for a topic ARN; null for a Lambda source (destinations need no resource policy). */
    private static String servicePrincipal(String sourceArn) {
        String service = Arn.serviceOf(sourceArn);
        return service.isEmpty() || service.equals("lambda") ? null : service + ".amazonaws.com";
    }

    // ---- permissions ----------------------------------------------------------------------------

    public AddPermissionResponse addPermission(AddPermissionRequest r, Call call) {
        return Permissions.add(this, r, call);
    }

    public RemovePermissionResponse removePermission(RemovePermissionRequest r, Call call) {
        return Permissions.remove(this, r, call);
    }

    public GetPolicyResponse getPolicy(GetPolicyRequest r, Call call) {
        return Permissions.get(this, r, call);
    }

    /** Whether a service may invoke the function for that source (S3 notifications check this). */
    public boolean allows(String functionArn, String servicePrincipal, String sourceArn) {
        LambdaFunction fn = functions.get(FunctionName.parse(functionArn, null).name());
        return fn != null && fn.policy.allows(servicePrincipal, sourceArn);
    }

    // ---- asynchronous invocation settings -------------------------------------------------------

    public PutFunctionEventInvokeConfigResponse putFunctionEventInvokeConfig(PutFunctionEventInvokeConfigRequest r, Call call) {
        return EventInvokeConfigs.put(this, r, call);
    }

    public UpdateFunctionEventInvokeConfigResponse updateFunctionEventInvokeConfig(UpdateFunctionEventInvokeConfigRequest r, Call call) {
        return EventInvokeConfigs.update(this, r, call);
    }

    public GetFunctionEventInvokeConfigResponse getFunctionEventInvokeConfig(GetFunctionEventInvokeConfigRequest r, Call call) {
        return EventInvokeConfigs.get(this, r, call);
    }

    public DeleteFunctionEventInvokeConfigResponse deleteFunctionEventInvokeConfig(DeleteFunctionEventInvokeConfigRequest r, Call call) {
        return EventInvokeConfigs.delete(this, r, call);
    }

    // ---- tags -----------------------------------------------------------------------------------

    public TagResourceResponse tagResource(TagResourceRequest r, Call call) {
        return FunctionTags.tag(this, r, call);
    }

    public UntagResourceResponse untagResource(UntagResourceRequest r, Call call) {
        return FunctionTags.untag(this, r, call);
    }

    public ListTagsResponse listTags(ListTagsRequest r, Call call) {
        return FunctionTags.list(this, r, call);
    }

    // ---- concurrency ----------------------------------------------------------------------------

    public PutFunctionConcurrencyResponse putFunctionConcurrency(PutFunctionConcurrencyRequest r, Call call) {
        LambdaFunction fn = function(FunctionName.parse(r.functionName(), null).name(), call);
        Integer n = r.reservedConcurrentExecutions();
        if (n == null || n < 0) {
            throw LambdaErrors.validation("reservedConcurrentExecutions", n, "Member must have value greater than or equal to 0");
        }
        concurrency.reserve(fn, n);
        return PutFunctionConcurrencyResponse.builder().reservedConcurrentExecutions(n).build();
    }

    public GetFunctionConcurrencyResponse getFunctionConcurrency(GetFunctionConcurrencyRequest r, Call call) {
        LambdaFunction fn = function(FunctionName.parse(r.functionName(), null).name(), call);
        return GetFunctionConcurrencyResponse.builder().reservedConcurrentExecutions(fn.reservedConcurrency()).build();
    }

    public DeleteFunctionConcurrencyResponse deleteFunctionConcurrency(DeleteFunctionConcurrencyRequest r, Call call) {
        function(FunctionName.parse(r.functionName(), null).name(), call).reservedConcurrency(null);
        return DeleteFunctionConcurrencyResponse.builder().build();
    }

    // ---- versions and aliases -------------------------------------------------------------------

    public PublishVersionResponse publishVersion(PublishVersionRequest r, Call call) {
        LambdaFunction fn = function(FunctionName.parse(r.functionName(), null).name(), call);
        if (r.codeSha256() != null && !r.codeSha256().equals(fn.latest().code().sha256)) {
            throw LambdaErrors.invalidParameter("CodeSHA256 (" + r.codeSha256() + ") is different from current CodeSHA256 in $LATEST ("
                    + fn.latest().code().sha256 + "). Please try again with the CodeSHA256 in $LATEST.");
        }
        checkRevision(fn, r.revisionId());
        return Shapes.convert(fn.publish(Ids.uuid()).toConfiguration(), PublishVersionResponse.class);
    }

    public ListVersionsByFunctionResponse listVersionsByFunction(ListVersionsByFunctionRequest r, Call call) {
        LambdaFunction fn = function(FunctionName.parse(r.functionName(), null).name(), call);
        return ListVersionsByFunctionResponse.builder()
                .versions(fn.versions().stream().map(FunctionSettings::toConfiguration).toList()).build();
    }

    public CreateAliasResponse createAlias(CreateAliasRequest r, Call call) {
        return Aliases.create(this, r, call);
    }

    public GetAliasResponse getAlias(GetAliasRequest r, Call call) {
        return Aliases.get(this, r, call);
    }

    public UpdateAliasResponse updateAlias(UpdateAliasRequest r, Call call) {
        return Aliases.update(this, r, call);
    }

    public DeleteAliasResponse deleteAlias(DeleteAliasRequest r, Call call) {
        return Aliases.delete(this, r, call);
    }

    public ListAliasesResponse listAliases(ListAliasesRequest r, Call call) {
        return Aliases.list(this, r, call);
    }

    public GetAccountSettingsResponse getAccountSettings(GetAccountSettingsRequest r) {
        return GetAccountSettingsResponse.builder()
                .accountLimit(l -> l.concurrentExecutions(concurrency.accountLimit()).unreservedConcurrentExecutions(concurrency.unreserved())
                        .codeSizeZipped(FunctionCode.MAX_ZIPPED).codeSizeUnzipped(FunctionCode.MAX_UNZIPPED).totalCodeSize(80_530_636_800L))
                .accountUsage(u -> u.functionCount((long) functions.size())).build();
    }

    /** The sum of the functions' reserved concurrency. */
    private int reservedTotal() {
        return functions.values().stream().map(LambdaFunction::reservedConcurrency).filter(java.util.Objects::nonNull)
                .mapToInt(Integer::intValue).sum();
    }

    // ---- shared ---------------------------------------------------------------------------------

    LambdaFunction function(String name, Call call) {
        LambdaFunction fn = functions.get(name);
        if (fn == null) {
            throw LambdaErrors.functionNotFound(Account.arn("lambda", call.region(), "function:" + name));
        }
        return fn;
    }

    /** The emulated time. */
    Instant now() {
        return clock.now();
    }

    /** Names of existing functions, for in-JVM callers (event sources). */
    public Set<String> functionNames() {
        return functions.keySet();
    }

    @Override
    public void close() {
        async.close();
        engine.close();
        functions.values().forEach(fn -> fn.versions().forEach(v -> v.code().delete()));
        functions.clear();
    }
}
