package io.eventharness.emulator.lambda.mappings;

/**
 * A function as a {@code FunctionName} parameter names it: its name and, when given, a version or alias.
 *
 * @param qualifier {@code $LATEST}, a version number or an alias; null when none was given
 */
public record FunctionRef(String name, String qualifier) {

    /** Whether this reference covers {@code other}: the same name, and the same qualifier when this one has one. */
    boolean covers(FunctionRef other) {
        return name.equals(other.name) && (qualifier == null || qualifier.equals(other.qualifier));
    }
}
