package io.eventharness.emulator.logs;

import io.eventharness.emulator.core.EmulatorClock;
import io.eventharness.emulator.protocol.Call;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.cloudwatchlogs.model.CreateLogGroupRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.CreateLogGroupResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.DeleteLogGroupRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.DeleteLogGroupResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.DeleteRetentionPolicyRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.DeleteRetentionPolicyResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeLogGroupsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeLogGroupsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogGroupClass;
import software.amazon.awssdk.services.cloudwatchlogs.model.PutRetentionPolicyRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.PutRetentionPolicyResponse;

/** Log group operations: create, describe, delete, and the retention policy. */
public final class GroupOperations {
    private final EmulatorClock clock;
    private final LogGroups groups;

    GroupOperations(EmulatorClock clock, LogGroups groups) {
        this.clock = clock;
        this.groups = groups;
    }

    public CreateLogGroupResponse createLogGroup(CreateLogGroupRequest r, Call call) {
        String name = LogsLimits.groupName(r.logGroupName(), "logGroupName");
        if (name.startsWith("aws/")) {
            throw LogsErrors.invalidParameter("Log group names starting with 'aws/' are reserved for AWS.");
        }
        String cls = r.logGroupClassAsString() == null ? "STANDARD" : r.logGroupClassAsString();
        if (LogGroupClass.fromValue(cls) == LogGroupClass.UNKNOWN_TO_SDK_VERSION) {
            throw LogsErrors.constraint(cls, "logGroupClass", "Member must satisfy enum value set: [STANDARD, INFREQUENT_ACCESS, DELIVERY]");
        }
        LogGroup g = groups.newGroup(name, call.region(), clock.millis(), cls);
        g.tag(r.tags());
        groups.add(g);
        return CreateLogGroupResponse.builder().build();
    }

    public DeleteLogGroupResponse deleteLogGroup(DeleteLogGroupRequest r) {
        groups.remove(LogsLimits.groupName(r.logGroupName(), "logGroupName"));
        return DeleteLogGroupResponse.builder().build();
    }

    /**
     * DescribeLogGroups: by name, filtered by prefix or (case-sensitive substring) pattern, which are
     * mutually exclusive; with a pattern, only the name, creation time and ARN are returned.
     */
    public DescribeLogGroupsResponse describeLogGroups(DescribeLogGroupsRequest r) {
        if (r.logGroupNamePrefix() != null && r.logGroupNamePattern() != null) {
            throw LogsErrors.invalidParameter("LogGroup name prefix and LogGroup name pattern are mutually exclusive parameters.");
        }
        int limit = LogsLimits.limit(r.limit(), "limit", 1, 50, 50);
        String prefix = r.logGroupNamePrefix() == null ? null : LogsLimits.groupName(r.logGroupNamePrefix(), "logGroupNamePrefix");
        String pattern = r.logGroupNamePattern();
        List<String> identifiers = r.hasLogGroupIdentifiers() ? r.logGroupIdentifiers().stream().map(LogGroups::nameOf).toList() : null;
        String after = r.nextToken() == null ? null : LogsTokens.key("groups", r.nextToken());
        long now = clock.millis();
        List<software.amazon.awssdk.services.cloudwatchlogs.model.LogGroup> page = new ArrayList<>();
        String next = null;
        for (LogGroup g : groups.after(after)) {
            if (prefix != null && !g.name().startsWith(prefix) || pattern != null && !g.name().contains(pattern)
                    || identifiers != null && !identifiers.contains(g.name())
                    || r.logGroupClass() != null && !r.logGroupClassAsString().equals(g.logGroupClass())) {
                continue;
            }
            if (page.size() == limit) {
                next = LogsTokens.opaque("groups", page.get(page.size() - 1).logGroupName());
                break;
            }
            page.add(describe(g, pattern != null, now));
        }
        return DescribeLogGroupsResponse.builder().logGroups(page).nextToken(next).build();
    }

    private static software.amazon.awssdk.services.cloudwatchlogs.model.LogGroup describe(LogGroup g, boolean brief, long now) {
        var b = software.amazon.awssdk.services.cloudwatchlogs.model.LogGroup.builder()
                .logGroupName(g.name()).creationTime(g.creationTime()).arn(g.wildcardArn());
        if (brief) {
            return b.build();
        }
        return b.storedBytes(g.storedBytes(now)).retentionInDays(g.retentionInDays()).metricFilterCount(0)
                .logGroupClass(g.logGroupClass()).logGroupArn(g.arn().toString()).build();
    }

    public PutRetentionPolicyResponse putRetentionPolicy(PutRetentionPolicyRequest r) {
        LogGroup g = groups.require(r.logGroupName());
        g.retentionInDays(LogsLimits.retentionDays(r.retentionInDays()), clock.millis());
        return PutRetentionPolicyResponse.builder().build();
    }

    public DeleteRetentionPolicyResponse deleteRetentionPolicy(DeleteRetentionPolicyRequest r) {
        groups.require(r.logGroupName()).retentionInDays(null, clock.millis());
        return DeleteRetentionPolicyResponse.builder().build();
    }
}
