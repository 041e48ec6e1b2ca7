package io.eventharness.emulator.scheduler;

import io.eventharness.emulator.protocol.Call;
import java.util.List;
import software.amazon.awssdk.services.scheduler.model.CreateScheduleGroupRequest;
import software.amazon.awssdk.services.scheduler.model.CreateScheduleGroupResponse;
import software.amazon.awssdk.services.scheduler.model.DeleteScheduleGroupRequest;
import software.amazon.awssdk.services.scheduler.model.DeleteScheduleGroupResponse;
import software.amazon.awssdk.services.scheduler.model.GetScheduleGroupRequest;
import software.amazon.awssdk.services.scheduler.model.GetScheduleGroupResponse;
import software.amazon.awssdk.services.scheduler.model.ListScheduleGroupsRequest;
import software.amazon.awssdk.services.scheduler.model.ListScheduleGroupsResponse;
import software.amazon.awssdk.services.scheduler.model.ScheduleGroupState;
import software.amazon.awssdk.services.scheduler.model.ScheduleGroupSummary;

/**
 * {@code CreateScheduleGroup}, {@code GetScheduleGroup}, {@code ListScheduleGroups}, {@code DeleteScheduleGroup}
 * (which deletes the group's schedules with it, as in AWS, at once rather than after a {@code DELETING} state).
 */
public final class GroupOperations {
    private final ScheduleGroups groups;
    private final ScheduleRunner runner;

    GroupOperations(ScheduleGroups groups, ScheduleRunner runner) {
        this.groups = groups;
        this.runner = runner;
    }

    public CreateScheduleGroupResponse createScheduleGroup(CreateScheduleGroupRequest r, Call call) {
        ScheduleOperations.checkName(r.name(), "name");
        ScheduleGroup g = groups.create(r.name(), call.region());
        if (r.hasTags()) {
            g.tag(TagOperations.tags(r.tags()));
        }
        return CreateScheduleGroupResponse.builder().scheduleGroupArn(g.arn().toString()).build();
    }

    public GetScheduleGroupResponse getScheduleGroup(GetScheduleGroupRequest r, Call call) {
        ScheduleGroup g = groups.require(r.name(), call.region());
        return GetScheduleGroupResponse.builder().arn(g.arn().toString()).name(g.name()).state(ScheduleGroupState.ACTIVE)
                .creationDate(g.created()).lastModificationDate(g.created()).build();
    }

    public ListScheduleGroupsResponse listScheduleGroups(ListScheduleGroupsRequest r, Call call) {
        List<ScheduleGroup> matching = groups.list(call.region()).stream()
                .filter(g -> r.namePrefix() == null || g.name().startsWith(r.namePrefix())).toList();
        Paging<ScheduleGroup> page = Paging.of(matching, ScheduleGroup::name, r.nextToken(), r.maxResults());
        return ListScheduleGroupsResponse.builder().nextToken(page.next()).scheduleGroups(page.items().stream().map(g ->
                ScheduleGroupSummary.builder().arn(g.arn().toString()).name(g.name()).state(ScheduleGroupState.ACTIVE)
                        .creationDate(g.created()).lastModificationDate(g.created()).build()).toList()).build();
    }

    public DeleteScheduleGroupResponse deleteScheduleGroup(DeleteScheduleGroupRequest r, Call call) {
        ScheduleGroup g = groups.delete(r.name(), call.region());
        g.schedules().forEach(s -> runner.reschedule(s, false));
        return DeleteScheduleGroupResponse.builder().build();
    }
}
