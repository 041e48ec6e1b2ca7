package io.eventharness.emulator.lambda.mappings;

import io.eventharness.emulator.core.AwsException;

/**
 * The errors of the event source mapping API, worded as AWS words them (restJson1: the code travels in
 * {@code x-amzn-ErrorType}, the SDK maps it to its exception of that name).
 */
final class MappingErrors {
    /** AWS's answer to Get, Update and Delete of a UUID it does not know. */
    static final String NO_SUCH_MAPPING = "The resource you requested does not exist.";

    private MappingErrors() {
    }

    static AwsException notFound() {
        return AwsException.of(404, "ResourceNotFoundException", NO_SUCH_MAPPING);
    }

    static AwsException invalid(String message) {
        return AwsException.of(400, "InvalidParameterValueException", message);
    }

    static AwsException conflict(String message) {
        return AwsException.of(409, "ResourceConflictException", message);
    }

    static AwsException inUse(String message) {
        return AwsException.of(400, "ResourceInUseException", message);
    }

    /** A constraint of the API's model ({@code 1 validation error detected: ...}). */
    static AwsException validation(String member, Object value, String constraint) {
        return AwsException.of(400, "ValidationException", "1 validation error detected: Value "
                + (value == null ? "null" : "'" + value + "'") + " at '" + member + "' failed to satisfy constraint: " + constraint);
    }

    /**
     * A parameter AWS accepts for no mapping of this kind of source, in AWS's words (recorded for
     * {@code DestinationConfig} on an SQS mapping: "Unsupported DestinationConfig parameter for given event source
     * mapping type.").
     */
    static AwsException unsupported(String parameter) {
        return invalid("Unsupported " + parameter + " parameter for given event source mapping type.");
    }

    /** A parameter AWS honours and the emulator does not simulate: refused rather than stored and ignored. */
    static AwsException notEmulated(String parameter, String why) {
        return invalid(parameter + " is not supported by this emulator's event source mappings (" + why
                + "); leave it out, or test this on AWS.");
    }
}
