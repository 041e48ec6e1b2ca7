package io.eventharness.emulator.eventbridge;

import io.eventharness.emulator.core.Arn;
import io.eventharness.emulator.protocol.Call;
import io.eventharness.emulator.schedule.RetryPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.services.eventbridge.model.ListRuleNamesByTargetRequest;
import software.amazon.awssdk.services.eventbridge.model.ListRuleNamesByTargetResponse;
import software.amazon.awssdk.services.eventbridge.model.ListTargetsByRuleRequest;
import software.amazon.awssdk.services.eventbridge.model.ListTargetsByRuleResponse;
import software.amazon.awssdk.services.eventbridge.model.PutTargetsRequest;
import software.amazon.awssdk.services.eventbridge.model.PutTargetsResponse;
import software.amazon.awssdk.services.eventbridge.model.RemoveTargetsRequest;
import software.amazon.awssdk.services.eventbridge.model.RemoveTargetsResponse;
import software.amazon.awssdk.services.eventbridge.model.Target;

/**
 * {@code PutTargets}, {@code RemoveTargets}, {@code ListTargetsByRule}, {@code ListRuleNamesByTarget}. A target is
 * a Lambda function, an SQS queue (a FIFO queue with {@code SqsParameters.MessageGroupId}), an SNS topic or an
 * event bus, with at most one of {@code Input}, {@code InputPath}, {@code InputTransformer}, a {@code RetryPolicy}
 * and an SQS {@code DeadLetterConfig}; at most five per rule. Other target services and their parameters (Kinesis,
 * ECS, Batch, HTTP, ...) are refused, naming them.
 */
public final class TargetOperations {
    private static final Set<String> SERVICES = Set.of("lambda", "sqs", "sns", "events");
    private static final String ID_PATTERN = "[\\.\\-_A-Za-z0-9]+";

    private final EventBuses buses;

    TargetOperations(EventBuses buses) {
        this.buses = buses;
    }

    public PutTargetsResponse putTargets(PutTargetsRequest r, Call call) {
        EventBus bus = buses.require(r.eventBusName(), call.region());
        EventRule rule = RuleOperations.require(bus, r.rule(), "rule");
        List<RuleTarget> checked = new ArrayList<>();
        List<Target> given = r.hasTargets() ? r.targets() : List.of();
        for (int i = 0; i < given.size(); i++) {
            checked.add(check(given.get(i), i + 1));
        }
        rule.putTargets(checked);
        return PutTargetsResponse.builder().failedEntryCount(0).failedEntries(List.of()).build();
    }

    private static RuleTarget check(Target t, int n) {
        String member = "targets." + n + ".member.";
        if (t.id() == null) {
            throw EventBridgeErrors.constraint(null, member + "id", "Member must not be null");
        }
        if (t.id().length() > 64) {
            throw EventBridgeErrors.constraint(t.id(), member + "id", "Member must have length less than or equal to 64");
        }
        if (!t.id().matches(ID_PATTERN)) {
            throw EventBridgeErrors.constraint(t.id(), member + "id", "Member must satisfy regular expression pattern: " + ID_PATTERN);
        }
        if (t.arn() == null) {
            throw EventBridgeErrors.constraint(null, member + "arn", "Member must not be null");
        }
        Arn arn = Arn.tryParse(t.arn()).orElseThrow(() -> EventBridgeErrors.validation("Parameter " + t.arn() + " is not valid."));
        if (!SERVICES.contains(arn.service())) {
            throw EventBridgeErrors.notEmulated("Target " + t.id() + " (" + arn.service() + ": " + t.arn() + ")");
        }
        refuseOtherParameters(t);
        String group = null;
        if (t.sqsParameters() != null) {
            if (!arn.service().equals("sqs")) {
                throw EventBridgeErrors.validation("SqsParameters are only valid for an SQS target, not for target " + t.id() + ".");
            }
            group = t.sqsParameters().messageGroupId();
        }
        if (arn.service().equals("sqs") && arn.resource().endsWith(".fifo") && group == null) {
            throw EventBridgeErrors.validation("Parameter(s) SqsParameters must be specified for target: " + t.id() + ".");
        }
        RetryPolicy retry = RetryPolicy.DEFAULT;
        if (t.retryPolicy() != null) {
            Integer attempts = t.retryPolicy().maximumRetryAttempts();
            Integer age = t.retryPolicy().maximumEventAgeInSeconds();
            if (attempts != null && (attempts < 0 || attempts > 185)) {
                throw EventBridgeErrors.constraint(attempts, member + "retryPolicy.maximumRetryAttempts", "Member must have value between 0 and 185");
            }
            if (age != null && (age < 60 || age > 86400)) {
                throw EventBridgeErrors.constraint(age, member + "retryPolicy.maximumEventAgeInSeconds", "Member must have value between 60 and 86400");
            }
            retry = RetryPolicy.of(attempts, age);
        }
        Arn dlq = null;
        if (t.deadLetterConfig() != null && t.deadLetterConfig().arn() != null) {
            dlq = Arn.tryParse(t.deadLetterConfig().arn()).filter(a -> a.service().equals("sqs")).orElseThrow(() ->
                    EventBridgeErrors.validation("The DeadLetterConfig of target " + t.id() + " must be an SQS queue ARN: "
                            + t.deadLetterConfig().arn() + "."));
        }
        return new RuleTarget(t.id(), arn, TargetInput.of(t), group, retry, dlq, t);
    }

    private static void refuseOtherParameters(Target t) {
        String[] names = {"KinesisParameters", "RunCommandParameters", "EcsParameters", "BatchParameters", "HttpParameters",
                "RedshiftDataParameters", "SageMakerPipelineParameters", "AppSyncParameters"};
        Object[] values = {t.kinesisParameters(), t.runCommandParameters(), t.ecsParameters(), t.batchParameters(),
                t.httpParameters(), t.redshiftDataParameters(), t.sageMakerPipelineParameters(), t.appSyncParameters()};
        for (int i = 0; i < names.length; i++) {
            if (values[i] != null) {
                throw EventBridgeErrors.notEmulated(names[i] + " of target " + t.id());
            }
        }
    }

    public RemoveTargetsResponse removeTargets(RemoveTargetsRequest r, Call call) {
        EventBus bus = buses.require(r.eventBusName(), call.region());
        EventRule rule = RuleOperations.require(bus, r.rule(), "rule");
        rule.removeTargets(r.hasIds() ? r.ids() : List.of());
        return RemoveTargetsResponse.builder().failedEntryCount(0).failedEntries(List.of()).build();
    }

    public ListTargetsByRuleResponse listTargetsByRule(ListTargetsByRuleRequest r, Call call) {
        EventBus bus = buses.require(r.eventBusName(), call.region());
        EventRule rule = RuleOperations.require(bus, r.rule(), "rule");
        List<RuleTarget> targets = rule.targets().stream().sorted(java.util.Comparator.comparing(RuleTarget::id)).toList();
        Pages<RuleTarget> page = Pages.of(targets, RuleTarget::id, r.nextToken(), r.limit());
        return ListTargetsByRuleResponse.builder().nextToken(page.next())
                .targets(page.items().stream().map(RuleTarget::given).toList()).build();
    }

    public ListRuleNamesByTargetResponse listRuleNamesByTarget(ListRuleNamesByTargetRequest r, Call call) {
        if (r.targetArn() == null) {
            throw EventBridgeErrors.constraint(null, "targetArn", "Member must not be null");
        }
        EventBus bus = buses.require(r.eventBusName(), call.region());
        List<String> names = bus.rules().stream()
                .filter(rule -> rule.targets().stream().anyMatch(t -> t.arn().toString().equals(r.targetArn())))
                .map(EventRule::name).toList();
        Pages<String> page = Pages.of(names, n -> n, r.nextToken(), r.limit());
        return ListRuleNamesByTargetResponse.builder().ruleNames(page.items()).nextToken(page.next()).build();
    }
}
