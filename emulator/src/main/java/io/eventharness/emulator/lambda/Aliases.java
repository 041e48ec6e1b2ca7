package io.eventharness.emulator.lambda;

import io.eventharness.emulator.core.Ids;
import io.eventharness.emulator.protocol.Call;
import io.eventharness.emulator.protocol.Shapes;
import java.util.ArrayList;
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

/** Aliases: names for a function version (weighted routing is stored, not applied). */
final class Aliases {
    private static final java.util.regex.Pattern NAME = java.util.regex.Pattern.compile("(?!^[0-9]+$)([a-zA-Z0-9-_]+)");

    private Aliases() {
    }

    static CreateAliasResponse create(LambdaService svc, CreateAliasRequest r, Call call) {
        LambdaFunction fn = svc.function(FunctionName.parse(r.functionName(), null).name(), call);
        if (r.name() == null || !NAME.matcher(r.name()).matches() || r.name().length() > 128) {
            throw LambdaErrors.validation("name", r.name(), "Member must satisfy regular expression pattern: (?!^[0-9]+$)([a-zA-Z0-9-_]+)");
        }
        requireVersion(fn, r.functionVersion());
        AliasConfiguration a = AliasConfiguration.builder().aliasArn(fn.arn + ":" + r.name()).name(r.name())
                .functionVersion(r.functionVersion()).description(r.description() == null ? "" : r.description())
                .routingConfig(r.routingConfig()).revisionId(Ids.uuid()).build();
        synchronized (fn) {
            if (fn.aliases().putIfAbsent(r.name(), a) != null) {
                throw LambdaErrors.conflict("Alias already exists: " + fn.arn + ":" + r.name());
            }
        }
        return Shapes.convert(a, CreateAliasResponse.class);
    }

    static GetAliasResponse get(LambdaService svc, GetAliasRequest r, Call call) {
        LambdaFunction fn = svc.function(FunctionName.parse(r.functionName(), null).name(), call);
        return Shapes.convert(alias(fn, r.name()), GetAliasResponse.class);
    }

    static UpdateAliasResponse update(LambdaService svc, UpdateAliasRequest r, Call call) {
        LambdaFunction fn = svc.function(FunctionName.parse(r.functionName(), null).name(), call);
        AliasConfiguration old = alias(fn, r.name());
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
        synchronized (fn) {
            fn.aliases().put(r.name(), a);
        }
        return Shapes.convert(a, UpdateAliasResponse.class);
    }

    static DeleteAliasResponse delete(LambdaService svc, DeleteAliasRequest r, Call call) {
        LambdaFunction fn = svc.function(FunctionName.parse(r.functionName(), null).name(), call);
        synchronized (fn) {
            fn.aliases().remove(r.name());
        }
        return DeleteAliasResponse.builder().build();
    }

    static ListAliasesResponse list(LambdaService svc, ListAliasesRequest r, Call call) {
        LambdaFunction fn = svc.function(FunctionName.parse(r.functionName(), null).name(), call);
        synchronized (fn) {
            return ListAliasesResponse.builder().aliases(new ArrayList<>(fn.aliases().values().stream()
                    .filter(a -> r.functionVersion() == null || r.functionVersion().equals(a.functionVersion())).toList())).build();
        }
    }

    private static AliasConfiguration alias(LambdaFunction fn, String name) {
        synchronized (fn) {
            AliasConfiguration a = fn.aliases().get(name);
            if (a == null) {
                throw LambdaErrors.notFound("Alias not found: " + fn.arn + ":" + name);
            }
            return a;
        }
    }

    private static void requireVersion(LambdaFunction fn, String version) {
        if (version == null || !fn.hasVersion(version)) {
            throw LambdaErrors.notFound("Function not found: " + fn.arn + ":" + version);
        }
    }
}
