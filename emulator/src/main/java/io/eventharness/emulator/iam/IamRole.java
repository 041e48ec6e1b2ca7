package io.eventharness.emulator.iam;

import java.time.Instant;
import java.util.ArrayList;
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

/** A role: its trust policy, inline policies, attached managed policies and tags. Guarded by the IamService. */
final class IamRole {
    final String name;
    final String path;
    final String id;
    final String arn;
    final Instant created;
    String trustPolicy;
    String description;
    int maxSessionDuration = 3600;
    String permissionsBoundary;
    final List<Tag> tags = new ArrayList<>();
    /** Inline policies by name. */
    final Map<String, String> inline = new TreeMap<>();
    /** Attached managed policy ARNs, in attachment order. */
    final Set<String> attached = new LinkedHashSet<>();

    IamRole(String name, String path, String id, String arn, Instant created, String trustPolicy) {
        this.name = name;
        this.path = path;
        this.id = id;
        this.arn = arn;
        this.created = created;
        this.trustPolicy = trustPolicy;
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

    Role toModel(View view) {
        Role.Builder b = Role.builder().path(path).roleName(name).roleId(id).arn(arn).createDate(created)
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
}
