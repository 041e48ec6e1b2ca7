package io.eventharness.emulator.lambda.runtime;

import io.eventharness.emulator.core.Account;
import io.eventharness.emulator.core.Arn;
import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a sandbox needs to know about one function version: the parts of {@code CreateFunction} that
 * shape how the function runs. The code directory is the unpacked deployment package (the task
 * root, {@code /var/task} in AWS).
 *
 * <pre>{@code
 * FunctionConfig config = FunctionConfig.builder("HelloLambda")
 *         .runtime("python3.12")
 *         .handler("lambda_function.myfunc01_handler")
 *         .codeDirectory(unzipped)
 *         .endpointUrl(emulator.endpoint())
 *         .build();
 * }</pre>
 *
 * @param functionName  the function's name
 * @param functionArn   the unqualified ARN ({@code arn:aws:lambda:<region>:<account>:function:<name>})
 * @param version       {@code $LATEST} or a published version number
 * @param runtime       a runtime id such as {@code java17}, {@code python3.12}, {@code provided.al2023}
 * @param handler       {@code module.function} (Python), {@code pkg.Class::method} (Java), free text (provided)
 * @param codeDirectory the task root
 * @param memoryMb      128 to 10240
 * @param timeoutSeconds 1 to 900
 * @param environment   the function's own variables
 * @param roleArn       the execution role (not enforced)
 * @param logGroup      the CloudWatch Logs group ({@code /aws/lambda/<name>} by default)
 * @param region        the region the function runs in
 * @param endpointUrl   the emulator, given to the function as {@code AWS_ENDPOINT_URL}; may be null
 */
public record FunctionConfig(String functionName, String functionArn, String version, String runtime, String handler,
        Path codeDirectory, int memoryMb, int timeoutSeconds, Map<String, String> environment, String roleArn,
        String logGroup, String region, URI endpointUrl) {

    public FunctionConfig {
        Objects.requireNonNull(functionName, "functionName");
        Objects.requireNonNull(functionArn, "functionArn");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(runtime, "runtime");
        Objects.requireNonNull(handler, "handler");
        Objects.requireNonNull(codeDirectory, "codeDirectory");
        Objects.requireNonNull(logGroup, "logGroup");
        Objects.requireNonNull(region, "region");
        if (memoryMb < 128 || memoryMb > 10240) {
            throw new IllegalArgumentException("memoryMb must be within 128..10240: " + memoryMb);
        }
        if (timeoutSeconds < 1 || timeoutSeconds > 900) {
            throw new IllegalArgumentException("timeoutSeconds must be within 1..900: " + timeoutSeconds);
        }
        environment = Map.copyOf(environment == null ? Map.of() : environment);
        codeDirectory = codeDirectory.toAbsolutePath().normalize();
    }

    /** The ARN with the version: {@code ...:function:<name>:$LATEST}. */
    public String qualifiedArn() {
        return functionArn + ":" + version;
    }

    public static Builder builder(String functionName) {
        return new Builder(functionName);
    }

    /** A builder with AWS's defaults: {@code $LATEST}, 128 MB, 3 seconds, {@code /aws/lambda/<name>}. */
    public static final class Builder {
        private final String functionName;
        private String functionArn;
        private String version = "$LATEST";
        private String runtime;
        private String handler;
        private Path codeDirectory;
        private int memoryMb = 128;
        private int timeoutSeconds = 3;
        private final Map<String, String> environment = new LinkedHashMap<>();
        private String roleArn = Arn.global("iam", "role/lambda-role").toString();
        private String logGroup;
        private String region = Account.DEFAULT_REGION;
        private URI endpointUrl;

        private Builder(String functionName) {
            this.functionName = Objects.requireNonNull(functionName, "functionName");
        }

        public Builder functionArn(String arn) {
            this.functionArn = arn;
            return this;
        }

        public Builder version(String version) {
            this.version = version;
            return this;
        }

        public Builder runtime(String runtime) {
            this.runtime = runtime;
            return this;
        }

        public Builder handler(String handler) {
            this.handler = handler;
            return this;
        }

        public Builder codeDirectory(Path dir) {
            this.codeDirectory = dir;
            return this;
        }

        public Builder memoryMb(int mb) {
            this.memoryMb = mb;
            return this;
        }

        public Builder timeoutSeconds(int seconds) {
            this.timeoutSeconds = seconds;
            return this;
        }

        public Builder environment(Map<String, String> variables) {
            environment.putAll(variables);
            return this;
        }

        public Builder environment(String name, String value) {
            environment.put(name, value);
            return this;
        }

        public Builder roleArn(String arn) {
            this.roleArn = arn;
            return this;
        }

        public Builder logGroup(String group) {
            this.logGroup = group;
            return this;
        }

        public Builder region(String region) {
            this.region = region;
            return this;
        }

        public Builder endpointUrl(URI endpoint) {
            this.endpointUrl = endpoint;
            return this;
        }

        public FunctionConfig build() {
            String arn = functionArn != null ? functionArn : Arn.of("lambda", region, "function:" + functionName).toString();
            String group = logGroup != null ? logGroup : "/aws/lambda/" + functionName;
            return new FunctionConfig(functionName, arn, version, runtime, handler, codeDirectory, memoryMb,
                    timeoutSeconds, environment, roleArn, group, region, endpointUrl);
        }
    }
}
