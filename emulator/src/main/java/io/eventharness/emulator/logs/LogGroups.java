package io.eventharness.emulator.logs;

import io.eventharness.emulator.core.Account;
import java.util.Collection;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The log groups by name (one namespace for all regions), and the ways requests name them: by
 * {@code logGroupName}, by {@code logGroupIdentifier} (name or ARN), by {@code resourceArn}.
 */
final class LogGroups {
    private final ConcurrentSkipListMap<String, LogGroup> byName = new ConcurrentSkipListMap<>();

    static LogGroup newGroup(String name, String region, long now, String logGroupClass) {
        return new LogGroup(name, Account.arn("logs", region, "log-group:" + name), now, logGroupClass);
    }

    /** Adds a group; false if one of that name exists. */
    boolean add(LogGroup g) {
        return byName.putIfAbsent(g.name, g) == null;
    }

    /** The group, created in the default region if missing (the in-JVM API). */
    LogGroup getOrCreate(String name, long now) {
        return byName.computeIfAbsent(name, n -> newGroup(n, Account.DEFAULT_REGION, now, "STANDARD"));
    }

    LogGroup find(String name) {
        return byName.get(name);
    }

    boolean remove(String name) {
        return byName.remove(name) != null;
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
        LogGroup g = byName.get(nameOf(arn));
        if (g == null || !g.arn.equals(arn.endsWith(":*") ? arn.substring(0, arn.length() - 2) : arn)) {
            throw LogsErrors.resourceNotFound("The specified resource does not exist.");
        }
        return g;
    }

    /** The group name in {@code arn:aws:logs:<region>:<account>:log-group:<name>[:*]}, or the identifier itself. */
    static String nameOf(String identifier) {
        int i = identifier.indexOf(":log-group:");
        if (!identifier.startsWith("arn:") || i < 0) {
            return identifier;
        }
        String rest = identifier.substring(i + ":log-group:".length());
        return rest.endsWith(":*") ? rest.substring(0, rest.length() - 2) : rest;
    }
}
