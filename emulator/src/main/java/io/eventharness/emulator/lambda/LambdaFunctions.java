package io.eventharness.emulator.lambda;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The functions of the emulated account, by name (one namespace for all regions: a function's ARN carries the
 * region it was created in). A function deleted and created again under the same name is another
 * {@link LambdaFunction}: whoever holds the old one (a queued asynchronous event) can tell with {@link #isCurrent}.
 */
final class LambdaFunctions {
    private final Map<String, LambdaFunction> byName = new ConcurrentHashMap<>();

    /** Adds a new function; false when one of that name exists. */
    boolean add(LambdaFunction fn) {
        return byName.putIfAbsent(fn.name(), fn) == null;
    }

    /**
     * The function of that name.
     *
     * @param region the caller's region, for the ARN in the error
     * @throws io.eventharness.emulator.core.AwsException ResourceNotFoundException when there is none
     */
    LambdaFunction require(String name, String region) {
        LambdaFunction fn = byName.get(name);
        if (fn == null) {
            throw LambdaErrors.functionNotFound(FunctionName.arn(region, name));
        }
        return fn;
    }

    Optional<LambdaFunction> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** Whether this function still exists: not deleted, not replaced by a new one of the same name. */
    boolean isCurrent(LambdaFunction fn) {
        return byName.get(fn.name()) == fn;
    }

    /** Removes the function unless it was removed (or replaced) meanwhile; returns whether it did. */
    boolean remove(LambdaFunction fn) {
        return byName.remove(fn.name(), fn);
    }

    /** Every function, by name. */
    List<LambdaFunction> sorted() {
        return byName.values().stream().sorted(Comparator.comparing(LambdaFunction::name)).toList();
    }

    int count() {
        return byName.size();
    }

    /** The sum of the functions' reserved concurrency. */
    int reservedTotal() {
        return byName.values().stream().map(LambdaFunction::reservedConcurrency).filter(Objects::nonNull)
                .mapToInt(Integer::intValue).sum();
    }

    /** Removes every function (the emulator stops); returns them. */
    List<LambdaFunction> clear() {
        List<LambdaFunction> all = new ArrayList<>(byName.values());
        byName.clear();
        return all;
    }
}
