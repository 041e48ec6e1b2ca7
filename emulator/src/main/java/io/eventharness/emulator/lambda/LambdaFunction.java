package io.eventharness.emulator.lambda;

import io.eventharness.emulator.core.Arn;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import software.amazon.awssdk.services.lambda.model.AliasConfiguration;
import software.amazon.awssdk.services.lambda.model.FunctionEventInvokeConfig;

/**
 * One function: its {@code $LATEST} settings, published versions, aliases, resource policy,
 * asynchronous-invocation settings per qualifier, reserved concurrency and tags. Everything it holds changes
 * through its own methods, under its own monitor; what it hands out is immutable or a copy.
 */
final class LambdaFunction {
    static final int MAX_TAGS = 50;

    private final String name;
    private final Arn arn;
    private final FunctionPolicy policy = new FunctionPolicy();
    private FunctionSettings latest;
    private final TreeMap<Integer, FunctionSettings> versions = new TreeMap<>();
    private final Map<String, AliasConfiguration> aliases = new LinkedHashMap<>();
    /** By qualifier, {@code $LATEST} for the unqualified function. */
    private final Map<String, FunctionEventInvokeConfig> invokeConfigs = new LinkedHashMap<>();
    private Integer reservedConcurrency;
    private final Map<String, String> tags = new LinkedHashMap<>();

    LambdaFunction(FunctionSettings latest) {
        this.name = latest.name();
        this.arn = latest.arn();
        this.latest = latest;
    }

    String name() {
        return name;
    }

    /** The unqualified ARN. */
    Arn arn() {
        return arn;
    }

    // ---- $LATEST and versions -------------------------------------------------------------------

    synchronized FunctionSettings latest() {
        return latest;
    }

    synchronized void replaceLatest(FunctionSettings s) {
        this.latest = s;
    }

    /** PreconditionFailedException unless {@code revisionId} is null or that of {@code $LATEST}. */
    synchronized void requireRevision(String revisionId) {
        if (revisionId != null && !revisionId.equals(latest.revisionId())) {
            throw LambdaErrors.preconditionFailed("The Revision Id provided does not match the latest Revision Id. Call the GetFunction/GetAlias API to retrieve the latest Revision Id");
        }
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
        throw LambdaErrors.functionNotFound(FunctionName.qualified(arn, qualifier));
    }

    /** Publishes {@code $LATEST} as the next version; when nothing changed since the last one, returns that, as AWS does. */
    synchronized FunctionSettings publish(String revision) {
        int next = versions.isEmpty() ? 1 : versions.lastKey() + 1;
        FunctionSettings last = versions.isEmpty() ? null : versions.lastEntry().getValue();
        if (last != null && last.code().sha256.equals(latest.code().sha256) && sameConfig(last, latest)) {
            return last;
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
            throw LambdaErrors.functionNotFound(FunctionName.qualified(arn, version));
        }
        invokeConfigs.remove(version);
        return gone;
    }

    /** {@code $LATEST}, then the published versions in order. */
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

    /** Whether {@code $LATEST} or a published version runs this code (else its files may go). */
    synchronized boolean usesCode(FunctionCode code) {
        return latest.code() == code || versions.values().stream().anyMatch(v -> v.code() == code);
    }

    // ---- aliases ----------------------------------------------------------------------------------

    /** ResourceConflictException when the alias exists. */
    synchronized void addAlias(AliasConfiguration a) {
        if (aliases.putIfAbsent(a.name(), a) != null) {
            throw LambdaErrors.conflict("Alias already exists: " + a.aliasArn());
        }
    }

    /** ResourceNotFoundException when there is no such alias. */
    synchronized AliasConfiguration alias(String aliasName) {
        AliasConfiguration a = aliases.get(aliasName);
        if (a == null) {
            throw LambdaErrors.notFound("Alias not found: " + FunctionName.qualified(arn, aliasName));
        }
        return a;
    }

    synchronized void replaceAlias(AliasConfiguration a) {
        aliases.put(a.name(), a);
    }

    synchronized void removeAlias(String aliasName) {
        aliases.remove(aliasName);
    }

    /** The aliases in the order they were created; those pointing to {@code version} when it is not null. */
    synchronized List<AliasConfiguration> aliases(String version) {
        return aliases.values().stream().filter(a -> version == null || version.equals(a.functionVersion())).toList();
    }

    // ---- asynchronous-invocation settings -------------------------------------------------------

    /** Sets the settings of one qualifier (null: the unqualified function). */
    synchronized void putInvokeConfig(String qualifier, FunctionEventInvokeConfig c) {
        invokeConfigs.put(key(qualifier), c);
    }

    /** The qualifier's own settings, not falling back to the function's. */
    synchronized Optional<FunctionEventInvokeConfig> ownInvokeConfig(String qualifier) {
        return Optional.ofNullable(invokeConfigs.get(key(qualifier)));
    }

    /** Whether the qualifier had settings of its own. */
    synchronized boolean removeInvokeConfig(String qualifier) {
        return invokeConfigs.remove(key(qualifier)) != null;
    }

    /** The asynchronous-invocation settings that apply to a qualifier (its own, else the function's). */
    synchronized FunctionEventInvokeConfig invokeConfig(String qualifier) {
        FunctionEventInvokeConfig c = invokeConfigs.get(key(qualifier));
        return c != null ? c : invokeConfigs.get("$LATEST");
    }

    private static String key(String qualifier) {
        return qualifier == null ? "$LATEST" : qualifier;
    }

    // ---- resource policy ------------------------------------------------------------------------

    /** Adds a statement (see {@link FunctionPolicy#add}); returns it as JSON. */
    String permit(String sid, String action, String principal, String sourceArn, String sourceAccount, Arn resource) {
        return policy.add(sid, action, principal, sourceArn, sourceAccount, resource.toString()).toString();
    }

    /** ResourceNotFoundException when there is no such statement. */
    void revoke(String sid) {
        policy.remove(sid);
    }

    /** The policy document; empty while it has no statement. */
    Optional<String> policy() {
        return policy.isEmpty() ? Optional.empty() : Optional.of(policy.document());
    }

    /** Whether a statement lets a service principal invoke the function for {@code sourceArn}. */
    boolean allows(String servicePrincipal, String sourceArn) {
        return policy.allows(servicePrincipal, sourceArn);
    }

    // ---- tags and concurrency -------------------------------------------------------------------

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

    /** The reserved concurrency; null when the function shares the account's pool. */
    synchronized Integer reservedConcurrency() {
        return reservedConcurrency;
    }

    /** Sets (null: removes) the reservation; {@link Concurrency#reserve} checks it against the account first. */
    synchronized void reservedConcurrency(Integer n) {
        this.reservedConcurrency = n;
    }
}
