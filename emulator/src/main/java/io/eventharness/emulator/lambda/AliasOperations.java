package io.eventharness.emulator.lambda;

import io.eventharness.emulator.core.Ids;
import io.eventharness.emulator.protocol.Call;
import io.eventharness.emulator.protocol.Shapes;
import java.util.ArrayList;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.lambda.model.AliasConfiguration;
import software.amazon.awssdk.services.lambda.model.CreateAliasRequest;
import software.amazon.awssdk.services.lambda.model.CreateAliasResponse;
import software.amazon.awssdk.services.lambda.model.DeleteAliasRequest;
import software.amazon.awssdk.services.lambda.model.DeleteAliasResponse;
import software.amazon.awssdk.services.lambda.model.GetAliasRequest;
import software.amazon.awssdk.services.lambda.model.GetAliasResponse;
import software.amazon.awssdk.services.lambda.model.ListAliasesRequest;
import software.amazon.awssdk.services.lambda.model.ListAliasesResponse;
import software.amazon.awssdk.services.lambda.model.UpdateAliasRequest;
import software.amazon.awssdk.services.lambda.model.UpdateAliasResponse;

/**
 * Aliases: names for a function version, which every operation taking a qualifier resolves. Differs from AWS:
 * a {@code RoutingConfig} (weighted routing to a second version) is stored and returned, not applied — an
 * invocation of the alias always runs its {@code FunctionVersion}.
 */
public final class AliasOperations {
    private static final Pattern NAME = Pattern.compile("(?!^[0-9]+$)([a-zA-Z0-9-_]+)");

    private final LambdaFunctions functions;

    AliasOperations(LambdaFunctions functions) {
        this.functions = functions;
    }

    public CreateAliasResponse createAlias(CreateAliasRequest r, Call call) {
        LambdaFunction fn = function(r.functionName(), call);
        if (r.name() == null || !NAME.matcher(r.name()).matches() || r.name().length() > 128) {
            throw LambdaErrors.validation("name", r.name(), "Member must satisfy regular expression pattern: (?!^[0-9]+$)([a-zA-Z0-9-_]+)");
        }
        requireVersion(fn, r.functionVersion());
        AliasConfiguration a = AliasConfiguration.builder().aliasArn(FunctionName.qualified(fn.arn(), r.name()).toString())
                .name(r.name()).functionVersion(r.functionVersion()).description(r.description() == null ? "" : r.description())
                .routingConfig(r.routingConfig()).revisionId(Ids.uuid()).build();
        fn.addAlias(a);
        return Shapes.convert(a, CreateAliasResponse.class);
    }

    public GetAliasResponse getAlias(GetAliasRequest r, Call call) {
        return Shapes.convert(function(r.functionName(), call).alias(r.name()), GetAliasResponse.class);
    }

    /** Changes the members given; PreconditionFailed when {@code RevisionId} is not the alias's. */
    public UpdateAliasResponse updateAlias(UpdateAliasRequest r, Call call) {
        LambdaFunction fn = function(r.functionName(), call);
        AliasConfiguration old = fn.alias(r.name());
        if (r.revisionId() != null && !r.revisionId().equals(old.revisionId())) {
            throw LambdaErrors.preconditionFailed("The Revision Id provided does not match the latest Revision Id.");
        }
        if (r.functionVersion() != null) {
            requireVersion(fn, r.functionVersion());
        }
        AliasConfiguration a = old.toBuilder()
                .functionVersion(r.functionVersion() != null ? r.functionVersion() : old.functionVersion())
                .description(r.description() != null ? r.description() : old.description())
                .routingConfig(r.routingConfig() != null ? r.routingConfig() : old.routingConfig())
                .revisionId(Ids.uuid()).build();
        fn.replaceAlias(a);
        return Shapes.convert(a, UpdateAliasResponse.class);
    }

    public DeleteAliasResponse deleteAlias(DeleteAliasRequest r, Call call) {
        function(r.functionName(), call).removeAlias(r.name());
        return DeleteAliasResponse.builder().build();
    }

    /** In the order they were created; with {@code FunctionVersion}, those pointing to it. */
    public ListAliasesResponse listAliases(ListAliasesRequest r, Call call) {
        return ListAliasesResponse.builder().aliases(new ArrayList<>(function(r.functionName(), call).aliases(r.functionVersion())))
                .build();
    }

    private LambdaFunction function(String functionName, Call call) {
        return functions.require(FunctionName.parse(functionName, null).name(), call.region());
    }

    private static void requireVersion(LambdaFunction fn, String version) {
        if (version == null || !fn.hasVersion(version)) {
            throw LambdaErrors.functionNotFound(FunctionName.qualified(fn.arn(), String.valueOf(version)));
        }
    }
}
