package io.eventharness.harness;

import io.eventharness.harness.deploy.CodePackage;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What to deploy: code, runtime, handler and configuration. Made with {@link PythonFunction},
 * {@link NodeFunction} or {@link JavaFunction}; defaults follow the seed book's first function (128 MB, 3 s).
 */
public abstract class FunctionSpec<S extends FunctionSpec<S>> {
    String name;
    String runtime;
    String handler;
    int memoryMb = 128;
    Duration timeout = Duration.ofSeconds(3);
    final Map<String, String> environment = new LinkedHashMap<>();
    String deadLetterTargetArn;

    FunctionSpec(String runtime) {
        this.runtime = runtime;
    }

    @SuppressWarnings("unchecked")
    private S self() {
        return (S) this;
    }

    /** The base of the function's name; the harness makes it unique per test. */
    public S named(String base) {
        this.name = base;
        return self();
    }

    public S handler(String handler) {
        this.handler = handler;
        return self();
    }

    public S runtime(String runtime) {
        this.runtime = runtime;
        return self();
    }

    public S memoryMb(int mb) {
        this.memoryMb = mb;
        return self();
    }

    public S timeout(Duration timeout) {
        this.timeout = timeout;
        return self();
    }

    public S env(String name, String value) {
        environment.put(name, value);
        return self();
    }

    /** {@code DeadLetterConfig.TargetArn}: an SQS queue or SNS topic ARN. */
    public S deadLetterTo(String arn) {
        this.deadLetterTargetArn = arn;
        return self();
    }

    /** The deployment package. */
    abstract CodePackage code();

    String baseName() {
        if (name != null) {
            return name;
        }
        if (handler == null) {
            return "fn";
        }
        String h = handler.contains("::") ? handler.substring(0, handler.indexOf("::")) : handler;
        String last = h.substring(h.lastIndexOf('.') + 1);
        return last.isEmpty() ? "fn" : last;
    }

    public String runtimeId() {
        return runtime;
    }

    public String handlerName() {
        return handler;
    }

    public int memory() {
        return memoryMb;
    }

    public Duration timeoutDuration() {
        return timeout;
    }

    public Map<String, String> environment() {
        return environment;
    }
}
