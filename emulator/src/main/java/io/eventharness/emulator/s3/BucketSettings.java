package io.eventharness.emulator.s3;

import java.util.List;
import software.amazon.awssdk.services.s3.model.CORSRule;
import software.amazon.awssdk.services.s3.model.Grant;
import software.amazon.awssdk.services.s3.model.NotificationConfiguration;
import software.amazon.awssdk.services.s3.model.ObjectLockConfiguration;
import software.amazon.awssdk.services.s3.model.ObjectOwnership;
import software.amazon.awssdk.services.s3.model.PublicAccessBlockConfiguration;
import software.amazon.awssdk.services.s3.model.ServerSideEncryptionConfiguration;
import software.amazon.awssdk.services.s3.model.Tag;

/**
 * A bucket's configurations that S3 stores and returns and that change nothing of its objects by themselves: its
 * policy and public access block, its tags, its CORS rules, its object ownership and ACL, whether Object Lock is on
 * and its default retention, its lifecycle rules, its default encryption and its notification configuration. Each is kept as the SDK
 * model value it was validated as, replaced whole by its own method. Block Public Access is on and ownership is
 * {@code BucketOwnerEnforced} for a new bucket, as for every bucket S3 has created since April 2023.
 */
final class BucketSettings {
    static final PublicAccessBlockConfiguration ALL_BLOCKED = PublicAccessBlockConfiguration.builder().blockPublicAcls(true)
            .ignorePublicAcls(true).blockPublicPolicy(true).restrictPublicBuckets(true).build();

    private volatile String policy;
    private volatile PublicAccessBlockConfiguration publicAccessBlock = ALL_BLOCKED;
    private volatile List<Tag> tags;
    private volatile List<CORSRule> cors;
    private volatile ObjectOwnership ownership = ObjectOwnership.BUCKET_OWNER_ENFORCED;
    private volatile List<Grant> acl = Acls.ownerFullControl();
    private volatile boolean objectLockEnabled;
    private volatile List<software.amazon.awssdk.services.s3.model.LifecycleRule> lifecycle;
    private volatile ObjectLockConfiguration objectLock;
    /** The default encryption set with PutBucketEncryption; null for S3's own default, SSE-S3. */
    private volatile ServerSideEncryptionConfiguration encryption;
    private volatile NotificationConfiguration notifications = NotificationConfiguration.builder().build();

    /** The bucket policy (JSON, as given), or null. */
    String policy() {
        return policy;
    }

    void policy(String json) {
        policy = json;
    }

    /** The public access block, or null once deleted. */
    PublicAccessBlockConfiguration publicAccessBlock() {
        return publicAccessBlock;
    }

    void publicAccessBlock(PublicAccessBlockConfiguration c) {
        publicAccessBlock = c;
    }

    boolean blocks(java.util.function.Predicate<PublicAccessBlockConfiguration> setting) {
        PublicAccessBlockConfiguration c = publicAccessBlock;
        return c != null && setting.test(c);
    }

    /** The bucket's tags, or null when it has none (GetBucketTagging: NoSuchTagSet). */
    List<Tag> tags() {
        return tags;
    }

    void tags(List<Tag> tagSet) {
        tags = tagSet == null ? null : List.copyOf(tagSet);
    }

    /** The CORS rules, or null when there are none. */
    List<CORSRule> cors() {
        return cors;
    }

    void cors(List<CORSRule> rules) {
        cors = rules == null ? null : List.copyOf(rules);
    }

    /** Object ownership; null once the ownership controls are deleted (then ACLs work as before 2023: ObjectWriter). */
    ObjectOwnership ownership() {
        return ownership;
    }

    void ownership(ObjectOwnership o) {
        ownership = o;
    }

    /** Whether ACLs are disabled (BucketOwnerEnforced): only owner-full-control ACLs are accepted. */
    boolean aclsDisabled() {
        return ownership == ObjectOwnership.BUCKET_OWNER_ENFORCED;
    }

    List<Grant> acl() {
        return acl;
    }

    void acl(List<Grant> grants) {
        acl = List.copyOf(grants);
    }

    /** Whether Object Lock is enabled (at creation, or later on a versioned bucket); it cannot be turned off. */
    boolean objectLockEnabled() {
        return objectLockEnabled;
    }

    /** The Object Lock configuration (its default retention rule, if any); null until one is set. */
    ObjectLockConfiguration objectLock() {
        return objectLock;
    }

    /** Enables Object Lock with a (validated) configuration. */
    void objectLock(ObjectLockConfiguration c) {
        objectLock = c;
        objectLockEnabled = true;
    }

    /** The lifecycle rules (validated, each with its ID), or null when the bucket has none. */
    List<software.amazon.awssdk.services.s3.model.LifecycleRule> lifecycle() {
        return lifecycle;
    }

    void lifecycle(List<software.amazon.awssdk.services.s3.model.LifecycleRule> rules) {
        lifecycle = rules == null ? null : List.copyOf(rules);
    }

    /** The default encryption set with PutBucketEncryption; null when none was (SSE-S3 then). */
    ServerSideEncryptionConfiguration defaultEncryption() {
        return encryption;
    }

    /** Sets (a validated configuration) or resets (null: SSE-S3) the default encryption. */
    void defaultEncryption(ServerSideEncryptionConfiguration validated) {
        encryption = validated;
    }

    /** The notification configuration, with every configuration's id; empty when notifications are off. */
    NotificationConfiguration notifications() {
        return notifications;
    }

    /** Replaces the notification configuration with a validated one ({@link NotificationRules#validate}). */
    void notifications(NotificationConfiguration validated) {
        notifications = validated;
    }
}
