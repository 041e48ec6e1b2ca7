package io.eventharness.emulator.lambda;

import io.eventharness.emulator.core.Ids;
import io.eventharness.emulator.protocol.Call;
import io.eventharness.emulator.protocol.Shapes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.lambda.model.CreateFunctionRequest;
import software.amazon.awssdk.services.lambda.model.CreateFunctionResponse;
import software.amazon.awssdk.services.lambda.model.DeleteFunctionRequest;
import software.amazon.awssdk.services.lambda.model.DeleteFunctionResponse;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.GetFunctionConfigurationRequest;
import software.amazon.awssdk.services.lambda.model.GetFunctionConfigurationResponse;
import software.amazon.awssdk.services.lambda.model.GetFunctionRequest;
import software.amazon.awssdk.services.lambda.model.GetFunctionResponse;
import software.amazon.awssdk.services.lambda.model.LastUpdateStatus;
import software.amazon.awssdk.services.lambda.model.ListFunctionsRequest;
import software.amazon.awssdk.services.lambda.model.ListFunctionsResponse;
import software.amazon.awssdk.services.lambda.model.State;
import software.amazon.awssdk.services.lambda.model.UpdateFunctionCodeRequest;
import software.amazon.awssdk.services.lambda.model.UpdateFunctionCodeResponse;
import software.amazon.awssdk.services.lambda.model.UpdateFunctionConfigurationRequest;
import software.amazon.awssdk.services.lambda.model.UpdateFunctionConfigurationResponse;

/**
 * Functions: create, read, list, update code and configuration, delete (a whole function, or one published
 * version with {@code Qualifier}). A change of {@code $LATEST} retires its running sandboxes through the
 * {@link Invoker} and, once the invocations still running the old code end, deletes that code.
 */
public final class FunctionOperations {
    private final LambdaFunctions functions;
    private final FunctionSettingsFactory settings;
    private final Invoker invoker;

    FunctionOperations(LambdaFunctions functions, FunctionSettingsFactory settings, Invoker invoker) {
        this.functions = functions;
        this.settings = settings;
        this.invoker = invoker;
    }

    public CreateFunctionResponse createFunction(CreateFunctionRequest r, Call call) {
        String name = r.functionName();
        if (name == null) {
            throw LambdaErrors.required("functionName");
        }
        if (!FunctionName.NAME.matcher(name).matches()) {
            throw LambdaErrors.validation("functionName", name, "Member must satisfy regular expression pattern: [a-zA-Z0-9-_]+");
        }
        Map<String, String> tags = TagOperations.validated(r.tags());
        FunctionSettings s = settings.create(r, FunctionName.arn(call.region(), name));
        LambdaFunction fn = new LambdaFunction(s);
        fn.tag(tags);
        if (!functions.add(fn)) {
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

    /**
     * The configuration, tags, reserved concurrency and where to download the code: {@code Code.Location} is
     * {@link LambdaService#CODE_PATH} on the endpoint the client used.
     */
    public GetFunctionResponse getFunction(GetFunctionRequest r, Call call) {
        FunctionName n = FunctionName.parse(r.functionName(), r.qualifier());
        LambdaFunction fn = functions.require(n.name(), call.region());
        FunctionSettings s = fn.resolve(n.qualifier());
        GetFunctionResponse.Builder b = GetFunctionResponse.builder().configuration(s.toConfiguration())
                .code(c -> c.repositoryType("S3").location(call.endpoint() + LambdaService.CODE_PATH + fn.name()
                        + (s.version().equals("$LATEST") ? "" : "/" + s.version())));
        Map<String, String> tags = fn.tags();
        if (!tags.isEmpty()) {
            b.tags(tags);
        }
        Integer reserved = fn.reservedConcurrency();
        if (reserved != null) {
            b.concurrency(c -> c.reservedConcurrentExecutions(reserved));
        }
        return b.build();
    }

    public GetFunctionConfigurationResponse getFunctionConfiguration(GetFunctionConfigurationRequest r, Call call) {
        FunctionName n = FunctionName.parse(r.functionName(), r.qualifier());
        FunctionSettings s = functions.require(n.name(), call.region()).resolve(n.qualifier());
        return Shapes.convert(s.toConfiguration(), GetFunctionConfigurationResponse.class);
    }

    /** {@code $LATEST} of every function, by name; {@code Marker} is the name of the first function of the page. */
    public ListFunctionsResponse listFunctions(ListFunctionsRequest r) {
        int max = r.maxItems() == null ? 50 : r.maxItems();
        if (max < 1 || max > 10_000) {
            throw LambdaErrors.validation("maxItems", max, "Member must have value between 1 and 10000");
        }
        List<LambdaFunction> all = functions.sorted();
        int start = 0;
        if (r.marker() != null) {
            for (int i = 0; i < all.size(); i++) {
                if (all.get(i).name().equals(r.marker())) {
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
            b.nextMarker(all.get(start + max).name());
        }
        return b.build();
    }

    /** New code for {@code $LATEST} ({@code DryRun}: validated and unpacked, then dropped); {@code Publish} makes a version. */
    public UpdateFunctionCodeResponse updateFunctionCode(UpdateFunctionCodeRequest r, Call call) {
        LambdaFunction fn = functions.require(FunctionName.parse(r.functionName(), null).name(), call.region());
        fn.requireRevision(r.revisionId());
        FunctionSettings s = settings.withCode(fn.latest(), r);
        if (Boolean.TRUE.equals(r.dryRun())) {
            s.code().delete();
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
        LambdaFunction fn = functions.require(FunctionName.parse(r.functionName(), null).name(), call.region());
        fn.requireRevision(r.revisionId());
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
        // the old code goes once the invocations still running it end, unless a published version runs it too
        invoker.retireVersion(old.qualifiedArn(), s, () -> {
            if (!fn.usesCode(old.code())) {
                old.code().delete();
            }
        });
    }

    /**
     * Deletes the function; with a {@code Qualifier}, only that published version. Invocations in flight finish,
     * as in AWS; queued asynchronous events and retries are discarded ({@link AsyncInvoker}).
     */
    public DeleteFunctionResponse deleteFunction(DeleteFunctionRequest r, Call call) {
        FunctionName n = FunctionName.parse(r.functionName(), r.qualifier());
        LambdaFunction fn = functions.require(n.name(), call.region());
        if (n.qualifier() != null) {
            deleteVersion(fn, n.qualifier());
        } else {
            functions.remove(fn);
            invoker.retireFunction(fn.arn(), () -> fn.versions().forEach(v -> v.code().delete()));
        }
        return DeleteFunctionResponse.builder().statusCode(204).build();
    }

    /** Only a published version, and only one no alias points to. */
    private void deleteVersion(LambdaFunction fn, String qualifier) {
        if (qualifier.equals("$LATEST")) {
            throw LambdaErrors.invalidParameter("$LATEST version cannot be deleted without deleting the function.");
        }
        if (!qualifier.matches("\\d{1,9}")) {
            throw LambdaErrors.invalidParameter("Deletion of aliases is not currently supported.");
        }
        FunctionSettings gone = fn.deleteVersion(qualifier);
        invoker.retireVersion(gone.qualifiedArn(), null, () -> {
            if (!fn.usesCode(gone.code())) {
                gone.code().delete();
            }
        });
    }
}
