package io.eventharness.emulator.lambda;

import io.eventharness.emulator.protocol.Call;
import software.amazon.awssdk.services.lambda.model.AddPermissionRequest;
import software.amazon.awssdk.services.lambda.model.AddPermissionResponse;
import software.amazon.awssdk.services.lambda.model.GetPolicyRequest;
import software.amazon.awssdk.services.lambda.model.GetPolicyResponse;
import software.amazon.awssdk.services.lambda.model.RemovePermissionRequest;
import software.amazon.awssdk.services.lambda.model.RemovePermissionResponse;

/** The resource-policy operations ({@code AddPermission}, {@code RemovePermission}, {@code GetPolicy}) over {@link FunctionPolicy}. */
final class Permissions {
    private Permissions() {
    }

    static AddPermissionResponse add(LambdaService svc, AddPermissionRequest r, Call call) {
        FunctionName n = FunctionName.parse(r.functionName(), r.qualifier());
        LambdaFunction fn = svc.function(n.name(), call);
        FunctionSettings s = fn.resolve(n.qualifier());
        if (r.statementId() == null || !r.statementId().matches("[a-zA-Z0-9-_.]{1,100}")) {
            throw LambdaErrors.validation("statementId", r.statementId(), "Member must satisfy regular expression pattern: ([a-zA-Z0-9-_.]+)");
        }
        if (r.action() == null || !r.action().matches("(lambda:[*]|lambda:[a-zA-Z]+|[*])")) {
            throw LambdaErrors.validation("action", r.action(), "Member must satisfy regular expression pattern: (lambda:[*]|lambda:[a-zA-Z]+|[*])");
        }
        if (r.principal() == null || r.principal().isEmpty()) {
            throw LambdaErrors.validation("principal", r.principal(), "Member must not be null");
        }
        String resource = n.qualifier() == null ? fn.arn : s.qualifiedArn();
        String statement = fn.policy.add(r.statementId(), r.action(), r.principal(), r.sourceArn(), r.sourceAccount(), resource).toString();
        return AddPermissionResponse.builder().statement(statement).build();
    }

    static RemovePermissionResponse remove(LambdaService svc, RemovePermissionRequest r, Call call) {
        LambdaFunction fn = svc.function(FunctionName.parse(r.functionName(), r.qualifier()).name(), call);
        fn.policy.remove(r.statementId());
        return RemovePermissionResponse.builder().build();
    }

    static GetPolicyResponse get(LambdaService svc, GetPolicyRequest r, Call call) {
        LambdaFunction fn = svc.function(FunctionName.parse(r.functionName(), r.qualifier()).name(), call);
        if (fn.policy.isEmpty()) {
            throw LambdaErrors.notFound("The resource you requested does not exist.");
        }
        return GetPolicyResponse.builder().policy(fn.policy.document()).revisionId(fn.latest().revisionId()).build();
    }
}
