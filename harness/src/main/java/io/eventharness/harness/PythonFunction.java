package io.eventharness.harness;

import io.eventharness.harness.deploy.CodePackage;
import io.eventharness.harness.deploy.Packages;
import java.nio.file.Path;

/**
 * A Python function from a source folder (zipped at deploy time, once per content).
 *
 * <pre>{@code
 * cloud.deploy(PythonFunction.from("src/main/python").handler("lambda_function.myfunc01_handler"));
 * }</pre>
 */
public final class PythonFunction extends FunctionSpec<PythonFunction> {
    private final Path source;

    private PythonFunction(Path source) {
        super("python3.12");
        this.source = source;
    }

    public static PythonFunction from(String folder) {
        return from(Path.of(folder));
    }

    public static PythonFunction from(Path folder) {
        return new PythonFunction(folder);
    }

    @Override
    CodePackage code() {
        return Packages.ofFolder(source);
    }
}
