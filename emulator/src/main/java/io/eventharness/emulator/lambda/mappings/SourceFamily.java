package io.eventharness.emulator.lambda.mappings;

import io.eventharness.emulator.core.Arn;
import java.util.List;
import software.amazon.awssdk.services.lambda.model.EventSourceMappingConfiguration;

/**
 * One family of event sources (SQS queues; Kinesis and DynamoDB streams): the rules of its parameters, its
 * words in the API's answers and errors, and its poller. The mapping's API, state and filter are common to all
 * ({@link EventSourceMappingOperations}, {@link EventSourceMapping}, {@link EventFilter}).
 */
interface SourceFamily {

    /** The service of the source ARNs this family takes ({@code sqs}). */
    String service();

    /**
     * Checks the parameters this family takes, refuses those it does not (as AWS does for this kind of source, or
     * because the emulator does not simulate them), and returns the settings they make. The function is left as in
     * {@code base} (null on create: the operations resolve it).
     *
     * @param base the mapping's settings before an update; null on create (defaults apply)
     */
    MappingSettings settings(MappingRequest r, MappingSettings base, Arn source);

    /**
     * Throws AWS's error when the source does not exist, or does not suit the function ({@code CreateEventSourceMapping},
     * and an update that changes the function).
     *
     * @param functionTimeoutSeconds the timeout of the function the mapping invokes
     */
    void checkSource(Arn source, int functionTimeoutSeconds);

    /** What the function's execution role must be allowed to do on the source for the mapping to read it. */
    List<String> readActions();

    /** Lambda's InvalidParameterValueException message when the role may not perform {@code action} on the source. */
    String roleDenied(Arn source, String action);

    /** The message of {@code ResourceConflictException} when this source already has a mapping to this function. */
    String duplicateMessage(Arn source, FunctionRef function, String existingUuid);

    /** {@code StateTransitionReason} as AWS answers it for this family ({@code USER_INITIATED} for SQS, {@code User action} for streams). */
    String stateTransitionReason();

    /** Adds what only this family answers ({@code ScalingConfig}, a stream's {@code StartingPosition}, ...). */
    void describe(EventSourceMapping.View v, EventSourceMappingConfiguration.Builder b);

    /** A poller for the mapping: it starts when the mapping is enabled. */
    Poller poller(EventSourceMapping mapping, MappingEnvironment env);
}
