package io.eventharness.emulator.lambda.mappings;

import io.eventharness.emulator.core.Arn;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One event source mapping: its identity (UUID, ARN, source), its settings (replaced whole by an update), its
 * {@link MappingState}, its tags and its {@link Poller}. It changes only through its own transition methods, under its
 * own monitor; each answers the state AWS answers for that change ({@code Creating}, {@code Enabling}, ...) and
 * leaves the mapping {@code Enabled} or {@code Disabled}.
 */
final class EventSourceMapping {
    /** AWS: up to 50 tags per resource. */
    static final int MAX_TAGS = 50;

    /**
     * What the API answers about a mapping at one moment.
     *
     * @param lastProcessingResult its poller's {@link Poller#lastProcessingResult()}; null before it has one
     */
    record View(String uuid, Arn arn, Arn source, SourceFamily family, MappingSettings settings, MappingState state,
                Instant lastModified, String lastProcessingResult) {
    }

    private final String uuid;
    private final Arn arn;
    private final Arn source;
    private final SourceFamily family;
    private final Map<String, String> tags = new LinkedHashMap<>();
    /** Read by the poller without the monitor, at the start of each batch. */
    private volatile MappingSettings settings;
    private MappingState state;
    private Instant lastModified;
    private Poller poller;

    /** A new mapping: {@code Creating}, or {@code Disabled} when created disabled (AWS answers so). */
    EventSourceMapping(String uuid, Arn arn, Arn source, SourceFamily family, MappingSettings settings, Instant now) {
        this.uuid = uuid;
        this.arn = arn;
        this.source = source;
        this.family = family;
        this.settings = settings;
        this.state = settings.enabled() ? MappingState.CREATING : MappingState.DISABLED;
        this.lastModified = now;
    }

    String uuid() {
        return uuid;
    }

    Arn arn() {
        return arn;
    }

    Arn source() {
        return source;
    }

    SourceFamily family() {
        return family;
    }

    /** The settings now (a batch takes them when it starts). */
    MappingSettings settings() {
        return settings;
    }

    synchronized View view() {
        return new View(uuid, arn, source, family, settings, state, lastModified, poller == null ? null : poller.lastProcessingResult());
    }

    /** After the mapping joined the registry: a {@code Creating} mapping gets its poller started and is {@code Enabled}. */
    synchronized void activate(Poller p) {
        if (poller != null) {
            throw new IllegalStateException("mapping " + uuid + " is already active (" + state.awsName() + ")");
        }
        poller = p;
        if (state == MappingState.CREATING) {
            p.start();
            state = MappingState.ENABLED;
        }
    }

    /**
     * New settings ({@code UpdateEventSourceMapping}); returns what the update answers ({@code Enabling},
     * {@code Disabling} or {@code Updating}). The next batch takes them.
     *
     * @throws io.eventharness.emulator.core.AwsException ResourceInUseException while the mapping is being deleted
     */
    synchronized View update(MappingSettings next, Instant now) {
        if (state == MappingState.DELETING) {
            throw MappingErrors.inUse("Cannot update the event source mapping " + uuid + ": it is " + state.awsName() + ".");
        }
        boolean was = settings.enabled();
        boolean will = next.enabled();
        state = was == will ? MappingState.UPDATING : will ? MappingState.ENABLING : MappingState.DISABLING;
        settings = next;
        lastModified = now;
        View answer = view();
        if (will && !was) {
            poller.start();
        } else if (!will && was) {
            poller.stop();
        } else if (will) {
            poller.updated();
        }
        state = will ? MappingState.ENABLED : MappingState.DISABLED;
        return answer;
    }

    /**
     * {@code DeleteEventSourceMapping}: the poller stops (batches invoking finish); returns the {@code Deleting} answer.
     *
     * @throws io.eventharness.emulator.core.AwsException ResourceNotFoundException when it is being deleted already
     */
    synchronized View delete() {
        if (state == MappingState.DELETING) {
            throw MappingErrors.notFound();
        }
        state = MappingState.DELETING;
        View answer = view();
        if (poller != null) {
            poller.close();
        }
        return answer;
    }

    /** Work its poller could take up and has not yet (see {@link Poller#unsettled}). */
    void unsettled(java.util.List<String> out) {
        Poller p;
        synchronized (this) {
            if (state != MappingState.ENABLED) {
                return;
            }
            p = poller;
        }
        p.unsettled(out);
    }

    // ---- tags ----------------------------------------------------------------------------------

    synchronized Map<String, String> tags() {
        return new LinkedHashMap<>(tags);
    }

    /** Adds or replaces tags; InvalidParameterValueException when the mapping would have more than {@value #MAX_TAGS}. */
    synchronized void tag(Map<String, String> more) {
        Map<String, String> all = new LinkedHashMap<>(tags);
        all.putAll(more);
        if (all.size() > MAX_TAGS) {
            throw MappingErrors.invalid("Number of tags exceeds resource tag limit. A resource can have at most " + MAX_TAGS + " tags.");
        }
        tags.putAll(more);
    }

    synchronized void untag(Collection<String> keys) {
        keys.forEach(tags::remove);
    }
}
