package io.eventharness.emulator.iam;

import io.eventharness.emulator.core.Arn;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import software.amazon.awssdk.services.iam.model.AttachedPermissionsBoundary;
import software.amazon.awssdk.services.iam.model.PermissionsBoundaryAttachmentType;
import software.amazon.awssdk.services.iam.model.Role;
import software.amazon.awssdk.services.iam.model.RoleLastUsed;
import software.amazon.awssdk.services.iam.model.Tag;

/**
 * A role: its trust policy, inline policies, attached managed policies and tags. It locks itself; once
 * {@link #retire retired} (DeleteRole) it refuses every change with NoSuchEntity, so that a change racing with
 * DeleteRole never lands on a role that is gone. Attaching goes through {@link IamState#attach}, which holds the
 * state's lock, so that DeletePolicy can count attachments.
 */
final class IamRole {
    /** What CreateRole sets besides the name and path. */
    record Settings(String trustPolicy, String description, int maxSessionDuration, String permissionsBoundary,
                    List<Tag> tags) {
    }

    /** Which Role shape an operation returns. */
    enum View {
        /** CreateRole: no MaxSessionDuration and no RoleLastUsed yet. */
        CREATED,
        /** ListRoles: no tags, boundary or last use. */
        LISTED,
        /** GetRole: everything. */
        FULL,
        /** Other emulator services: everything, the trust policy not URL-encoded. */
        IN_JVM
    }

    private final String name;
    private final String path;
    private final String id;
    private final Arn arn;
    private final Instant created;
    private final String permissionsBoundary;
    private String trustPolicy;
    private String description;
    private int maxSessionDuration;
    private final List<Tag> tags;
    /** Inline policies by name. */
    private final Map<String, String> inline = new TreeMap<>();
    /** Attached managed policy ARNs, in attachment order. */
    private final Set<Arn> attached = new LinkedHashSet<>();
    private boolean retired;

    IamRole(String name, String path, String id, Instant created, Settings s) {
        this.name = name;
        this.path = path;
        this.id = id;
        this.arn = Arn.global("iam", "role" + path + name);
        this.created = created;
        this.trustPolicy = s.trustPolicy();
        this.description = s.description();
        this.maxSessionDuration = s.maxSessionDuration();
        this.permissionsBoundary = s.permissionsBoundary();
        this.tags = new ArrayList<>(s.tags());
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

    synchronized Role toModel(View view) {
        Role.Builder b = Role.builder().path(path).roleName(name).roleId(id).arn(arn.toString()).createDate(created)
                .assumeRolePolicyDocument(view == View.IN_JVM ? trustPolicy : PolicyDocuments.encode(trustPolicy))
                .description(description);
        if (view != View.CREATED) {
            b.maxSessionDuration(maxSessionDuration);
        }
        if (view != View.LISTED) {
            if (!tags.isEmpty()) {
                b.tags(tags);
            }
            if (permissionsBoundary != null) {
                b.permissionsBoundary(AttachedPermissionsBoundary.builder()
                        .permissionsBoundaryType(PermissionsBoundaryAttachmentType.PERMISSIONS_BOUNDARY_POLICY)
                        .permissionsBoundaryArn(permissionsBoundary).build());
            }
        }
        if (view == View.FULL || view == View.IN_JVM) {
            b.roleLastUsed(RoleLastUsed.builder().build());
        }
        return b.build();
    }

    /** UpdateRole: a null value leaves that setting as it is. */
    synchronized void update(String newDescription, Integer newMaxSessionDuration) {
        live();
        if (newDescription != null) {
            description = newDescription;
        }
        if (newMaxSessionDuration != null) {
            maxSessionDuration = newMaxSessionDuration;
        }
    }

    synchronized void trustPolicy(String document) {
        live();
        trustPolicy = document;
    }

    /** Adds or replaces tags by key; LimitExceeded past 50 in all. */
    synchronized void tag(List<Tag> given) {
        live();
        List<String> keys = given.stream().map(Tag::key).toList();
        long kept = tags.stream().filter(t -> !keys.contains(t.key())).count();
        IamLimits.tags(given, (int) kept, "Role");
        tags.removeIf(t -> keys.contains(t.key()));
        tags.addAll(given);
    }

    synchronized void untag(List<String> keys) {
        live();
        tags.removeIf(t -> keys.contains(t.key()));
    }

    /** The tags in key order. */
    synchronized List<Tag> tags() {
        return tags.stream().sorted(Comparator.comparing(Tag::key)).toList();
    }

    /** Attaches a managed policy (again is no change); LimitExceeded past {@code max}. Called by {@link IamState#attach}. */
    synchronized void attach(Arn policy, int max) {
        live();
        if (!attached.contains(policy) && attached.size() >= max) {
            throw IamErrors.limitExceeded("Cannot exceed quota for PoliciesPerRole: " + max);
        }
        attached.add(policy);
    }

    /** Whether the role has the managed policy with this ARN (given as a client wrote it) attached. */
    synchronized boolean detach(String policyArn) {
        live();
        return attached.removeIf(a -> a.toString().equals(policyArn));
    }

    synchronized boolean isAttached(Arn policy) {
        return attached.contains(policy);
    }

    synchronized List<Arn> attached() {
        return List.copyOf(attached);
    }

    /**
     * Adds or replaces an inline policy; LimitExceeded when all of the role's inline policies together would
     * exceed {@code maxTotal} characters (white space not counted).
     */
    synchronized void putInline(String policyName, String document, int maxTotal) {
        live();
        int total = PolicyDocuments.size(document);
        for (Map.Entry<String, String> e : inline.entrySet()) {
            if (!e.getKey().equals(policyName)) {
                total += PolicyDocuments.size(e.getValue());
            }
        }
        if (total > maxTotal) {
            throw IamErrors.limitExceeded("Maximum policy size of " + maxTotal + " bytes exceeded for role " + name);
        }
        inline.put(policyName, document);
    }

    /** The inline policy's document, or null. */
    synchronized String inline(String policyName) {
        return inline.get(policyName);
    }

    /** The inline policies' names, in name order. */
    synchronized List<String> inlineNames() {
        return List.copyOf(inline.keySet());
    }

    /** Whether there was an inline policy of that name. */
    synchronized boolean deleteInline(String policyName) {
        live();
        return inline.remove(policyName) != null;
    }

    /** DeleteRole's conditions, then the role refuses changes: no managed policy attached, no inline policy left. */
    synchronized void retire() {
        live();
        if (!attached.isEmpty()) {
            throw IamErrors.deleteConflict("Cannot delete entity, must detach all policies first.");
        }
        if (!inline.isEmpty()) {
            throw IamErrors.deleteConflict("Cannot delete entity, must delete policies first.");
        }
        retired = true;
    }

    private void live() {
        if (retired) {
            throw IamErrors.noSuchRole(name);
        }
    }
}
