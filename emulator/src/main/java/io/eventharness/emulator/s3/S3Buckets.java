package io.eventharness.emulator.s3;

import io.eventharness.emulator.core.EmulatorClock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The buckets of the one account, by name, and the time S3 stamps on what it stores. Knows nothing of
 * requests: operations look buckets up here and change them through their own methods.
 */
final class S3Buckets {
    private final EmulatorClock clock;
    private final ConcurrentMap<String, S3Bucket> byName = new ConcurrentHashMap<>();

    S3Buckets(EmulatorClock clock) {
        this.clock = clock;
    }

    /** The bucket with this name; NoSuchBucket when there is none. */
    S3Bucket bucket(String name) {
        S3Bucket b = name == null ? null : byName.get(name);
        if (b == null) {
            throw S3Errors.noSuchBucket(name);
        }
        return b;
    }

    Optional<S3Bucket> find(String name) {
        return Optional.ofNullable(name == null ? null : byName.get(name));
    }

    /** Creates a bucket unless one of this name exists; returns the existing one then, null when created. */
    S3Bucket createIfAbsent(String name, String region) {
        return byName.putIfAbsent(name, new S3Bucket(name, region, now()));
    }

    /** Deletes an empty bucket (BucketNotEmpty otherwise). */
    void delete(S3Bucket b) {
        b.markDeleted();
        byName.remove(b.name(), b);
    }

    /** All buckets, by name. */
    List<S3Bucket> all() {
        return byName.values().stream().sorted(Comparator.comparing(S3Bucket::name)).toList();
    }

    /** Now, to the second: S3 keeps times as {@code Last-Modified} carries them. */
    Instant now() {
        return clock.now().truncatedTo(ChronoUnit.SECONDS);
    }

    /** Now, to the millisecond: what a retention date (given to the millisecond) is compared with. */
    Instant exactNow() {
        return clock.now();
    }
}
