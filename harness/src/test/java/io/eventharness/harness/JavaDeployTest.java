package io.eventharness.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventharness.harness.deploy.ModuleClasspath;
import io.eventharness.harness.deploy.Packages;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Java functions deployed the ways users build them: from compiled classes, from a jar, large ones through S3. */
@EventHarness
class JavaDeployTest {
    private static final String HANDLER = "io.eventharness.harness.fixtures.Greeter::handleRequest";

    private static JavaFunction fromTestClasses() {
        return JavaFunction.fromClasses(Path.of("target/test-classes"), ModuleClasspath.runtimeJars());
    }

    @Test
    void fromCompiledClassesAndTheTestClassPathsRuntimeJars(Cloud cloud) {
        DeployedFunction fn = cloud.deploy(fromTestClasses().handler(HANDLER).memoryMb(512).timeout(java.time.Duration.ofSeconds(30)));
        assertThat(fn.invoke("{\"name\": \"classes\"}").payload()).isEqualTo("\"hello classes\"");
        // over 1 MB: staged through the run's code bucket, and CodeSha256 is the package's own
        String sha = cloud.lambda().getFunctionConfiguration(b -> b.functionName(fn.name())).codeSha256();
        assertThat(sha).isEqualTo(Packages.ofClasses(Path.of("target/test-classes"), ModuleClasspath.runtimeJars()).sha256Base64());
    }

    @Test
    void fromAJarAsItIs(Cloud cloud, @TempDir Path dir) throws Exception {
        Path jar = dir.resolve("greeter.jar");
        Files.write(jar, Packages.ofClasses(Path.of("target/test-classes"), java.util.List.of()).bytes());
        DeployedFunction fn = cloud.deploy(JavaFunction.fromJar(jar).handler(HANDLER).memoryMb(512)
                .timeout(java.time.Duration.ofSeconds(30)));
        assertThat(fn.invoke("{\"name\": \"jar\"}").payload()).isEqualTo("\"hello jar\"");
    }

    @Test
    void aPackageThatDoesNotExistYetSaysWhichPhaseBuildsIt(Cloud cloud) {
        assertThatThrownBy(() -> cloud.deploy(JavaFunction.fromJar("target/nothing-1.0.jar").handler(HANDLER)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("after mvn package")
                .hasMessageContaining("fromModuleClasses()");
    }
}
