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

    /**
     * The account's principal id in event records ({@code userIdentity} and the bucket's {@code ownerIdentity}):
     * AWS gives an Amazon customer id of upper-case letters and digits; this one is derived from the account id.
     */
    static final String PRINCIPAL_ID = "A" + Checksums.md5Hex(Account.ID.getBytes(StandardCharsets.UTF_8))
            .substring(0, 13).toUpperCase(java.util.Locale.ROOT);

    private BucketOwner() {
    }
}
