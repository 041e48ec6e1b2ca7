package io.eventharness.emulator.logs;

import io.eventharness.emulator.core.Account;
import io.eventharness.emulator.core.Arn;
import java.util.Collection;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The log groups by name (one namespace for all regions), and the ways requests name them: by
 * {@code logGroupName}, by {@code logGroupIdentifier} (name or ARN), by {@code resourceArn}. A concurrent map:
 * each group locks itself.
 */
final class LogGroups {
    private final ConcurrentSkipListMap<String, LogGroup> byName = new ConcurrentSkipListMap<>();
    private final AtomicLong seq = new AtomicLong();
    private final long maxBytesPerGroup;

    /** @param maxBytesPerGroup what a group keeps at most (messages plus 26 bytes per event); the oldest events go first */
    LogGroups(long maxBytesPerGroup) {
        if (maxBytesPerGroup < 1024) {
            throw new IllegalArgumentException("a log group must be allowed at least 1024 bytes: " + maxBytesPerGroup);
        }
        this.maxBytesPerGroup = maxBytesPerGroup;
    }

    /** A new group, not yet added. */
    LogGroup newGroup(String name, String region, long now, String logGroupClass) {
        return new LogGroup(name, region, now, logGroupClass, maxBytesPerGroup, seq::incrementAndGet);
    }

    /** Adds a group; ResourceAlreadyExists if one of that name exists. */
    void add(LogGroup g) {
        if (byName.putIfAbsent(g.name(), g) != null) {
            throw LogsErrors.groupExists();
        }
    }

    /** The group, created in the default region if missing (the in-JVM API). */
    LogGroup getOrCreate(String name, long now) {
        return byName.computeIfAbsent(name, n -> newGroup(n, Account.DEFAULT_REGION, now, "STANDARD"));
    }

    /** The group of that name, or null. */
    LogGroup find(String name) {
        return byName.get(name);
    }

    void remove(String name) {
        if (byName.remove(name) == null) {
            throw LogsErrors.groupNotFound();
        }
    }

    /** In name order, from after {@code after} (null: from the start). */
    Collection<LogGroup> after(String after) {
        return (after == null ? byName : byName.tailMap(after, false)).values();
    }

    /** The group a {@code logGroupName} names; ResourceNotFound if none. */
    LogGroup require(String name) {
        LogGroup g = byName.get(LogsLimits.groupName(name, "logGroupName"));
        if (g == null) {
            throw LogsErrors.groupNotFound();
        }
        return g;
    }

    /** A group given by {@code logGroupName} or {@code logGroupIdentifier} (its name or ARN), not both. */
    LogGroup require(String name, String identifier) {
        if (name != null && identifier != null) {
            throw LogsErrors.invalidParameter("LogGroup name and LogGroup ARN are mutually exclusive parameters.");
        }
        if (identifier != null) {
            return require(nameOf(identifier));
        }
        if (name == null) {
            throw LogsErrors.invalidParameter("Either logGroupName or logGroupIdentifier must be specified.");
        }
        return require(name);
    }

    /** The group of a {@code resourceArn} (TagResource and friends), with or without the trailing {@code :*}. */
    LogGroup requireByArn(String arn) {
        if (arn == null || !arn.startsWith("arn:")) {
            throw LogsErrors.constraint(arn, "resourceArn", "Member must satisfy regular expression pattern: [\\w+=/:,.@\\-*]*");
        }
        Arn given = Arn.tryParse(arn).map(LogGroups::withoutWildcard).orElse(null);
        LogGroup g = given == null ? null : byName.get(nameOf(arn));
        if (g == null || !g.arn().equals(given)) {
            throw LogsErrors.resourceNotFound("The specified resource does not exist.");
        }
        return g;
    }

    /** The group name in {@code arn:aws:logs:<region>:<account>:log-group:<name>[:*]}, or the identifier itself. */
    static String nameOf(String identifier) {
        return Arn.tryParse(identifier).filter(a -> a.resourceType().equals("log-group"))
                .map(a -> withoutWildcard(a).resourceId()).orElse(identifier);
    }

    /** A log group ARN without the {@code :*} DescribeLogGroups' {@code arn} ends with. */
    private static Arn withoutWildcard(Arn a) {
        String r = a.resource();
        return r.endsWith(":*") ? a.withResource(r.substring(0, r.length() - 2)) : a;
    }
}
