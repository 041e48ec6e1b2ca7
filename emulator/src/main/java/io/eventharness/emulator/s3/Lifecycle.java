package io.eventharness.emulator.s3;

import io.eventharness.emulator.core.AwsException;
import io.eventharness.emulator.core.EmulatorClock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.s3.model.LifecycleExpiration;
import software.amazon.awssdk.services.s3.model.LifecycleRule;
import software.amazon.awssdk.services.s3.model.NoncurrentVersionExpiration;
import software.amazon.awssdk.services.s3.model.Transition;

/**
 * Applies lifecycle configurations on the emulator's clock, as S3 does once a day: at each midnight UTC (while some
 * bucket has a configuration) every enabled rule's actions that fell due are taken ({@link LifecycleRules#due}):
 * an expired current object is removed ({@code LifecycleExpiration:Delete}; in a versioned bucket a delete marker
 * hides it, {@code LifecycleExpiration:DeleteMarkerCreated}), a delete marker left alone is removed
 * ({@code ExpiredObjectDeleteMarker}), noncurrent versions expire {@code NoncurrentDays} after they became noncurrent
 * (keeping {@code NewerNoncurrentVersions}), transitions change the storage class ({@code LifecycleTransition}), and
 * incomplete multipart uploads are aborted. A version under Object Lock is not removed.
 */
final class Lifecycle {
    private final EmulatorClock clock;
    private final S3Buckets buckets;
    private final ObjectEvents events;
    private EmulatorClock.Task next;

    Lifecycle(EmulatorClock clock, S3Buckets buckets, ObjectEvents events) {
        this.clock = clock;
        this.buckets = buckets;
        this.events = events;
    }

    /** Makes sure the next midnight's run is scheduled (a configuration was just set). */
    synchronized void scheduleNextRun() {
        if (next == null) {
            Instant midnight = clock.now().truncatedTo(ChronoUnit.DAYS).plus(1, ChronoUnit.DAYS);
            next = clock.schedule(midnight, this::run);
        }
    }

    private void run() {
        synchronized (this) {
            next = null;
        }
        boolean any = false;
        for (S3Bucket b : buckets.all()) {
            List<LifecycleRule> rules = b.settings().lifecycle();
            if (rules != null) {
                any = true;
                apply(b, rules, buckets.now());
            }
        }
        if (any) {
            scheduleNextRun();
        }
    }

    /** Takes every action of these rules that is due at {@code now}. */
    void apply(S3Bucket b, List<LifecycleRule> rules, Instant now) {
        for (LifecycleRule r : rules) {
            if (!LifecycleRules.enabled(r)) {
                continue;
            }
            for (Map.Entry<String, List<ObjectVersion>> e : b.versionsFrom(null).entrySet()) {
                versions(b, r, e.getKey(), e.getValue(), now);
            }
            if (r.abortIncompleteMultipartUpload() != null) {
                int days = r.abortIncompleteMultipartUpload().daysAfterInitiation();
                b.uploads().inProgress().stream().filter(u -> LifecycleRules.matches(r, u.key(), ObjectTags.NONE, 0))
                        .filter(u -> !LifecycleRules.due(days, null, u.initiated()).isAfter(now)).forEach(b.uploads()::abort);
            }
        }
    }

    private void versions(S3Bucket b, LifecycleRule r, String key, List<ObjectVersion> versions, Instant now) {
        LifecycleExpiration exp = r.expiration();
        if (versions.get(0) instanceof StoredObject current && LifecycleRules.matches(r, current)) {
            if (exp != null && (exp.days() != null || exp.date() != null)
                    && !LifecycleRules.due(exp.days(), exp.date(), current.lastModified()).isAfter(now)) {
                remove(b, key, null, current.etag(), now);
            } else {
                transition(b, r.transitions(), current, current.lastModified(), now);
            }
        }
        if (versions.size() == 1 && versions.get(0) instanceof DeleteMarker m && exp != null
                && Boolean.TRUE.equals(exp.expiredObjectDeleteMarker()) && LifecycleRules.matches(r, key, ObjectTags.NONE, 0)) {
            remove(b, key, m.versionId(), null, now);
        }
        NoncurrentVersionExpiration nce = r.noncurrentVersionExpiration();
        for (int i = 1; i < versions.size(); i++) {
            if (versions.get(i) instanceof StoredObject old && LifecycleRules.matches(r, old)) {
                Instant since = versions.get(i - 1).lastModified();
                boolean kept = nce != null && nce.newerNoncurrentVersions() != null && i <= nce.newerNoncurrentVersions();
                if (nce != null && !kept && !LifecycleRules.due(nce.noncurrentDays(), null, since).isAfter(now)) {
                    remove(b, key, old.versionId(), null, now);
                } else {
                    transition(b, r.noncurrentVersionTransitions().stream()
                            .map(t -> Transition.builder().days(t.noncurrentDays()).storageClass(t.storageClassAsString()).build())
                            .toList(), old, since, now);
                }
            }
        }
    }

    private void remove(S3Bucket b, String key, String versionId, String ifMatch, Instant now) {
        try {
            events.expired(b, b.delete(key, versionId, ifMatch, now, false));
        } catch (AwsException changedOrLocked) {
            // the object changed since this run read it, or Object Lock keeps the version: nothing to do
        }
    }

    /** Moves an object to the storage class of the latest transition due, if it is not there yet. */
    private void transition(S3Bucket b, List<Transition> transitions, StoredObject o, Instant since, Instant now) {
        Transition latest = null;
        Instant latestDue = null;
        for (Transition t : transitions) {
            Instant due = LifecycleRules.due(t.days(), t.date(), since);
            if (!due.isAfter(now) && (latestDue == null || due.isAfter(latestDue))) {
                latest = t;
                latestDue = due;
            }
        }
        if (latest == null || latest.storageClassAsString().equals(o.headers().storageClass())) {
            return;
        }
        String storageClass = latest.storageClassAsString();
        try {
            events.transitioned(b, b.change(o.key(), o.versionId(), x -> x == o ? x.withStorageClass(storageClass) : x));
        } catch (AwsException gone) {
            // removed since this run read it
        }
    }
}
