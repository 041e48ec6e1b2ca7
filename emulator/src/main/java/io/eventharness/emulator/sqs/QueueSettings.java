package io.eventharness.emulator.sqs;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * What a queue is set to, apart from its messages: its attributes (defaults included), its tags, when it was created
 * and when its attributes were last set (emulated epoch millis). Attributes and tags are replaced whole, so a reader
 * sees one version and never waits; writers take turns on this object's monitor. Only its {@link SqsQueue} changes it.
 */
final class QueueSettings {
    private final LongSupplier clock;
    private final long createdMillis;
    private volatile QueueAttributes attributes;
    /** Unmodifiable. */
    private volatile Map<String, String> tags;
    private volatile long modifiedMillis;

    QueueSettings(Map<String, String> attributes, Map<String, String> tags, LongSupplier clock) {
        this.clock = clock;
        this.createdMillis = clock.getAsLong();
        this.modifiedMillis = createdMillis;
        this.attributes = new QueueAttributes(attributes);
        this.tags = Collections.unmodifiableMap(new LinkedHashMap<>(tags));
    }

    long createdMillis() {
        return createdMillis;
    }

    /** When the attributes were last set (the creation time until then). */
    long modifiedMillis() {
        return modifiedMillis;
    }

    /** The settable attributes, defaults included. */
    QueueAttributes attributes() {
        return attributes;
    }

    /** Sets validated attributes, all at once (an empty value removes one), and the modified time. */
    synchronized void setAttributes(Map<String, String> changes) {
        attributes = attributes.with(changes);
        modifiedMillis = clock.getAsLong();
    }

    /** The tags, unmodifiable. */
    Map<String, String> tags() {
        return tags;
    }

    void tag(Map<String, String> added) {
        changeTags(t -> t.putAll(added));
    }

    void untag(Collection<String> keys) {
        changeTags(t -> t.keySet().removeAll(keys));
    }

    private synchronized void changeTags(Consumer<Map<String, String>> change) {
        Map<String, String> next = new LinkedHashMap<>(tags);
        change.accept(next);
        tags = Collections.unmodifiableMap(next);
    }
}
