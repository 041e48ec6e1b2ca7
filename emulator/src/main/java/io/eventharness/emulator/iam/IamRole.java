package io.eventharness.emulator.iam;

import io.eventharness.emulator.core.Arn;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
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
    private final PolicySet policies;
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
        this.policies = new PolicySet("role " + name);
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
        policies.attach(policy, max, "PoliciesPerRole");
    }

    /** Whether the role has the managed policy with this ARN (given as a client wrote it) attached. */
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

    /**
     * Adds or replaces an inline policy; LimitExceeded when all of the role's inline policies together would
     * exceed {@code maxTotal} characters (white space not counted).
     */
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

    /** The inline policies' names, in name order. */
    synchronized List<String> inlineNames() {
        return policies.inlineNames();
    }

    /** Whether there was an inline policy of that name. */
    synchronized boolean deleteInline(String policyName) {
        live();
        return policies.deleteInline(policyName);
    }

    /** The ARN of the role's permissions boundary, or null. */
    String permissionsBoundary() {
        return permissionsBoundary;
    }

    /** DeleteRole's conditions, then the role refuses changes: no managed policy attached, no inline policy left. */
    synchronized void retire() {
        live();
        policies.checkEmpty();
        retired = true;
    }

    private void live() {
        if (retired) {
            throw IamErrors.noSuchRole(name);
        }
    }
}
