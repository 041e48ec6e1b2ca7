package io.eventharness.emulator.lambda;

import io.eventharness.emulator.protocol.Call;
import software.amazon.awssdk.services.lambda.model.AddPermissionRequest;
import software.amazon.awssdk.services.lambda.model.AddPermissionResponse;
import software.amazon.awssdk.services.lambda.model.GetPolicyRequest;
import software.amazon.awssdk.services.lambda.model.GetPolicyResponse;
import software.amazon.awssdk.services.lambda.model.RemovePermissionRequest;
import software.amazon.awssdk.services.lambda.model.RemovePermissionResponse;

/**
 * The function's resource-based policy ({@link FunctionPolicy}): {@code AddPermission}, {@code RemovePermission},
 * {@code GetPolicy}. The emulator enforces it where AWS does: another service (SNS, S3) may invoke a function only
 * with a statement for its service principal. Differs from AWS: one policy per function, whatever the qualifier
 * (a statement added with a {@code Qualifier} names the version or alias as its {@code Resource}).
 */
public final class PermissionOperations {
    private final LambdaFunctions functions;

    PermissionOperations(LambdaFunctions functions) {
        this.functions = functions;
    }

    public AddPermissionResponse addPermission(AddPermissionRequest r, Call call) {
        FunctionName n = FunctionName.parse(r.functionName(), r.qualifier());
        LambdaFunction fn = functions.require(n.name(), call.region());
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
        String statement = fn.permit(r.statementId(), r.action(), r.principal(), r.sourceArn(), r.sourceAccount(),
                n.qualifier() == null ? fn.arn() : s.qualifiedArn());
        return AddPermissionResponse.builder().statement(statement).build();
    }

    public RemovePermissionResponse removePermission(RemovePermissionRequest r, Call call) {
        functions.require(FunctionName.parse(r.functionName(), r.qualifier()).name(), call.region()).revoke(r.statementId());
        return RemovePermissionResponse.builder().build();
    }

    public GetPolicyResponse getPolicy(GetPolicyRequest r, Call call) {
        LambdaFunction fn = functions.require(FunctionName.parse(r.functionName(), r.qualifier()).name(), call.region());
        String policy = fn.policy().orElseThrow(() -> LambdaErrors.notFound("The resource you requested does not exist."));
        return GetPolicyResponse.builder().policy(policy).revisionId(fn.latest().revisionId()).build();
    }
}
