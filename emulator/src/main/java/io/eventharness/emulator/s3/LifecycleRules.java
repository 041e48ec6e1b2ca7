package io.eventharness.emulator.s3;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.services.s3.model.ExpirationStatus;
import software.amazon.awssdk.services.s3.model.LifecycleExpiration;
import software.amazon.awssdk.services.s3.model.LifecycleRule;
import software.amazon.awssdk.services.s3.model.LifecycleRuleFilter;
import software.amazon.awssdk.services.s3.model.Tag;
import software.amazon.awssdk.services.s3.model.Transition;
import software.amazon.awssdk.services.s3.model.TransitionStorageClass;

/**
 * Lifecycle rules as S3 checks and applies them ("Managing the lifecycle of objects" in the S3 user guide): which
 * objects a rule's filter takes (a prefix, tags, sizes; the legacy rule-level {@code Prefix}), and when an action
 * falls due: {@code Days} after creation rounded up to the next midnight UTC, or on a {@code Date} (itself a
 * midnight UTC).
 */
final class LifecycleRules {
    private LifecycleRules() {
    }

    /**
     * A configuration's rules as S3 stores them (a rule without an ID gets one); MalformedXML, InvalidArgument or
     * InvalidRequest as S3 refuses them.
     */
    static List<LifecycleRule> validate(List<LifecycleRule> rules) {
        if (rules.isEmpty() || rules.size() > 1000) {
            throw S3Errors.malformedXml();
        }
        Set<String> ids = new HashSet<>();
        List<LifecycleRule> out = new ArrayList<>();
        for (LifecycleRule r : rules) {
            if (r.status() == null || r.status() == ExpirationStatus.UNKNOWN_TO_SDK_VERSION) {
                throw S3Errors.malformedXml();
            }
            if (r.prefix() != null && r.filter() != null || r.prefix() == null && r.filter() == null) {
                throw S3Errors.malformedXml();
            }
            String id = r.id() == null || r.id().isEmpty() ? io.eventharness.emulator.core.Ids.token(24) : r.id();
            if (id.length() > 255) {
                throw S3Errors.invalidArgument("ID length should not exceed allowed limit of 255");
            }
            if (!ids.add(id)) {
                throw S3Errors.invalidArgument("Rule ID must be unique. Found same ID for more than one rule");
            }
            if (r.expiration() == null && r.transitions().isEmpty() && r.noncurrentVersionExpiration() == null
                    && r.noncurrentVersionTransitions().isEmpty() && r.abortIncompleteMultipartUpload() == null) {
                throw S3Errors.invalidRequest("At least one action needs to be specified in a rule");
            }
            checkExpiration(r.expiration());
            for (Transition t : r.transitions()) {
                if (t.storageClass() == null || t.storageClass() == TransitionStorageClass.UNKNOWN_TO_SDK_VERSION
                        || (t.days() == null) == (t.date() == null)) {
                    throw S3Errors.malformedXml();
                }
                if (t.days() != null && t.days() < 0) {
                    throw S3Errors.invalidArgument("'Days' in Transition action must be nonnegative");
                }
                checkMidnight(t.date());
            }
            if (r.noncurrentVersionExpiration() != null && (r.noncurrentVersionExpiration().noncurrentDays() == null
                    || r.noncurrentVersionExpiration().noncurrentDays() <= 0)) {
                throw S3Errors.invalidArgument("'NoncurrentDays' for NoncurrentVersionExpiration action must be a positive integer");
            }
            if (r.abortIncompleteMultipartUpload() != null && (r.abortIncompleteMultipartUpload().daysAfterInitiation() == null
                    || r.abortIncompleteMultipartUpload().daysAfterInitiation() <= 0)) {
                throw S3Errors.invalidArgument("'DaysAfterInitiation' for AbortIncompleteMultipartUpload action must be a positive integer");
            }
            out.add(r.toBuilder().id(id).build());
        }
        return out;
    }

    private static void checkExpiration(LifecycleExpiration e) {
        if (e == null) {
            return;
        }
        int given = (e.days() != null ? 1 : 0) + (e.date() != null ? 1 : 0) + (e.expiredObjectDeleteMarker() != null ? 1 : 0);
        if (given != 1) {
            throw S3Errors.malformedXml();
        }
        if (e.days() != null && e.days() <= 0) {
            throw S3Errors.invalidArgument("'Days' for Expiration action must be a positive integer");
        }
        checkMidnight(e.date());
    }

    private static void checkMidnight(Instant date) {
        if (date != null && !date.atOffset(ZoneOffset.UTC).toLocalTime().equals(LocalTime.MIDNIGHT)) {
            throw S3Errors.invalidArgument("'Date' must be at midnight GMT");
        }
    }

    static boolean enabled(LifecycleRule r) {
        return r.status() == ExpirationStatus.ENABLED;
    }

    /** Whether a rule's filter takes this object (key, tags, size). */
    static boolean matches(LifecycleRule r, String key, ObjectTags tags, long size) {
        if (r.prefix() != null) {
            return key.startsWith(r.prefix());
        }
        LifecycleRuleFilter f = r.filter();
        if (f.and() != null) {
            return startsWith(key, f.and().prefix()) && f.and().tags().stream().allMatch(t -> hasTag(tags, t))
                    && sizeFits(size, f.and().objectSizeGreaterThan(), f.and().objectSizeLessThan());
        }
        return startsWith(key, f.prefix()) && (f.tag() == null || hasTag(tags, f.tag()))
                && sizeFits(size, f.objectSizeGreaterThan(), f.objectSizeLessThan());
    }

    /** Whether a rule's filter takes this object. */
    static boolean matches(LifecycleRule r, StoredObject o) {
        return matches(r, o.key(), o.tags(), o.size());
    }

    private static boolean startsWith(String key, String prefix) {
        return prefix == null || key.startsWith(prefix);
    }

    private static boolean hasTag(ObjectTags tags, Tag t) {
        return t.value() != null && t.value().equals(tags.map().get(t.key()));
    }

    private static boolean sizeFits(long size, Long greaterThan, Long lessThan) {
        return (greaterThan == null || size > greaterThan) && (lessThan == null || size < lessThan);
    }

    /** When an action of {@code days} after {@code since}, or on {@code date}, falls due: at a midnight UTC. */
    static Instant due(Integer days, Instant date, Instant since) {
        if (date != null) {
            return date;
        }
        Instant at = since.plus(days, ChronoUnit.DAYS);
        Instant midnight = at.truncatedTo(ChronoUnit.DAYS);
        return midnight.equals(at) ? at : midnight.plus(1, ChronoUnit.DAYS);
    }

    /**
     * The {@code x-amz-expiration} header for an object: the earliest expiration of the enabled rules that take it,
     * {@code expiry-date="<HTTP date>", rule-id="<id>"}; null when none does.
     */
    static String expirationHeader(List<LifecycleRule> rules, StoredObject o) {
        if (rules == null) {
            return null;
        }
        Instant first = null;
        String id = null;
        for (LifecycleRule r : rules) {
            LifecycleExpiration e = r.expiration();
            if (enabled(r) && e != null && (e.days() != null || e.date() != null) && matches(r, o)) {
                Instant due = due(e.days(), e.date(), o.lastModified());
                if (first == null || due.isBefore(first)) {
                    first = due;
                    id = r.id();
                }
            }
        }
        return first == null ? null : "expiry-date=\"" + io.eventharness.emulator.protocol.Shapes.formatInstant(first,
                software.amazon.awssdk.core.traits.TimestampFormatTrait.Format.RFC_822) + "\", rule-id=\"" + id + "\"";
    }
}
