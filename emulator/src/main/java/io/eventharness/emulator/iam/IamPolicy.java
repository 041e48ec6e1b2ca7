package io.eventharness.emulator.iam;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.iam.model.Policy;
import software.amazon.awssdk.services.iam.model.Tag;

/** A managed policy: a customer's, or one of AWS's ({@code arn:aws:iam::aws:policy/…}). One version, {@code v1}. */
final class IamPolicy {
    final String name;
    final String path;
    final String id;
    final String arn;
    final String document;
    final String description;
    final Instant created;
    final boolean awsManaged;
    final List<Tag> tags = new ArrayList<>();

    IamPolicy(String name, String path, String id, String arn, String document, String description, Instant created,
              boolean awsManaged) {
        this.name = name;
        this.path = path;
        this.id = id;
        this.arn = arn;
        this.document = document;
        this.description = description;
        this.created = created;
        this.awsManaged = awsManaged;
    }

    /** The Policy shape; ListPolicies leaves out the description and tags, as AWS does. */
    Policy toModel(int attachments, boolean full) {
        Policy.Builder b = Policy.builder().policyName(name).policyId(id).arn(arn).path(path).defaultVersionId("v1")
                .attachmentCount(attachments).permissionsBoundaryUsageCount(0).isAttachable(true)
                .createDate(created).updateDate(created);
        if (full) {
            b.description(description);
            if (!tags.isEmpty()) {
                b.tags(tags);
            }
        }
        return b.build();
    }
}
