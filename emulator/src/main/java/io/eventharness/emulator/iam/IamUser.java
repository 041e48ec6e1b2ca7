package io.eventharness.emulator.iam;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.iam.model.AccessKeyMetadata;
import software.amazon.awssdk.services.iam.model.StatusType;
import software.amazon.awssdk.services.iam.model.Tag;
import software.amazon.awssdk.services.iam.model.User;

/** An IAM user and its access keys; the account's root user has a null name. Guarded by the IamService. */
final class IamUser {
    /** One long-term access key. */
    record AccessKey(String id, String secret, Instant created, StatusType status) {
    }

    final String name;
    final String path;
    final String id;
    final String arn;
    final Instant created;
    final List<Tag> tags = new ArrayList<>();
    /** By access key id, in creation order. */
    final Map<String, AccessKey> keys = new LinkedHashMap<>();

    IamUser(String name, String path, String id, String arn, Instant created) {
        this.name = name;
        this.path = path;
        this.id = id;
        this.arn = arn;
        this.created = created;
    }

    User toModel(boolean detail) {
        User.Builder b = User.builder().path(path).userName(name).userId(id).arn(arn).createDate(created);
        if (detail && !tags.isEmpty()) {
            b.tags(tags);
        }
        return b.build();
    }

    AccessKeyMetadata metadata(AccessKey k) {
        return AccessKeyMetadata.builder().userName(name).accessKeyId(k.id()).status(k.status()).createDate(k.created()).build();
    }
}
