package io.eventharness.emulator.sqs;

import io.eventharness.emulator.core.Arn;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * One queue, free of HTTP: its attributes, tags and times, its messages ({@link QueueMessages}) and its long-poll
 * waiters. Everything about a queue changes through its methods, under its own lock. Times are emulated epoch
 * millis from the clock it is given.
 *
 * <p>Waiting is event-driven: a receive with nothing to take waits on the queue's condition, which every change
 * that can make a message receivable signals (a send, a message moved here or put back, a deleted message, a
 * changed visibility; {@link #wakeWaiters} when the emulator's clock moves), and otherwise at most until the
 * next message becomes visible.
 */
final class SqsQueue {
    /** PurgeQueue: one purge a minute. */
    private static final long PURGE_INTERVAL_MILLIS = 60_000;

    private final Arn arn;
    private final boolean fifo;
    private final long createdMillis;
    private final LongSupplier clock;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    /** Guarded by {@link #lock}. */
    private final QueueMessages messages;
    /** Replaced whole, under the lock, so a reader sees one version. */
    private volatile QueueAttributes attributes;
    /** Unmodifiable; replaced whole, under the lock. */
    private volatile Map<String, String> tags;
    private volatile long modifiedMillis;
    /** Guarded by {@link #lock}. */
    private long lastPurgeMillis = Long.MIN_VALUE / 2;
    /** Guarded by {@link #lock}. */
    private boolean deleted;
    /** Called at every change, under the lock (internal consumers: {@link QueueConsumers}). */
    private final List<Runnable> watchers;

    /**
     * A queue named by the ARN's resource; FIFO when the name ends with {@code .fifo}.
     *
     * @param watchers called at every change that can make a message receivable, under the lock; a live list
     */
    SqsQueue(Arn arn, Map<String, String> attributes, Map<String, String> tags, LongSupplier clock, List<Runnable> watchers) {
        this.arn = arn;
        this.watchers = watchers;
        this.fifo = arn.resource().endsWith(".fifo");
        this.clock = clock;
        this.createdMillis = clock.getAsLong();
        this.modifiedMillis = createdMillis;
        this.attributes = new QueueAttributes(attributes);
        this.tags = Collections.unmodifiableMap(new LinkedHashMap<>(tags));
        this.messages = new QueueMessages(fifo);
    }

    Arn arn() {
        return arn;
    }

    String name() {
        return arn.resource();
    }

    boolean fifo() {
        return fifo;
    }

    /** {@code <endpoint>/<account>/<name>}, the URL a client uses at that endpoint. */
    String url(String endpoint) {
        return endpoint + "/" + arn.account() + "/" + name();
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
    void setAttributes(Map<String, String> changes) {
        lock.lock();
        try {
            attributes = attributes.with(changes);
            modifiedMillis = clock.getAsLong();
        } finally {
            lock.unlock();
        }
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

    private void changeTags(Consumer<Map<String, String>> change) {
        lock.lock();
        try {
            Map<String, String> next = new LinkedHashMap<>(tags);
            change.accept(next);
            tags = Collections.unmodifiableMap(next);
        } finally {
            lock.unlock();
        }
    }

    /** Enqueues a message, visible {@code delayMillis} after it was sent (see {@link QueueMessages#add}). */
    SentMessage send(SqsMessage message, long delayMillis) {
        lock.lock();
        try {
            SentMessage sent = messages.add(message, message.sentMillis() + delayMillis, clock.getAsLong());
            signalChange();
            return sent;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Receives up to {@code max} visible messages, waiting up to {@code waitMillis} of real time for the first
     * one (long polling: the client's request waits that long). Received messages stay invisible for
     * {@code visibilityMillis} of the emulator's time. With {@code waitMillis} 0 it never waits.
     */
    List<ReceivedMessage> receive(int max, long visibilityMillis, long waitMillis, DeadLetters deadLetters) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(waitMillis);
        while (true) {
            QueueMessages.Taken taken;
            lock.lock();
            try {
                if (deleted) {
                    throw SqsErrors.queueDoesNotExist();
                }
                long now = clock.getAsLong();
                expire(now);
                taken = messages.take(max, visibilityMillis, now, deadLetters.maxReceiveCount(this), arn);
                if (taken.isEmpty()) {
                    long remaining = deadline - System.nanoTime();
                    if (remaining <= 0) {
                        return List.of();
                    }
                    long untilVisible = taken.nextVisibleMillis() == Long.MAX_VALUE ? Long.MAX_VALUE
                            : TimeUnit.MILLISECONDS.toNanos(Math.max(1, taken.nextVisibleMillis() - now));
                    changed.awaitNanos(Math.min(remaining, untilVisible));
                    continue;
                }
            } finally {
                lock.unlock();
            }
            for (QueuedMessage m : taken.toDeadLetter()) {
                if (!deadLetters.moveToDeadLetterQueue(this, m)) {
                    restore(m); // the dead-letter queue went away since maxReceiveCount(): never drop the message
                }
            }
            if (!taken.received().isEmpty() || System.nanoTime() >= deadline) {
                return taken.received();
            }
        }
    }

    /** Puts back, in its place, a message taken for a dead-letter queue that turned out to be gone. */
    private void restore(QueuedMessage m) {
        lock.lock();
        try {
            if (deleted) {
                return;
            }
            messages.restore(m);
            signalChange();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Enqueues a message moved here from another queue's redrive, keeping its id, body and receive history;
     * false when this queue was deleted meanwhile (the source keeps the message).
     */
    boolean acceptDeadLetter(QueuedMessage original) {
        lock.lock();
        try {
            if (deleted) {
                return false;
            }
            messages.addDeadLetter(original, clock.getAsLong());
            signalChange();
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Deletes the message of a current receipt handle; a stale handle succeeds without deleting, as in AWS. */
    void delete(ReceiptHandle handle) {
        lock.lock();
        try {
            QueuedMessage m = messages.current(handle);
            if (m != null) {
                messages.remove(m);
                signalChange();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Deletes the messages of these current receipt handles at once (stale ones delete nothing). */
    void delete(Collection<ReceiptHandle> handles) {
        lock.lock();
        try {
            boolean any = false;
            for (ReceiptHandle h : handles) {
                QueuedMessage m = messages.current(h);
                if (m != null) {
                    messages.remove(m);
                    any = true;
                }
            }
            if (any) {
                signalChange();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Whether a receive now would take a message or move one to the dead-letter queue. */
    boolean hasReceivable() {
        lock.lock();
        try {
            long now = clock.getAsLong();
            expire(now);
            return !deleted && messages.hasReceivable(now);
        } finally {
            lock.unlock();
        }
    }

    /** When the next message invisible now becomes visible (emulated epoch millis); {@code Long.MAX_VALUE} when none. */
    long nextVisibleMillis() {
        lock.lock();
        try {
            return messages.nextVisibleMillis(clock.getAsLong());
        } finally {
            lock.unlock();
        }
    }

    /** Ends or extends the invisibility of a received message; MessageNotInflight unless it is in flight. */
    void changeVisibility(ReceiptHandle handle, long visibilityMillis) {
        lock.lock();
        try {
            QueuedMessage m = messages.current(handle);
            long now = clock.getAsLong();
            if (m == null || !m.inFlightAt(now)) {
                throw SqsErrors.messageNotInflight();
            }
            m.hideUntil(now + visibilityMillis);
            signalChange();
        } finally {
            lock.unlock();
        }
    }

    /** Deletes every message; PurgeQueueInProgress within a minute of the last purge. */
    void purge() {
        lock.lock();
        try {
            long now = clock.getAsLong();
            if (now - lastPurgeMillis < PURGE_INTERVAL_MILLIS) {
                throw SqsErrors.purgeInProgress(name());
            }
            messages.clear();
            lastPurgeMillis = now;
        } finally {
            lock.unlock();
        }
    }

    QueueCounts counts() {
        lock.lock();
        try {
            long now = clock.getAsLong();
            expire(now);
            return messages.counts(now);
        } finally {
            lock.unlock();
        }
    }

    /** Wakes long-polling receivers so they re-check visibility (the clock moved). */
    void wakeWaiters() {
        lock.lock();
        try {
            signalChange();
        } finally {
            lock.unlock();
        }
    }

    /** The queue is gone: its messages too, and waiting receivers get QueueDoesNotExist. */
    void markDeleted() {
        lock.lock();
        try {
            deleted = true;
            messages.clear();
            signalChange();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Under the lock: something happened that can make a message receivable (or the queue is gone); every
     * waiting receiver re-checks, and every watcher is told. The one place a queue tells of its changes.
     */
    private void signalChange() {
        changed.signalAll();
        for (Runnable w : watchers) {
            w.run();
        }
    }

    private void expire(long now) {
        messages.expire(now, attributes.intValue("MessageRetentionPeriod") * 1000L);
    }
}
