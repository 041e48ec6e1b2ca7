package io.eventharness.emulator.iam;

import io.eventharness.emulator.core.Arn;
import io.eventharness.emulator.policy.Principal;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.iam.model.AccessKeyMetadata;
import software.amazon.awssdk.services.iam.model.StatusType;
import software.amazon.awssdk.services.iam.model.Tag;
import software.amazon.awssdk.services.iam.model.User;

/**
 * An IAM user, its access keys and its identity-based policies; the account's root user has a null name. It locks itself; once
 * {@link #retire retired} (DeleteUser) it takes no new key. Keys are issued and revoked through {@link IamState},
 * which also knows each key's owner.
 */
final class IamUser {
    /** One long-term access key. */
    record AccessKey(String id, String secret, Instant created, StatusType status) {
    }

    private final String name;
    private final String path;
    private final String id;
    private final Arn arn;
    private final Instant created;
    private final List<Tag> tags;
    /** By access key id, in creation order. */
    private final Map<String, AccessKey> keys = new LinkedHashMap<>();
    private final PolicySet policies;
    private boolean retired;

    IamUser(String name, String path, String id, Arn arn, Instant created, List<Tag> tags) {
        this.name = name;
        this.path = path;
        this.id = id;
        this.arn = arn;
        this.created = created;
        this.tags = List.copyOf(tags);
        this.policies = new PolicySet("user " + name);
    }

    /** A user of the account, {@code arn:aws:iam::000000000000:user<path><name>}. */
    static IamUser named(String name, String path, Instant created, List<Tag> tags) {
        return new IamUser(name, path, IamIds.uniqueId("AIDA"), Arn.global("iam", "user" + path + name), created, tags);
    }

    /** The account's root user: no name, the account id as its id. */
    static IamUser root(String accountId, Instant created) {
        return new IamUser(null, "/", accountId, Arn.global("iam", "root"), created, List.of());
    }

    String name() {
        return name;
    }

    String path() {
        return path;
    }

    Arn arn() {
        return arn;
    }

    /** The principal this user's access keys stand for. */
    Principal principal() {
        return Principal.user(arn, id);
    }

    /** One of the user's access keys, if it has this one. */
    synchronized Optional<AccessKey> key(String keyId) {
        return Optional.ofNullable(keys.get(keyId));
    }

    /** Attaches a managed policy; LimitExceeded past {@code max}. Called by {@link IamState#attach(IamUser, Arn, int)}. */
    synchronized void attach(Arn policy, int max) {
        live();
        policies.attach(policy, max, "PoliciesPerUser");
    }

    synchronized boolean detach(String policyArn) {
        live();
        return policies.detach(policyArn);
    }

    synchronized boolean isAttached(Arn policy) {
        return policies.isAttached(policy);
    }

    synchronized List<Arn> attached() {
        return policies.attached();
    }

    synchronized void putInline(String policyName, String document, int maxTotal) {
        live();
        policies.putInline(policyName, document, maxTotal);
    }

    /** The inline policy's document, or null. */
    synchronized String inline(String policyName) {
        return policies.inline(policyName);
    }

    /** The inline policies by name. */
    synchronized Map<String, String> inline() {
        return policies.inline();
    }

    synchronized List<String> inlineNames() {
        return policies.inlineNames();
    }

    synchronized boolean deleteInline(String policyName) {
        live();
        return policies.deleteInline(policyName);
    }

    private void live() {
        if (retired) {
            throw IamErrors.noSuchUser(name);
        }
    }

    User toModel(boolean detail) {
        User.Builder b = User.builder().path(path).userName(name).userId(id).arn(arn.toString()).createDate(created);
        if (detail && !tags.isEmpty()) {
            b.tags(tags);
        }
        return b.build();
    }

    /** Adds a key; LimitExceeded past {@code max} keys, NoSuchEntity once the user is deleted. */
    synchronized void addKey(AccessKey k, int max) {
        live();
        if (keys.size() >= max) {
            throw IamErrors.limitExceeded("Cannot exceed quota for AccessKeysPerUser: " + max);
        }
        keys.put(k.id(), k);
    }

    /** Whether the user had that key. */
    synchronized boolean removeKey(String keyId) {
        return keys.remove(keyId) != null;
    }

    /** The keys' metadata, by key id. */
    synchronized List<AccessKeyMetadata> keys() {
        return keys.values().stream().sorted(Comparator.comparing(AccessKey::id))
                .map(k -> AccessKeyMetadata.builder().userName(name).accessKeyId(k.id()).status(k.status())
                        .createDate(k.created()).build())
                .toList();
    }

    /** DeleteUser's conditions (no access key, attached or inline policy left), then the user takes no change. */
    synchronized void retire() {
        if (!keys.isEmpty()) {
            throw IamErrors.deleteConflict("Cannot delete entity, must delete access keys first.");
        }
        policies.checkEmpty();
        retired = true;
    }
}
