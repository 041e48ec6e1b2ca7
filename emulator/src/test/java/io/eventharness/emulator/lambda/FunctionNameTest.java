package io.eventharness.emulator.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventharness.emulator.core.Arn;
import io.eventharness.emulator.core.AwsException;
import org.junit.jupiter.api.Test;

/** The four forms of {@code FunctionName} and the function ARNs built from them, read through {@link Arn}. */
class FunctionNameTest {

    @Test
    void readsEveryFormLambdaAccepts() {
        assertThat(FunctionName.parse("resize", null)).isEqualTo(new FunctionName("resize", null));
        assertThat(FunctionName.parse("resize:live", null)).isEqualTo(new FunctionName("resize", "live"));
        assertThat(FunctionName.parse("000000000000:function:resize:$LATEST", null)).isEqualTo(new FunctionName("resize", "$LATEST"));
        assertThat(FunctionName.parse("arn:aws:lambda:eu-west-1:000000000000:function:resize:7", null))
                .isEqualTo(new FunctionName("resize", "7"));
        assertThat(FunctionName.parse("arn:aws:lambda:eu-west-1:000000000000:function:resize", "live"))
                .isEqualTo(new FunctionName("resize", "live"));
    }

    @Test
    void refusesWhatIsNotAFunctionAsLambdaDoes() {
        assertThatThrownBy(() -> FunctionName.parse("arn:aws:sqs:us-east-1:000000000000:resize", null))
                .isInstanceOfSatisfying(AwsException.class, e -> assertThat(e.code()).isEqualTo("ValidationException"));
        assertThatThrownBy(() -> FunctionName.parse("arn:aws:lambda:us-east-1:0000:function:resize", null))
                .isInstanceOfSatisfying(AwsException.class, e -> assertThat(e.code()).isEqualTo("ValidationException"));
        assertThatThrownBy(() -> FunctionName.parse("f".repeat(65), null))
                .isInstanceOfSatisfying(AwsException.class, e -> assertThat(e.getMessage()).contains("less than or equal to 64"));
        assertThatThrownBy(() -> FunctionName.parse("resize:live", "7"))
                .isInstanceOfSatisfying(AwsException.class, e -> assertThat(e.code()).isEqualTo("InvalidParameterValueException"));
    }

    @Test
    void buildsFunctionAndQualifiedArns() {
        Arn fn = FunctionName.arn("eu-west-1", "resize");
        assertThat(fn).hasToString("arn:aws:lambda:eu-west-1:000000000000:function:resize");
        assertThat(FunctionName.qualified(fn, "$LATEST")).hasToString("arn:aws:lambda:eu-west-1:000000000000:function:resize:$LATEST");
        assertThat(FunctionName.unqualified(fn)).isTrue();
        assertThat(FunctionName.unqualified(FunctionName.qualified(fn, "live"))).isFalse();
        assertThat(FunctionName.functionArn(fn.toString())).contains(fn);
        assertThat(FunctionName.functionArn("arn:aws:s3:::bucket")).isEmpty();
    }
}
