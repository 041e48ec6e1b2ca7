/**
 * Amazon EventBridge Scheduler (the {@code scheduler} API, restJson1): schedules and schedule groups (with tags);
 * {@code at(...)}, {@code rate(...)} and {@code cron(...)} in a {@code ScheduleExpressionTimezone} with the daylight-saving
 * rules Scheduler documents (the shared {@code schedule} engine), {@code StartDate}, {@code EndDate},
 * {@code FlexibleTimeWindow}, {@code State}, {@code ActionAfterCompletion}; templated targets — Lambda functions
 * (invoked asynchronously), SQS queues (FIFO ones with a message group), SNS topics, EventBridge PutEvents — with
 * {@code Input} (and its context attributes), {@code RetryPolicy} and a dead-letter queue.
 *
 * <p><b>Layout</b> (the pattern of {@code sqs}): state — {@code ScheduleGroups} (per region; {@code default} exists
 * from its first use), {@code ScheduleGroup}, {@code Schedule} (a definition replaced whole by UpdateSchedule);
 * operations — {@code ScheduleOperations}, {@code GroupOperations}, {@code TagOperations}; {@code ScheduleRunner}
 * (occurrences on the clock, flexible windows, retries, the dead-letter queue, deletion after completion);
 * {@link io.eventharness.emulator.scheduler.SchedulerService} assembles them; {@code SchedulerErrors};
 * values — {@code ScheduleTarget}, {@code Paging}.
 *
 * <p><b>Differences from AWS.</b> An occurrence fires exactly at its time (AWS: within that minute), or within the
 * flexible window at an offset that is the same for a given schedule and occurrence. The execution role is stored,
 * not assumed (IAM is not enforced): a Lambda target needs no resource policy, an SQS target no queue policy, as
 * with a role that allows them. Every failed invocation is retried under the retry policy. Without {@code Input} a
 * target gets {@code {}}. An {@code at} time already past never fires. Universal targets
 * ({@code aws-sdk:<service>:<action>}), ECS, Kinesis and SageMaker targets and {@code KmsKeyArn} are refused, naming
 * them; a client token makes a repeated CreateSchedule return the same schedule.
 *
 * <p><b>May import:</b> {@code core}, {@code protocol} (its spec and {@code Call}), {@code delivery}, {@code schedule}.
 */
package io.eventharness.emulator.scheduler;
