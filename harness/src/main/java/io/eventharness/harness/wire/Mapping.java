package io.eventharness.harness.wire;

import io.eventharness.harness.observe.Await;
import java.util.Optional;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.GetEventSourceMappingResponse;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;

/**
 * An event source mapping the wiring created: its UUID, its state now, and waits on its state. AWS answers
 * {@code Creating}, {@code Enabling}, {@code Disabling} or {@code Updating} first and reaches {@code Enabled} or
 * {@code Disabled} seconds later (the embedded emulator before the next call); the wiring returns a mapping once it
 * is {@code Enabled} (or {@code Disabled} when created so).
 *
 * <pre>{@code
 * Mapping m = cloud.wire().sqsToLambda(queueUrl, fn, SqsMapping.batchSize(10).disabled());
 * m.enable();                 // UpdateEventSourceMapping(Enabled: true), then waits for Enabled
 * m.awaitState("Enabled");
 * m.delete();                 // DeleteEventSourceMapping, then waits until it is gone
 * }</pre>
 */
public final class Mapping {
    public static final String ENABLED = "Enabled";
    public static final String DISABLED = "Disabled";

    private final LambdaClient lambda;
    private final String uuid;
    private final Await await;

    Mapping(LambdaClient lambda, String uuid, Await await) {
        this.lambda = lambda;
        this.uuid = uuid;
        this.await = await;
    }

    public String uuid() {
        return uuid;
    }

    /** {@code GetEventSourceMapping} now. */
    public GetEventSourceMappingResponse describe() {
        return lambda.getEventSourceMapping(b -> b.uuid(uuid));
    }

    /** {@code Enabled}, {@code Disabled}, {@code Creating}, ... now. */
    public String state() {
        return describe().state();
    }

    /** Waits until the mapping's state is {@code expected} ({@code Enabled}, {@code Disabled}); fails telling the story. */
    public Mapping awaitState(String expected) {
        await.until("event source mapping " + uuid + " to be " + expected, this::describe, m -> expected.equals(m.state()),
                m -> m.state() + (m.stateTransitionReason() == null ? "" : " (" + m.stateTransitionReason() + ")"));
        return this;
    }

    /** {@code UpdateEventSourceMapping(Enabled: true)}, then waits until it is {@code Enabled}. */
    public Mapping enable() {
        lambda.updateEventSourceMapping(b -> b.uuid(uuid).enabled(true));
        return awaitState(ENABLED);
    }

    /** {@code UpdateEventSourceMapping(Enabled: false)}, then waits until it is {@code Disabled}. */
    public Mapping disable() {
        lambda.updateEventSourceMapping(b -> b.uuid(uuid).enabled(false));
        return awaitState(DISABLED);
    }

    /**
     * {@code DeleteEventSourceMapping}, then waits until it is gone (AWS answers {@code Deleting} and takes seconds; a
     * batch being invoked finishes). A new mapping of the same source and function may be created then.
     */
    public void delete() {
        lambda.deleteEventSourceMapping(b -> b.uuid(uuid));
        await.until("event source mapping " + uuid + " to be deleted", () -> {
            try {
                return Optional.of(describe().state());
            } catch (ResourceNotFoundException gone) {
                return Optional.<String>empty();
            }
        }, Optional::isEmpty, s -> s.orElse("gone"));
    }

    @Override
    public String toString() {
        return "event source mapping " + uuid;
    }
}
