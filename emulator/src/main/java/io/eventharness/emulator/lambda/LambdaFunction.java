package io.eventharness.emulator.lambda;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.lambda.model.AliasConfiguration;
import software.amazon.awssdk.services.lambda.model.FunctionEventInvokeConfig;

/**
 * One function: its {@code $LATEST} settings, published versions, aliases, resource policy,
 * asynchronous-invocation settings per qualifier, reserved concurrency and tags. Guarded by its own
 * monitor.
 */
final class LambdaFunction {
    static final int MAX_TAGS = 50;

    final String name;
    final String arn;
    final FunctionPolicy policy = new FunctionPolicy();

    private FunctionSettings latest;
    private final TreeMap<Integer, FunctionSettings> versions = new TreeMap<>();
    private final Map<String, AliasConfiguration> aliases = new LinkedHashMap<>();
    private final Map<String, FunctionEventInvokeConfig> invokeConfigs = new LinkedHashMap<>();
    private Integer reservedConcurrency;
    private final Map<String, String> tags = new LinkedHashMap<>();

    LambdaFunction(FunctionSettings latest) {
        this.name = latest.name();
        this.arn = latest.arn();
        this.latest = latest;
    }

    synchronized FunctionSettings latest() {
        return latest;
    }

    synchronized void replaceLatest(FunctionSettings s) {
        this.latest = s;
    }

    /** The settings a qualifier names ({@code $LATEST}, a version number, an alias); ResourceNotFound otherwise. */
    synchronized FunctionSettings resolve(String qualifier) {
        if (qualifier == null || qualifier.equals("$LATEST")) {
            return latest;
        }
        AliasConfiguration alias = aliases.get(qualifier);
        String version = alias != null ? alias.functionVersion() : qualifier;
        if (version.equals("$LATEST")) {
            return latest;
        }
        try {
            FunctionSettings s = versions.get(Integer.parseInt(version));
            if (s != null) {
                return s;
            }
        } catch (NumberFormatException ignored) {
            // not a version number: not found below
        }
        throw LambdaErrors.functionNotFound(arn + ":" + qualifier);
    }

    /** The version an alias points to, or the qualifier itself. */
    synchronized String executedVersion(String qualifier) {
        return resolve(qualifier).version();
    }

    synchronized FunctionSettings publish(String revision) {
        int next = versions.isEmpty() ? 1 : versions.lastKey() + 1;
        FunctionSettings last = versions.isEmpty() ? null : versions.lastEntry().getValue();
        if (last != null && last.code().sha256.equals(latest.code().sha256) && sameConfig(last, latest)) {
            return last; // AWS returns the latest version when nothing changed
        }
        FunctionSettings v = latest.asVersion(String.valueOf(next), revision);
        versions.put(next, v);
        return v;
    }

    private static boolean sameConfig(FunctionSettings a, FunctionSettings b) {
        return a.runtime().equals(b.runtime()) && a.handler().equals(b.handler()) && a.memoryMb() == b.memoryMb()
                && a.timeoutSeconds() == b.timeoutSeconds() && a.environment().equals(b.environment());
    }

    /**
     * Removes a published version with its asynchronous-invocation settings; returns it.
     *
     * @throws io.eventharness.emulator.core.AwsException ResourceConflictException while an alias points to it,
     *                                                    ResourceNotFoundException when there is no such version
     */
    synchronized FunctionSettings deleteVersion(String version) {
        List<String> referencing = aliases.values().stream().filter(a -> a.functionVersion().equals(version))
                .map(AliasConfiguration::name).toList();
        if (!referencing.isEmpty()) {
            throw LambdaErrors.conflict("Unable to delete version because the following aliases reference it: ["
                    + String.join(", ", referencing) + "]");
        }
        FunctionSettings gone = versions.remove(Integer.parseInt(version));
        if (gone == null) {
            throw LambdaErrors.functionNotFound(arn + ":" + version);
        }
        invokeConfigs.remove(version);
        return gone;
    }

    synchronized List<FunctionSettings> versions() {
        List<FunctionSettings> out = new ArrayList<>();
        out.add(latest);
        out.addAll(versions.values());
        return out;
    }

    synchronized boolean hasVersion(String version) {
        if (version.equals("$LATEST")) {
            return true;
        }
        try {
            return versions.containsKey(Integer.parseInt(version));
        } catch (NumberFormatException e) {
            return false;
        }
    }

    synchronized Map<String, AliasConfiguration> aliases() {
        return aliases;
    }

    synchronized Map<String, FunctionEventInvokeConfig> invokeConfigs() {
        return invokeConfigs;
    }

    /** The asynchronous-invocation settings that apply to a qualifier (its own, else the function's). */
    synchronized FunctionEventInvokeConfig invokeConfig(String qualifier) {
        FunctionEventInvokeConfig c = invokeConfigs.get(qualifier == null ? "$LATEST" : qualifier);
        return c != null ? c : invokeConfigs.get("$LATEST");
    }

    /** A copy of the function's tags. */
    synchronized Map<String, String> tags() {
        return new LinkedHashMap<>(tags);
    }

    /** Adds or replaces tags; InvalidParameterValueException when the function would have more than 50. */
    synchronized void tag(Map<String, String> more) {
        Map<String, String> all = new LinkedHashMap<>(tags);
        all.putAll(more);
        if (all.size() > MAX_TAGS) {
            throw LambdaErrors.invalidParameter("Number of tags exceeds resource tag limit. A resource can have at most "
                    + MAX_TAGS + " tags.");
        }
        tags.putAll(more);
    }

    synchronized void untag(Iterable<String> keys) {
        keys.forEach(tags::remove);
    }

    synchronized Integer reservedConcurrency() {
        return reservedConcurrency;
    }

    synchronized void reservedConcurrency(Integer n) {
        this.reservedConcurrency = n;
    }
}
