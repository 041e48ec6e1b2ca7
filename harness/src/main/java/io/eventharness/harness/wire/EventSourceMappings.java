package io.eventharness.harness.wire;

import io.eventharness.harness.observe.Await;
import java.time.Duration;
import java.util.Map;
import software.amazon.awssdk.arns.Arn;
import software.amazon.awssdk.services.lambda.model.GetEventSourceMappingResponse;
import software.amazon.awssdk.services.lambda.model.InvalidParameterValueException;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The event source mappings {@link Wiring} creates (a queue's, a Kinesis or DynamoDB stream's): CreateEventSourceMapping
 * retried while a fresh execution role's policies have not reached Lambda, then a wait for the state asked for; each
 * is told in the failure story with its state, its last processing result and what a queue or on-failure destination
 * holds then.
 */
final class EventSourceMappings {
    /** How long AWS may take to enable a new mapping (seconds, usually). */
    static final Duration MAPPING_STATE = Duration.ofMinutes(2);

    private final WiringClients c;
    private final Await await;
    private final Wires wires;

    EventSourceMappings(WiringClients clients, Await await, Wires wires) {
        this.c = clients;
        this.await = await;
        this.wires = wires;
    }

    /** The mapping of a queue ({@link Wiring#sqsToLambda(String, FunctionTarget, SqsMapping)}). */
    Mapping fromQueue(String queueUrl, String queueArn, FunctionTarget fn, SqsMapping options) {
        String uuid = await.atMost(Wiring.ROLE_PROPAGATION).retrying("the event source mapping " + queueArn + " -> " + fn.name(),
                () -> c.lambda().createEventSourceMapping(b -> {
                    b.eventSourceArn(queueArn).functionName(fn.name());
                    options.applyTo(b);
                }).uuid(),
                EventSourceMappings::rolePermissionsNotSeenYet);
        Mapping m = new Mapping(c.lambda(), uuid, await.atMost(MAPPING_STATE));
        wires.add(new Wires.Wire("queue " + Wiring.lastSegment(queueUrl), "function " + fn.name(), options.toString(), () -> {
            GetEventSourceMappingResponse d = m.describe();
            return d.state() + ", last result: " + d.lastProcessingResult()
                    + (d.stateTransitionReason() == null ? "" : " (" + d.stateTransitionReason() + ")");
        }, queueUrl, m));
        return m.awaitState(options.enabled() ? Mapping.ENABLED : Mapping.DISABLED);
    }

    /** The mapping of a Kinesis or DynamoDB stream, told in the story as coming {@code from} it. */
    Mapping fromStream(String streamArn, String from, FunctionTarget fn, StreamMapping options) {
        String uuid = await.atMost(Wiring.ROLE_PROPAGATION).retrying("the event source mapping " + streamArn + " -> " + fn.name(),
                () -> c.lambda().createEventSourceMapping(b -> {
                    b.eventSourceArn(streamArn).functionName(fn.name());
                    options.applyTo(b);
                }).uuid(),
                EventSourceMappings::rolePermissionsNotSeenYet);
        Mapping m = new Mapping(c.lambda(), uuid, await.atMost(MAPPING_STATE));
        String onFailure = options.onFailureArn();
        wires.add(new Wires.Wire(from, "function " + fn.name(), options.toString(), () -> {
            GetEventSourceMappingResponse d = m.describe();
            return d.state() + ", last result: " + d.lastProcessingResult()
                    + (d.stateTransitionReason() == null ? "" : " (" + d.stateTransitionReason() + ")")
                    + (onFailure == null ? "" : "; " + destinationNow(onFailure));
        }, null, m));
        return m.awaitState(options.enabled() ? Mapping.ENABLED : Mapping.DISABLED);
    }

    /** What an on-failure destination holds now: a queue's depth, a bucket's failure records; a topic's nothing to tell. */
    private String destinationNow(String arn) {
        Arn a = Arn.fromString(arn);
        String name = a.resource().resource();
        return switch (a.service()) {
            case "sqs" -> "on-failure queue " + name + " holds " + depth(Wiring.queueUrlOf(c, arn));
            case "s3" -> "on-failure bucket " + name + " holds " + c.s3().listObjectsV2(b -> b.bucket(name).prefix("aws/lambda/"))
                    .keyCount() + " failure record(s)";
            default -> "on failure -> " + a.service() + " " + name;
        };
    }

    /** AWS's answer while a new execution role's policies have not reached Lambda. */
    static boolean rolePermissionsNotSeenYet(RuntimeException e) {
        return e instanceof InvalidParameterValueException && e.getMessage() != null
                && e.getMessage().contains("execution role does not have permissions");
    }


    /** {@code N message(s)[, M in flight]} of a queue now. */
    String depth(String queueUrl) {
        Map<QueueAttributeName, String> a = c.sqs().getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNames(
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))
                .attributes();
        String inFlight = a.getOrDefault(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE, "0");
        return a.getOrDefault(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, "0") + " message(s)"
                + ("0".equals(inFlight) ? "" : ", " + inFlight + " in flight");
    }
}
