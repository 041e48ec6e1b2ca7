package io.eventharness.emulator.kinesis;

import io.eventharness.emulator.core.Arn;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link StreamListener}s of every stream, by stream ARN (a listener stays with the ARN: a stream deleted and
 * created again under the same name keeps them). A listener that throws is logged; the others still run.
 */
final class StreamListeners {
    private static final Logger LOG = LoggerFactory.getLogger(StreamListeners.class);

    private final Map<Arn, List<StreamListener>> byStream = new ConcurrentHashMap<>();

    /** Registers a listener; closing the handle removes it. */
    StreamListener.Registration add(Arn stream, StreamListener listener) {
        byStream.computeIfAbsent(stream, a -> new CopyOnWriteArrayList<>()).add(listener);
        return () -> byStream.getOrDefault(stream, List.of()).remove(listener);
    }

    void recordsAppended(Arn stream, Set<String> shardIds) {
        if (!shardIds.isEmpty()) {
            each(stream, l -> l.recordsAppended(stream, Set.copyOf(shardIds)));
        }
    }

    void resharded(Arn stream) {
        each(stream, l -> l.resharded(stream));
    }

    void deleted(Arn stream) {
        each(stream, l -> l.deleted(stream));
    }

    private void each(Arn stream, Consumer<StreamListener> call) {
        for (StreamListener l : byStream.getOrDefault(stream, List.of())) {
            try {
                call.accept(l);
            } catch (RuntimeException e) {
                LOG.warn("a listener of Kinesis stream {} failed", stream, e);
            }
        }
    }
}
