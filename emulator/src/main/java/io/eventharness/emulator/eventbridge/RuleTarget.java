package io.eventharness.emulator.eventbridge;

import io.eventharness.emulator.core.Arn;
import io.eventharness.emulator.schedule.RetryPolicy;
import software.amazon.awssdk.services.eventbridge.model.Target;

/**
 * One target of a rule, as PutTargets accepted it: where it goes, what it gets ({@link TargetInput}), the FIFO
 * message group of an SQS target, its retry policy and dead-letter queue; {@code given} is the target as the
 * client sent it (ListTargetsByRule answers with it).
 */
record RuleTarget(String id, Arn arn, TargetInput input, String messageGroupId, RetryPolicy retryPolicy, Arn deadLetterQueue,
                  Target given) {
}
