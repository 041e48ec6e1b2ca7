package io.eventharness.emulator.scheduler;

import io.eventharness.emulator.core.Arn;
import io.eventharness.emulator.schedule.RetryPolicy;
import java.util.Set;
import software.amazon.awssdk.services.scheduler.model.Target;

/**
 * A schedule's target, as CreateSchedule and UpdateSchedule accept it: a templated target — a Lambda function
 * (invoked asynchronously), an SQS queue (a FIFO queue with {@code SqsParameters.MessageGroupId}), an SNS topic, or
 * an event bus with {@code EventBridgeParameters} (PutEvents) — its {@code Input}, retry policy and dead-letter
 * queue; {@code given} is the target as the client sent it (GetSchedule answers with it). Universal targets
 * ({@code arn:aws:scheduler:::aws-sdk:<service>:<action>}), ECS, Kinesis and SageMaker targets are refused, naming
 * them.
 */
record ScheduleTarget(Arn arn, String input, String messageGroupId, String detailType, String source, RetryPolicy retryPolicy,
                      Arn deadLetterQueue, Target given) {
    private static final Set<String> SERVICES = Set.of("lambda", "sqs", "sns", "events");

    static ScheduleTarget of(Target t) {
        if (t == null) {
            throw SchedulerErrors.constraint(null, "target", "Member must not be null");
        }
        if (t.arn() == null || t.roleArn() == null) {
            throw SchedulerErrors.constraint(null, t.arn() == null ? "target.arn" : "target.roleArn", "Member must not be null");
        }
        Arn arn = Arn.tryParse(t.arn()).orElseThrow(() -> SchedulerErrors.validation("Invalid target arn " + t.arn() + "."));
        if (arn.service().equals("scheduler") && arn.resource().startsWith("aws-sdk:")) {
            throw SchedulerErrors.notEmulated("The universal target " + t.arn());
        }
        if (!SERVICES.contains(arn.service())) {
            throw SchedulerErrors.notEmulated("The target " + t.arn() + " (" + arn.service() + ")");
        }
        if (t.ecsParameters() != null || t.kinesisParameters() != null || t.sageMakerPipelineParameters() != null) {
            throw SchedulerErrors.notEmulated("EcsParameters, KinesisParameters and SageMakerPipelineParameters");
        }
        String group = t.sqsParameters() == null ? null : t.sqsParameters().messageGroupId();
        if (t.sqsParameters() != null && !arn.service().equals("sqs")) {
            throw SchedulerErrors.validation("SqsParameters are only valid for an SQS target.");
        }
        if (arn.service().equals("sqs") && arn.resource().endsWith(".fifo") && group == null) {
            throw SchedulerErrors.validation("Target SqsParameters.MessageGroupId is required for a FIFO queue.");
        }
        String detailType = null;
        String source = null;
        if (arn.service().equals("events")) {
            if (t.eventBridgeParameters() == null || t.eventBridgeParameters().detailType() == null
                    || t.eventBridgeParameters().source() == null) {
                throw SchedulerErrors.validation("Target EventBridgeParameters with DetailType and Source are required for an"
                        + " event bus target.");
            }
            detailType = t.eventBridgeParameters().detailType();
            source = t.eventBridgeParameters().source();
        } else if (t.eventBridgeParameters() != null) {
            throw SchedulerErrors.validation("EventBridgeParameters are only valid for an event bus target.");
        }
        RetryPolicy retry = RetryPolicy.DEFAULT;
        if (t.retryPolicy() != null) {
            Integer attempts = t.retryPolicy().maximumRetryAttempts();
            Integer age = t.retryPolicy().maximumEventAgeInSeconds();
            if (attempts != null && (attempts < 0 || attempts > 185)) {
                throw SchedulerErrors.constraint(attempts, "target.retryPolicy.maximumRetryAttempts", "Member must have value less than or equal to 185");
            }
            if (age != null && (age < 60 || age > 86400)) {
                throw SchedulerErrors.constraint(age, "target.retryPolicy.maximumEventAgeInSeconds", "Member must have value between 60 and 86400");
            }
            retry = RetryPolicy.of(attempts, age);
        }
        Arn dlq = null;
        if (t.deadLetterConfig() != null && t.deadLetterConfig().arn() != null) {
            dlq = Arn.tryParse(t.deadLetterConfig().arn()).filter(a -> a.service().equals("sqs") && !a.resource().endsWith(".fifo"))
                    .orElseThrow(() -> SchedulerErrors.validation("The dead-letter queue must be a standard SQS queue: "
                            + t.deadLetterConfig().arn() + "."));
        }
        return new ScheduleTarget(arn, t.input(), group, detailType, source, retry, dlq, t);
    }
}
