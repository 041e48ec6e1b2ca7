package io.eventharness.emulator.s3;

import io.eventharness.emulator.core.Account;
import java.nio.charset.StandardCharsets;
import software.amazon.awssdk.services.s3.model.Initiator;
import software.amazon.awssdk.services.s3.model.Owner;

/**
 * The one account as S3 names it in listings: a canonical user id (64 hex characters, derived from the
 * account id) and a display name. Every bucket, object and upload belongs to it.
 */
final class BucketOwner {
    static final Owner OWNER = Owner.builder()
            .id(Checksums.md5Hex(Account.ID.getBytes(StandardCharsets.UTF_8)).repeat(2)).displayName("emulator").build();
    /** Who started a multipart upload: the owner, as {@code Initiator}. */
    static final Initiator INITIATOR = Initiator.builder().id(OWNER.id()).displayName(OWNER.displayName()).build();

    private BucketOwner() {
    }
}
