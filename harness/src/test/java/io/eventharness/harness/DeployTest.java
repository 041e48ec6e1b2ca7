package io.eventharness.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.lambda.model.InvalidParameterValueException;
import software.amazon.awssdk.services.lambda.model.ResourceConflictException;

/** {@code Cloud.deploy}: errors surface at once, names never collide within a test. */
@EventHarness
class DeployTest {
    private static final PythonFunction THUMBNAILER = PythonFunction.from("src/test/resources/functions/thumbnailer")
            .handler("handler.handle").named("thumbnailer");

    @Test
    void aWrongRuntimeFailsAtOnceWithLambdasOwnError(Harness harness) {
        try (Cloud cloud = harness.newCloud("wrong runtime")) {
            // before the fix this became "Timed out after 30 s waiting for function ... to be created"
            assertThatThrownBy(() -> cloud.deploy(PythonFunction.from("src/test/resources/functions/thumbnailer")
                    .handler("handler.handle").runtime("python2.0")))
                    .isInstanceOf(InvalidParameterValueException.class)
                    .hasMessageContaining("python2.0")
                    .hasMessageContaining("runtime");
        }
    }

    @Test
    void aNodeFunctionFromItsFolder(Cloud cloud) {
        DeployedFunction fn = cloud.deploy(NodeFunction.from("src/test/resources/functions/greeter").handler("index.handler"));

        assertThat(fn.name()).isEqualTo(cloud.name("handler"));
        assertThat(fn.invoke("{\"name\": \"node\"}").payload()).isEqualTo("\"hello node\"");
        assertThat(cloud.lambda().getFunction(b -> b.functionName(fn.name())).configuration().runtimeAsString())
                .isEqualTo("nodejs20.x");
    }

    @Test
    void aNameTakenOutsideTheHarnessFailsAtOnceWithTheConflict(Harness harness) {
        try (Cloud cloud = harness.newCloud("conflict")) {
            DeployedFunction first = cloud.deploy(THUMBNAILER);
            cloud.lambda().deleteFunction(b -> b.functionName(first.name()));
            String squatter = cloud.name("thumbnailer") + "-2";
            cloud.lambda().createFunction(b -> b.functionName(squatter).runtime("python3.12").handler("handler.handle")
                    .role(cloud.wire().executionRoleArn()).code(c -> c.zipFile(software.amazon.awssdk.core.SdkBytes
                            .fromByteArray(io.eventharness.harness.deploy.Zips.ofFolder(java.nio.file.Path.of(
                                    "src/test/resources/functions/thumbnailer"))))));
            assertThatThrownBy(() -> cloud.deploy(THUMBNAILER)).isInstanceOf(ResourceConflictException.class);
        }
    }

    @Test
    void deployingTheSameBaseNameTwiceGivesTwoFunctions(Harness harness) {
        try (Cloud cloud = harness.newCloud("twice")) {
            DeployedFunction a = cloud.deploy(THUMBNAILER);
            DeployedFunction b = cloud.deploy(THUMBNAILER);
            assertThat(a.name()).isEqualTo(cloud.name("thumbnailer"));
            assertThat(b.name()).isEqualTo(cloud.name("thumbnailer") + "-2");
            assertThat(cloud.lambda().getFunction(r -> r.functionName(b.name())).configuration().functionArn()).isEqualTo(b.arn());
            assertThat(cloud.lambda().getFunction(r -> r.functionName(a.name())).configuration().functionArn()).isEqualTo(a.arn());
        }
    }

    @Test
    void onlyTheFreshRoleErrorIsRetried() {
        assertThat(Cloud.roleNotAssumableYet(InvalidParameterValueException.builder()
                .message("The role defined for the function cannot be assumed by Lambda.").build())).isTrue();
        assertThat(Cloud.roleNotAssumableYet(InvalidParameterValueException.builder()
                .message("Value python2.0 at 'runtime' failed to satisfy constraint").build())).isFalse();
        assertThat(Cloud.roleNotAssumableYet(InvalidParameterValueException.builder()
                .message("The role defined for the function is not valid: role/x").build())).isFalse();
        assertThat(Cloud.roleNotAssumableYet(new IllegalStateException("cannot be assumed by Lambda"))).isFalse();
    }
}
