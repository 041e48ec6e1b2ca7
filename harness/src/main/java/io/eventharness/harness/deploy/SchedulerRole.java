package io.eventharness.harness.deploy;

import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;

/**
 * The execution role EventBridge Scheduler assumes to reach a schedule's target, one per test run (the
 * <a href="https://docs.aws.amazon.com/scheduler/latest/UserGuide/setting-up.html#setting-up-execution-role">Scheduler
 * guide's "execution role"</a>): trusts {@code scheduler.amazonaws.com} from this account, and its inline policy
 * {@value #INLINE_POLICY} allows {@code lambda:InvokeFunction}, {@code sqs:SendMessage}, {@code sns:Publish} and
 * {@code events:PutEvents} on this run's resources (names starting with the run prefix, and the default event bus) —
 * the targets and the dead-letter queues of the schedules the harness wires. Scheduler needs no resource policy on
 * the target: the role is the permission.
 *
 * <pre>{@code
 * String arn = SchedulerRole.ensure(iam, "eh1x2-scheduler", "eh1x2", "123456789012");
 * SchedulerRole.delete(iam, "eh1x2-scheduler");
 * }</pre>
 */
public final class SchedulerRole {
    public static final String INLINE_POLICY = "event-harness-schedule-targets";

    private SchedulerRole() {
    }

    /** The role's ARN, creating it if it does not exist; puts its policy either way (idempotent). */
    public static String ensure(IamClient iam, String roleName, String resourcePrefix, String account) {
        String arn;
        try {
            arn = iam.getRole(b -> b.roleName(roleName)).role().arn();
        } catch (NoSuchEntityException e) {
            arn = iam.createRole(b -> b.roleName(roleName).assumeRolePolicyDocument(trust(account))
                    .description("Event Harness: the role EventBridge Scheduler assumes to invoke test targets")).role().arn();
        }
        iam.putRolePolicy(b -> b.roleName(roleName).policyName(INLINE_POLICY).policyDocument(targets(resourcePrefix)));
        return arn;
    }

    /** Trusts Scheduler, for schedules of this account only (the confused-deputy condition the guide recommends). */
    static String trust(String account) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                + "\"Principal\":{\"Service\":\"scheduler.amazonaws.com\"},\"Action\":\"sts:AssumeRole\","
                + "\"Condition\":{\"StringEquals\":{\"aws:SourceAccount\":\"" + account + "\"}}}]}";
    }

    /** Invoke this run's functions, send to its queues and topics, put events on its buses and the default one. */
    static String targets(String prefix) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"ScheduleTargets\",\"Effect\":\"Allow\","
                + "\"Action\":[\"lambda:InvokeFunction\",\"sqs:SendMessage\",\"sns:Publish\",\"events:PutEvents\"],"
                + "\"Resource\":[\"arn:aws:lambda:*:*:function:" + prefix + "-*\",\"arn:aws:sqs:*:*:" + prefix + "-*\","
                + "\"arn:aws:sns:*:*:" + prefix + "-*\",\"arn:aws:events:*:*:event-bus/" + prefix + "-*\","
                + "\"arn:aws:events:*:*:event-bus/default\"]}]}";
    }

    /** Deletes the role and its policy; quiet when it is gone. */
    public static void delete(IamClient iam, String roleName) {
        ExecutionRole.delete(iam, roleName);
    }
}
