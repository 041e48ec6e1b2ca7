package io.eventharness.emulator.iam;

import io.eventharness.emulator.core.Arn;
import java.time.Instant;
import java.util.List;
import software.amazon.awssdk.services.iam.model.Policy;
import software.amazon.awssdk.services.iam.model.Tag;

/**
 * A managed policy: a customer's, or one of AWS's ({@code arn:aws:iam::aws:policy/…}). One version, {@code v1};
 * nothing of it changes once created.
 */
record IamPolicy(String name, String path, String id, Arn arn, String document, String description, Instant created,
                 boolean awsManaged, List<Tag> tags) {

    IamPolicy {
        tags = List.copyOf(tags);
    }

    /** A customer managed policy of the account, {@code arn:aws:iam::000000000000:policy<path><name>}. */
    static IamPolicy customer(String name, String path, String document, String description, Instant created, List<Tag> tags) {
        return new IamPolicy(name, path, IamIds.uniqueId("ANPA"), Arn.global("iam", "policy" + path + name), document,
                description, created, false, tags);
    }

    /** The Policy shape; ListPolicies leaves out the description and tags, as AWS does. */
    Policy toModel(int attachments, boolean full) {
        Policy.Builder b = Policy.builder().policyName(name).policyId(id).arn(arn.toString()).path(path).defaultVersionId("v1")
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
