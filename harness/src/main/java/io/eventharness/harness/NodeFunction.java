package io.eventharness.harness;

import io.eventharness.harness.deploy.CodePackage;
import io.eventharness.harness.deploy.Packages;
import java.nio.file.Path;

/**
 * A Node.js function from a source folder (zipped at deploy time, once per content, {@code node_modules} included),
 * {@code nodejs20.x}
 * unless {@link #runtime(String)} says otherwise.
 *
 * <pre>{@code
 * cloud.deploy(NodeFunction.from("src/main/js").handler("index.handler"));
 * }</pre>
 */
public final class NodeFunction extends FunctionSpec<NodeFunction> {
    private final Path source;

    private NodeFunction(Path source) {
        super("nodejs20.x");
        this.source = source;
    }

    public static NodeFunction from(String folder) {
        return from(Path.of(folder));
    }

    public static NodeFunction from(Path folder) {
        return new NodeFunction(folder);
    }

    @Override
    CodePackage code() {
        return Packages.ofFolder(source);
    }
}
