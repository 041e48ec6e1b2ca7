package io.eventharness.emulator;

import io.eventharness.emulator.core.Account;
import io.eventharness.emulator.core.Arn;
import io.eventharness.emulator.delivery.Delivery;
import io.eventharness.emulator.iam.IamService;
import io.eventharness.emulator.lambda.LambdaService;
import io.eventharness.emulator.pipeline.PolicyAuthorizer;
import io.eventharness.emulator.policy.AccessRequest;
import io.eventharness.emulator.policy.AppliedPolicies;
import io.eventharness.emulator.policy.Decision;
import io.eventharness.emulator.policy.PolicyEvaluator;
import io.eventharness.emulator.policy.Principal;
import io.eventharness.emulator.s3.S3Service;
import io.eventharness.emulator.sns.SnsService;
import io.eventharness.emulator.sqs.SqsService;
import io.eventharness.emulator.sts.StsService;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.iam.model.Role;

/**
 * Where policy enforcement reads policies (a caller's from IAM and STS; a function's, a queue's or a topic's from
 * its service) and what it does with a denial: a line in the event trail naming the principal, the action, the
 * resource, AWS's reason and the statement that would allow it, and the list {@link #denials()}. It also judges
 * the one service-to-service hop that no other check covers: SNS delivering to a queue ({@link #snsToQueue}).
 */
final class Permissions implements PolicyAuthorizer.Policies {
    private final IamService iam;
    private final StsService sts;
    private final SqsService sqs;
    private final SnsService sns;
    private final LambdaService lambda;
    private final S3Service s3;
    private final Delivery delivery;
    private final List<Decision> denials = new ArrayList<>();

    Permissions(IamService iam, StsService sts, SqsService sqs, SnsService sns, LambdaService lambda, S3Service s3,
                Delivery delivery) {
        this.iam = iam;
        this.sts = sts;
        this.sqs = sqs;
        this.sns = sns;
        this.lambda = lambda;
        this.s3 = s3;
        this.delivery = delivery;
    }

    @Override
    public AppliedPolicies identity(Principal principal, String accessKeyId) {
        AppliedPolicies p = iam.identityPolicies(principal);
        StsService.SessionPolicies session = accessKeyId == null ? StsService.SessionPolicies.NONE
                : sts.sessionPolicies(principal, accessKeyId);
        if (session.none()) {
            return p;
        }
        List<AppliedPolicies.Source> sources = new ArrayList<>();
        if (session.inline() != null) {
            sources.add(AppliedPolicies.Source.of("the session's inline policy", session.inline()));
        }
        for (String arn : session.managedArns()) {
            Arn.tryParse(arn).flatMap(iam::managedPolicyDocument).ifPresent(d -> sources.add(AppliedPolicies.Source.of(arn, d)));
        }
        return p.withSession(sources);
    }

    @Override
    public AppliedPolicies.Source resource(String resourceArn) {
        Arn arn = Arn.tryParse(resourceArn).orElse(null);
        if (arn == null) {
            return null;
        }
        String doc = switch (arn.service()) {
            case "sqs" -> sqs.queuePolicy(arn);
            case "sns" -> sns.topicPolicy(arn);
            case "lambda" -> lambda.functionPolicy(arn).orElse(null);
            case "s3" -> s3.bucketPolicy(arn);
            case "iam" -> arn.resourceType().equals("role")
                    ? iam.role(arn).map(Role::assumeRolePolicyDocument).orElse(null) : null;
            default -> null;
        };
        return doc == null ? null : AppliedPolicies.Source.of("the resource-based policy of " + resourceArn, doc);
    }

    /**
     * Whether a queue's policy lets SNS send to it for a topic ({@code sns.amazonaws.com}, {@code sqs:SendMessage},
     * {@code aws:SourceArn} the topic): null when it does; otherwise the denial, recorded as any other, and its fix.
     */
    String snsToQueue(Arn queue, Arn topic, Instant now) {
        AccessRequest r = AccessRequest.of(Principal.service("sns.amazonaws.com"), "sqs:SendMessage", queue.toString(), now)
                .with("aws:SourceArn", topic.toString()).with("aws:SourceAccount", Account.ID);
        Decision d = PolicyEvaluator.evaluate(r, AppliedPolicies.NONE.withResource(resource(queue.toString())));
        if (d.allowed()) {
            return null;
        }
        synchronized (denials) {
            denials.add(d);
        }
        return d.message() + "; fix: " + d.fix();
    }

    /**
     * Whether a role's identity-based policies (and boundary) allow an action on a resource, as Lambda asks for a
     * function's execution role; a denial is recorded as any other.
     */
    boolean roleAllows(Arn role, String action, String resource, Instant now) {
        Principal session = Principal.roleSession(role, iam.role(role).map(r -> r.roleId()).orElse(null), "lambda");
        Decision d = PolicyEvaluator.evaluate(AccessRequest.of(session, action, resource, now),
                iam.identityPolicies(session).withResource(resource(resource)));
        if (!d.allowed()) {
            denied(d);
        }
        return d.allowed();
    }

    /** Records a denial: in the trail (the failure story shows it) and in {@link #denials()}. */
    void denied(Decision d) {
        synchronized (denials) {
            denials.add(d);
        }
        delivery.note(d.request().principal().display(), d.request().resource(), "denied " + d.request().action(),
                d.allowingStatement() == null ? "" : d.allowingStatement(), "denied: " + d.reason() + "; fix: " + d.fix());
    }

    /** Every denial since the emulator started, in order. */
    List<Decision> denials() {
        synchronized (denials) {
            return List.copyOf(denials);
        }
    }
}
