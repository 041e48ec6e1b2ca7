package io.eventharness.emulator.s3;

import java.time.Instant;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import software.amazon.awssdk.services.s3.model.NotificationConfiguration;

/**
 * One bucket: its objects in key order, its multipart uploads in progress and its notification
 * configuration (kept as the SDK model object it was validated as).
 */
final class S3Bucket {
    final String name;
    final String region;
    final Instant created;
    final NavigableMap<String, StoredObject> objects = new ConcurrentSkipListMap<>(KeyOrder.UTF8);
    final Map<String, PendingUpload> uploads = new ConcurrentHashMap<>();
    volatile NotificationConfiguration notifications = NotificationConfiguration.builder().build();

    S3Bucket(String name, String region, Instant created) {
        this.name = name;
        this.region = region;
        this.created = created;
    }
}
