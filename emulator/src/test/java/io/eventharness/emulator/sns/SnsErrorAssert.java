package io.eventharness.emulator.sns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import software.amazon.awssdk.services.sns.model.SnsException;

/** Asserts the typed exception, the query error code and the message text the SDK gives for a call. */
final class SnsErrorAssert {
    private SnsErrorAssert() {
    }

    static SnsException assertError(ThrowingCallable call, Class<? extends SnsException> type, String code, String message) {
        Throwable t = catchThrowable(call);
        assertThat(t).isInstanceOf(type);
        SnsException e = (SnsException) t;
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo(code);
        assertThat(e.awsErrorDetails().errorMessage()).contains(message);
        return e;
    }
}
