package io.eventharness.emulator.sqs;

import io.eventharness.emulator.core.Arn;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongSupplier;

/**
 * Every queue of the emulator, by name: one namespace for all regions (a name is taken once, whatever the
 * region). Lookup by name, by the URL a client holds, or by ARN (region and account must match too). Thread-safe.
 */
final class SqsQueues {
    private final Map<String, SqsQueue> byName = new ConcurrentHashMap<>();
    /** Who watches the queue of an ARN, whichever queue has that ARN now ({@link QueueConsumers#watch}). */
    private final Map<Arn, List<Runnable>> watchers = new ConcurrentHashMap<>();
    private final LongSupplier clock;

    SqsQueues(LongSupplier clock) {
        this.clock = clock;
    }

    /** A new queue with that ARN; when a queue of that name was created meanwhile, that one. */
    SqsQueue create(Arn arn, Map<String, String> attributes, Map<String, String> tags) {
        SqsQueue q = new SqsQueue(arn, attributes, tags, clock, watchersOf(arn));
        SqsQueue raced = byName.putIfAbsent(q.name(), q);
        return raced != null ? raced : q;
    }

    /** The watchers of the queue with this ARN, shared by every queue that has it (live: add and remove there). */
    List<Runnable> watchersOf(Arn arn) {
        return watchers.computeIfAbsent(arn, a -> new CopyOnWriteArrayList<>());
    }

    Optional<SqsQueue> byName(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /**
     * The queue a URL names ({@code …/<account>/<name>}: its last segment); MissingParameter without a URL,
     * QueueDoesNotExist when there is no such queue.
     */
    SqsQueue byUrl(String url) {
        SqsErrors.required(url, "QueueUrl");
        return byName(url.substring(url.lastIndexOf('/') + 1)).orElseThrow(SqsErrors::queueDoesNotExist);
    }

    /** The queue with exactly this ARN: a queue of that name in another region or account is not it. */
    Optional<SqsQueue> byArn(Arn arn) {
        return byName(arn.resource()).filter(q -> q.arn().equals(arn));
    }

    /** The queues whose name starts with the prefix, by name. */
    List<SqsQueue> withPrefix(String prefix) {
        return byName.values().stream().filter(q -> q.name().startsWith(prefix))
                .sorted(Comparator.comparing(SqsQueue::name)).toList();
    }

    /** The queues whose redrive policy names this one as their dead-letter queue, by name. */
    List<SqsQueue> deadLetterSourcesOf(SqsQueue dlq) {
        return withPrefix("").stream()
                .filter(q -> q.attributes().redrivePolicy().filter(p -> p.deadLetterTarget().equals(dlq.arn())).isPresent())
                .toList();
    }

    /** Removes the queue; its messages are gone and its waiting receivers fail. */
    void delete(SqsQueue q) {
        byName.remove(q.name(), q);
        q.markDeleted();
    }

    /** Wakes every long-polling receiver to re-check visibility (the emulator's clock moved). */
    void wakeWaiters() {
        byName.values().forEach(SqsQueue::wakeWaiters);
    }

    /** Ends every queue (the emulator closes): waiting receivers are woken and fail. */
    void close() {
        byName.values().forEach(SqsQueue::markDeleted);
    }
}
