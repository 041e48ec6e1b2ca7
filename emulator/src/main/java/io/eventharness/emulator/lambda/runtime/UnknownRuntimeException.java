package io.eventharness.emulator.lambda.runtime;

/**
 * A runtime id this engine cannot run. The API layer answers it the way AWS answers an unknown
 * {@code Runtime}: {@code InvalidParameterValueException}.
 */
public class UnknownRuntimeException extends IllegalArgumentException {
    private final String runtime;

    public UnknownRuntimeException(String runtime, String message) {
        super(message);
        this.runtime = runtime;
    }

    /** The runtime id that was asked for. */
    public String runtime() {
        return runtime;
    }
}
