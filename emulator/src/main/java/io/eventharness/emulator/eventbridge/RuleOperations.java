package io.eventharness.emulator.eventbridge;

import io.eventharness.emulator.core.Account;
import io.eventharness.emulator.protocol.Call;
import io.eventharness.emulator.schedule.ScheduleExpression;
import java.util.List;
import software.amazon.awssdk.services.eventbridge.model.DeleteRuleRequest;
import software.amazon.awssdk.services.eventbridge.model.DeleteRuleResponse;
import software.amazon.awssdk.services.eventbridge.model.DescribeRuleRequest;
import software.amazon.awssdk.services.eventbridge.model.DescribeRuleResponse;
import software.amazon.awssdk.services.eventbridge.model.DisableRuleRequest;
import software.amazon.awssdk.services.eventbridge.model.DisableRuleResponse;
import software.amazon.awssdk.services.eventbridge.model.EnableRuleRequest;
import software.amazon.awssdk.services.eventbridge.model.EnableRuleResponse;
import software.amazon.awssdk.services.eventbridge.model.ListRulesRequest;
import software.amazon.awssdk.services.eventbridge.model.ListRulesResponse;
import software.amazon.awssdk.services.eventbridge.model.PutRuleRequest;
import software.amazon.awssdk.services.eventbridge.model.PutRuleResponse;
import software.amazon.awssdk.services.eventbridge.model.Rule;
import software.amazon.awssdk.services.eventbridge.model.RuleState;

/**
 * {@code PutRule}, {@code DescribeRule}, {@code ListRules}, {@code EnableRule}, {@code DisableRule},
 * {@code DeleteRule}: rules with an event pattern or a schedule ({@code rate}, {@code cron}, default bus only);
 * a rule's schedule starts, restarts or stops with it ({@link EventRouter#reschedule}).
 */
public final class RuleOperations {
    private static final String NAME_PATTERN = "[\\.\\-_A-Za-z0-9]+";

    private final EventBuses buses;
    private final EventRouter router;

    RuleOperations(EventBuses buses, EventRouter router) {
        this.buses = buses;
        this.router = router;
    }

    public PutRuleResponse putRule(PutRuleRequest r, Call call) {
        checkName(r.name());
        EventBus bus = buses.require(r.eventBusName(), call.region());
        if (r.eventPattern() == null && r.scheduleExpression() == null) {
            throw EventBridgeErrors.validation("Parameter(s) EventPattern or ScheduleExpression must be specified.");
        }
        ScheduleExpression schedule = null;
        if (r.scheduleExpression() != null) {
            if (!bus.name().equals(EventBuses.DEFAULT)) {
                throw EventBridgeErrors.validation("ScheduleExpression is supported only on the default event bus.");
            }
            try {
                schedule = ScheduleExpression.parse(r.scheduleExpression(), ScheduleExpression.Dialect.RULE);
            } catch (ScheduleExpression.Invalid e) {
                throw EventBridgeErrors.invalidSchedule();
            }
        }
        EventPattern pattern = r.eventPattern() == null ? null : EventPattern.compile(r.eventPattern());
        RuleState state = r.state() == null ? RuleState.ENABLED : r.state();
        if (state != RuleState.ENABLED && state != RuleState.DISABLED) {
            throw EventBridgeErrors.notEmulated("State " + r.stateAsString());
        }
        EventRule rule = bus.putRule(r.name(), new EventRule.Definition(pattern, r.scheduleExpression(), schedule,
                state == RuleState.ENABLED, r.description(), r.roleArn()));
        if (r.hasTags()) {
            rule.tag(TagOperations.tags(r.tags()));
        }
        router.reschedule(rule, true);
        return PutRuleResponse.builder().ruleArn(rule.arn().toString()).build();
    }

    static void checkName(String name) {
        if (name == null) {
            throw EventBridgeErrors.constraint(null, "name", "Member must not be null");
        }
        if (name.isEmpty() || name.length() > 64) {
            throw EventBridgeErrors.constraint(name, "name", "Member must have length less than or equal to 64");
        }
        if (!name.matches(NAME_PATTERN)) {
            throw EventBridgeErrors.constraint(name, "name", "Member must satisfy regular expression pattern: " + NAME_PATTERN);
        }
    }

    public DescribeRuleResponse describeRule(DescribeRuleRequest r, Call call) {
        EventBus bus = buses.require(r.eventBusName(), call.region());
        EventRule rule = require(bus, r.name(), "name");
        EventRule.Definition d = rule.definition();
        return DescribeRuleResponse.builder().name(rule.name()).arn(rule.arn().toString())
                .eventPattern(d.pattern() == null ? null : d.pattern().text()).scheduleExpression(d.scheduleText())
                .state(d.enabled() ? RuleState.ENABLED : RuleState.DISABLED).description(d.description()).roleArn(d.roleArn())
                .eventBusName(bus.name()).createdBy(Account.ID).build();
    }

    public ListRulesResponse listRules(ListRulesRequest r, Call call) {
        EventBus bus = buses.require(r.eventBusName(), call.region());
        List<EventRule> matching = bus.rules().stream()
                .filter(rule -> r.namePrefix() == null || rule.name().startsWith(r.namePrefix())).toList();
        Pages<EventRule> page = Pages.of(matching, EventRule::name, r.nextToken(), r.limit());
        return ListRulesResponse.builder().nextToken(page.next()).rules(page.items().stream().map(rule -> {
            EventRule.Definition d = rule.definition();
            return Rule.builder().name(rule.name()).arn(rule.arn().toString())
                    .eventPattern(d.pattern() == null ? null : d.pattern().text()).scheduleExpression(d.scheduleText())
                    .state(d.enabled() ? RuleState.ENABLED : RuleState.DISABLED).description(d.description())
                    .roleArn(d.roleArn()).eventBusName(bus.name()).build();
        }).toList()).build();
    }

    public EnableRuleResponse enableRule(EnableRuleRequest r, Call call) {
        setEnabled(r.eventBusName(), r.name(), call, true);
        return EnableRuleResponse.builder().build();
    }

    public DisableRuleResponse disableRule(DisableRuleRequest r, Call call) {
        setEnabled(r.eventBusName(), r.name(), call, false);
        return DisableRuleResponse.builder().build();
    }

    private void setEnabled(String busName, String name, Call call, boolean enabled) {
        EventBus bus = buses.require(busName, call.region());
        EventRule rule = require(bus, name, "name");
        rule.setEnabled(enabled);
        router.reschedule(rule, true);
    }

    /** Refused while the rule has targets (unless {@code Force}); a rule that is not there is no error. */
    public DeleteRuleResponse deleteRule(DeleteRuleRequest r, Call call) {
        EventBus bus = buses.require(r.eventBusName(), call.region());
        bus.rule(notNull(r.name(), "name")).ifPresent(rule -> {
            if (bus.deleteRule(r.name(), Boolean.TRUE.equals(r.force()))) {
                router.reschedule(rule, false);
            }
        });
        return DeleteRuleResponse.builder().build();
    }

    /** The rule named by the request's member {@code member}; ValidationException when the request names none. */
    static EventRule require(EventBus bus, String name, String member) {
        return bus.rule(notNull(name, member)).orElseThrow(() -> EventBridgeErrors.ruleNotFound(name, bus.name()));
    }

    /** A required member's value, or the model's {@code Member must not be null}. */
    static String notNull(String value, String member) {
        if (value == null) {
            throw EventBridgeErrors.constraint(null, member, "Member must not be null");
        }
        return value;
    }
}
