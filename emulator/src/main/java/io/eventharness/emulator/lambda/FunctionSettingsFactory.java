package io.eventharness.emulator.lambda;

import io.eventharness.emulator.core.Arn;
import io.eventharness.emulator.core.EmulatorClock;
import io.eventharness.emulator.core.Ids;
import io.eventharness.emulator.lambda.runtime.UnknownRuntimeException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.lambda.model.CreateFunctionRequest;
import software.amazon.awssdk.services.lambda.model.DeadLetterConfig;
import software.amazon.awssdk.services.lambda.model.Environment;
import software.amazon.awssdk.services.lambda.model.FunctionCode;
import software.amazon.awssdk.services.lambda.model.LastUpdateStatus;
import software.amazon.awssdk.services.lambda.model.Runtime;
import software.amazon.awssdk.services.lambda.model.State;
import software.amazon.awssdk.services.lambda.model.UpdateFunctionCodeRequest;
import software.amazon.awssdk.services.lambda.model.UpdateFunctionConfigurationRequest;

/**
 * Validates {@code CreateFunction} and the update operations as Lambda does, and makes the new
 * {@link FunctionSettings}. A runtime AWS has that the emulator cannot run here (one it does not run, or whose
 * interpreter is not installed) is refused with {@code InvalidParameterValueException} saying why.
 */
final class FunctionSettingsFactory {
    /** The resource of a role ARN, as Lambda's constraint on {@code Role} has it (the slash is optional there). */
    private static final Pattern ROLE_RESOURCE = Pattern.compile("role/?[a-zA-Z_0-9+=,.@\\-_/]+");
    private static final Pattern PARTITION = Pattern.compile("aws[a-zA-Z-]*");
    private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");
    private static final Pattern HANDLER = Pattern.compile("[^\\s]+");
    private static final Pattern ENV_KEY = Pattern.compile("[a-zA-Z]([a-zA-Z0-9_])+");
    /** Runtimes AWS no longer accepts for new functions or updates. */
    private static final Set<String> DEPRECATED = Set.of("python2.7", "python3.6", "python3.7", "python3.8", "java8",
            "nodejs", "nodejs4.3", "nodejs6.10", "nodejs8.10", "nodejs10.x", "nodejs12.x", "nodejs14.x", "nodejs16.x",
            "dotnetcore1.0", "dotnetcore2.0", "dotnetcore2.1", "dotnetcore3.1", "dotnet6", "ruby2.5", "ruby2.7", "go1.x",
            "provided", "nodejs4.3-edge");
    /** Variables Lambda sets itself, which a function may not override. */
    private static final Set<String> RESERVED = Set.of("_HANDLER", "_X_AMZN_TRACE_ID", "AWS_DEFAULT_REGION", "AWS_REGION",
            "AWS_EXECUTION_ENV", "AWS_LAMBDA_FUNCTION_NAME", "AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "AWS_LAMBDA_FUNCTION_VERSION",
            "AWS_LAMBDA_INITIALIZATION_TYPE", "AWS_LAMBDA_LOG_GROUP_NAME", "AWS_LAMBDA_LOG_STREAM_NAME", "AWS_ACCESS_KEY",
            "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_LAMBDA_RUNTIME_API", "LAMBDA_TASK_ROOT",
            "LAMBDA_RUNTIME_DIR");

    private final EmulatorClock clock;
    private final LambdaEnvironment env;
    private final CodeCache code;
    private final FunctionEngine engine;

    /** @param engine asked whether it runs a runtime */
    FunctionSettingsFactory(EmulatorClock clock, LambdaEnvironment env, FunctionEngine engine) {
        this.clock = clock;
        this.env = env;
        this.code = new CodeCache(env.codeRoot());
        this.engine = engine;
    }

    /** The settings of a new function's {@code $LATEST}, {@code Pending}; its code is unpacked last, once the rest is valid. */
    FunctionSettings create(CreateFunctionRequest r, Arn arn) {
        if (r.packageTypeAsString() != null && r.packageTypeAsString().equals("Image")) {
            throw LambdaErrors.invalidParameter("Container image functions are not supported by the emulator; use a .zip package.");
        }
        String runtime = runtime(r.runtimeAsString());
        String handler = handler(r.handler());
        Arn role = role(r.role());
        int memory = memory(r.memorySize() == null ? 128 : r.memorySize());
        int timeout = timeout(r.timeout() == null ? 3 : r.timeout());
        Map<String, String> variables = environment(r.environment());
        Arn dlq = deadLetter(r.deadLetterConfig());
        String description = description(r.description());
        io.eventharness.emulator.lambda.FunctionCode code = code(r.code(), r.functionName()); // last: the others throw before unpacking
        return new FunctionSettings(r.functionName(), arn, "$LATEST", runtime, handler, role, memory, timeout, variables,
                description, dlq, code, clock.now(), Ids.uuid(), State.PENDING, LastUpdateStatus.SUCCESSFUL);
    }

    FunctionSettings withConfiguration(FunctionSettings s, UpdateFunctionConfigurationRequest r) {
        return new FunctionSettings(s.name(), s.arn(), s.version(),
                r.runtimeAsString() != null ? runtime(r.runtimeAsString()) : s.runtime(),
                r.handler() != null ? handler(r.handler()) : s.handler(),
                r.role() != null ? role(r.role()) : s.role(),
                r.memorySize() != null ? memory(r.memorySize()) : s.memoryMb(),
                r.timeout() != null ? timeout(r.timeout()) : s.timeoutSeconds(),
                r.environment() != null ? environment(r.environment()) : s.environment(),
                r.description() != null ? description(r.description()) : s.description(),
                r.deadLetterConfig() != null ? deadLetter(r.deadLetterConfig()) : s.deadLetterTarget(),
                s.code(), clock.now(), Ids.uuid(), State.ACTIVE, LastUpdateStatus.SUCCESSFUL);
    }

    FunctionSettings withCode(FunctionSettings s, UpdateFunctionCodeRequest r) {
        io.eventharness.emulator.lambda.FunctionCode code = code(FunctionCode.builder().zipFile(r.zipFile()).s3Bucket(r.s3Bucket())
                .s3Key(r.s3Key()).s3ObjectVersion(r.s3ObjectVersion()).imageUri(r.imageUri()).build(), s.name());
        return new FunctionSettings(s.name(), s.arn(), s.version(), s.runtime(), s.handler(), s.role(), s.memoryMb(),
                s.timeoutSeconds(), s.environment(), s.description(), s.deadLetterTarget(), code, clock.now(), Ids.uuid(),
                State.ACTIVE, LastUpdateStatus.SUCCESSFUL);
    }

    private String runtime(String value) {
        if (value == null) {
            throw LambdaErrors.invalidParameter("Runtime and Handler are mandatory parameters for functions created with deployment packages.");
        }
        if (DEPRECATED.contains(value)) {
            throw LambdaErrors.invalidParameter("The runtime parameter of " + value + " is no longer supported for creating or updating AWS Lambda functions. We recommend you use a supported runtime while creating or updating functions.");
        }
        if (Runtime.fromValue(value) == Runtime.UNKNOWN_TO_SDK_VERSION) {
            // Lambda checks this itself (a runtime may also be a runtime-version ARN), hence not a ValidationException
            throw LambdaErrors.invalidParameter("Value " + value + " at 'runtime' failed to satisfy constraint: Member must satisfy "
                    + "enum value set: " + Runtime.knownValues() + " or be a valid ARN");
        }
        try {
            engine.requireRuntime(value); // a runtime AWS has that the emulator does not run: refused now, not at invoke
        } catch (UnknownRuntimeException e) {
            throw LambdaErrors.invalidParameter(e.getMessage());
        }
        return value;
    }

    private static String handler(String value) {
        if (value == null) {
            throw LambdaErrors.invalidParameter("Runtime and Handler are mandatory parameters for functions created with deployment packages.");
        }
        if (value.length() > 128 || !HANDLER.matcher(value).matches()) {
            throw LambdaErrors.validation("handler", value, "Member must satisfy regular expression pattern: [^\\s]+");
        }
        return value;
    }

    private Arn role(String value) {
        if (value == null) {
            throw LambdaErrors.required("role");
        }
        Arn role = Arn.tryParse(value).filter(a -> a.service().equals("iam") && a.region().isEmpty()
                        && PARTITION.matcher(a.partition()).matches() && ACCOUNT.matcher(a.account()).matches()
                        && ROLE_RESOURCE.matcher(a.resource()).matches())
                .orElseThrow(() -> LambdaErrors.validation("role", value, "Member must satisfy regular expression pattern: "
                        + "arn:(aws[a-zA-Z-]*)?:iam::\\d{12}:role/?[a-zA-Z_0-9+=,.@\\-_/]+"));
        if (!env.roleExists().test(role)) {
            throw LambdaErrors.invalidParameter("The role defined for the function cannot be assumed by Lambda.");
        }
        return role;
    }

    private static String description(String value) {
        if (value != null && value.length() > 256) {
            throw LambdaErrors.validation("description", value, "Member must have length less than or equal to 256");
        }
        return value;
    }

    private static int memory(int mb) {
        if (mb < 128) {
            throw LambdaErrors.validation("memorySize", mb, "Member must have value greater than or equal to 128");
        }
        if (mb > 10240) {
            throw LambdaErrors.validation("memorySize", mb, "Member must have value less than or equal to 10240");
        }
        return mb;
    }

    private static int timeout(int s) {
        if (s < 1) {
            throw LambdaErrors.validation("timeout", s, "Member must have value greater than or equal to 1");
        }
        if (s > 900) {
            throw LambdaErrors.validation("timeout", s, "Member must have value less than or equal to 900");
        }
        return s;
    }

    private static Map<String, String> environment(Environment e) {
        Map<String, String> vars = e == null || e.variables() == null ? Map.of() : e.variables();
        int size = 0;
        for (Map.Entry<String, String> v : vars.entrySet()) {
            if (!ENV_KEY.matcher(v.getKey()).matches()) {
                throw LambdaErrors.validation("environment.variables", "[" + v.getKey() + "]",
                        "Map keys must satisfy constraint: [Member must satisfy regular expression pattern: [a-zA-Z]([a-zA-Z0-9_])+]");
            }
            if (RESERVED.contains(v.getKey())) {
                throw LambdaErrors.invalidParameter("Lambda was unable to configure your environment variables because the environment variables you have provided contains reserved keys that are currently not supported for modification. Reserved keys used in this request: " + v.getKey());
            }
            size += v.getKey().getBytes(StandardCharsets.UTF_8).length + (v.getValue() == null ? 0 : v.getValue().getBytes(StandardCharsets.UTF_8).length);
        }
        if (size > 4096) {
            throw LambdaErrors.invalidParameter("Lambda was unable to configure your environment variables because the environment variables you have provided exceeded the 4KB limit. String measured: " + size);
        }
        return new LinkedHashMap<>(vars);
    }

    /** An SQS queue or SNS topic ARN; null for none (an empty {@code TargetArn} removes the dead-letter queue). */
    private static Arn deadLetter(DeadLetterConfig c) {
        if (c == null || c.targetArn() == null || c.targetArn().isEmpty()) {
            return null;
        }
        return Arn.tryParse(c.targetArn()).filter(a -> a.partition().equals("aws") && Set.of("sqs", "sns").contains(a.service()))
                .orElseThrow(() -> LambdaErrors.invalidParameter("The provided target arn " + c.targetArn()
                        + " is invalid: a dead-letter target must be an SQS queue or an SNS topic."));
    }

    private io.eventharness.emulator.lambda.FunctionCode code(FunctionCode c, String functionName) {
        if (c == null) {
            throw LambdaErrors.required("code");
        }
        if (c.imageUri() != null) {
            throw LambdaErrors.invalidParameter("Container image functions are not supported by the emulator; use a .zip package.");
        }
        if (c.zipFile() != null) {
            byte[] zip = c.zipFile().asByteArrayUnsafe();
            if (zip.length > io.eventharness.emulator.lambda.FunctionCode.MAX_ZIPPED) {
                throw LambdaErrors.tooLarge(io.eventharness.emulator.lambda.FunctionCode.MAX_ZIPPED, "CreateFunction");
            }
            return code.acquire(zip, null, functionName);
        }
        if (c.s3Bucket() != null && c.s3Key() != null) {
            // no 50 MB limit from S3: only the 250 MB unzipped, checked while unpacking
            LambdaEnvironment.StoredCode stored = env.s3().get(c.s3Bucket(), c.s3Key(), c.s3ObjectVersion());
            if (stored == null) {
                throw LambdaErrors.invalidParameter("Error occurred while GetObject. S3 Error Code: NoSuchKey. S3 Error Message: The specified key does not exist.");
            }
            return code.acquire(stored.zip(), stored.sha256(), functionName);
        }
        throw LambdaErrors.invalidParameter("Please provide a source for function code.");
    }
}
