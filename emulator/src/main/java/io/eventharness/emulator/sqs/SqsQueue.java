package io.eventharness.emulator.sqs;

import io.eventharness.emulator.core.Arn;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * One queue, free of HTTP: its attributes, tags and times ({@link QueueSettings}), its messages ({@link QueueMessages})
 * and its long-poll waiters. Everything about a queue changes through its methods; its messages under its own lock.
 * Times are emulated epoch millis from the clock it is given.
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
    private final LongSupplier clock;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    /** Guarded by {@link #lock}. */
    private final QueueMessages messages;
    /** Its attributes, tags and times. */
    private final QueueSettings settings;
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
        this.settings = new QueueSettings(attributes, tags, clock);
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
        return settings.createdMillis();
    }

    /** When the attributes were last set (the creation time until then). */
    long modifiedMillis() {
        return settings.modifiedMillis();
    }

    /** The settable attributes, defaults included. */
    QueueAttributes attributes() {
        return settings.attributes();
    }

    /** Sets validated attributes, all at once (an empty value removes one), and the modified time. */
    void setAttributes(Map<String, String> changes) {
        settings.setAttributes(changes);
    }

    /** The tags, unmodifiable. */
    Map<String, String> tags() {
        return settings.tags();
    }

    void tag(Map<String, String> added) {
        settings.tag(added);
    }

    void untag(Collection<String> keys) {
        settings.untag(keys);
    }

    /** Enqueues a message, visible {@code delayMillis} after it was sent (see {@link QueueMessages#add}). */
    SentMessage send(SqsMessage message, long delayMillis) {
        return locked(() -> {
            SentMessage sent = messages.add(message, message.sentMillis() + delayMillis, clock.getAsLong());
            signalChange();
            return sent;
        });
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
        lockedDo(() -> {
            if (deleted) {
                return;
            }
            messages.restore(m);
            signalChange();
        });
    }

    /**
     * Enqueues a message moved here from another queue's redrive, keeping its id, body and receive history;
     * false when this queue was deleted meanwhile (the source keeps the message).
     */
    boolean acceptDeadLetter(QueuedMessage original) {
        return locked(() -> {
            if (deleted) {
                return false;
            }
            messages.addDeadLetter(original, clock.getAsLong());
            signalChange();
            return true;
        });
    }

    /** Deletes the message of a current receipt handle; a stale handle succeeds without deleting, as in AWS. */
    void delete(ReceiptHandle handle) {
        lockedDo(() -> {
            QueuedMessage m = messages.current(handle);
            if (m != null) {
                messages.remove(m);
                signalChange();
            }
        });
    }

    /** Deletes the messages of these current receipt handles at once (stale ones delete nothing). */
    void delete(Collection<ReceiptHandle> handles) {
        lockedDo(() -> {
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
        });
    }

    /** Whether a receive now would take a message or move one to the dead-letter queue. */
    boolean hasReceivable() {
        return locked(() -> {
            long now = clock.getAsLong();
            expire(now);
            return !deleted && messages.hasReceivable(now);
        });
    }

    /** When the next message invisible now becomes visible (emulated epoch millis); {@code Long.MAX_VALUE} when none. */
    long nextVisibleMillis() {
        return locked(() -> messages.nextVisibleMillis(clock.getAsLong()));
    }

    /** Ends or extends the invisibility of a received message; MessageNotInflight unless it is in flight. */
    void changeVisibility(ReceiptHandle handle, long visibilityMillis) {
        lockedDo(() -> {
            QueuedMessage m = messages.current(handle);
            long now = clock.getAsLong();
            if (m == null || !m.inFlightAt(now)) {
                throw SqsErrors.messageNotInflight();
            }
            m.hideUntil(now + visibilityMillis);
            signalChange();
        });
    }

    /** Deletes every message; PurgeQueueInProgress within a minute of the last purge. */
    void purge() {
        lockedDo(() -> {
            long now = clock.getAsLong();
            if (now - lastPurgeMillis < PURGE_INTERVAL_MILLIS) {
                throw SqsErrors.purgeInProgress(name());
            }
            messages.clear();
            lastPurgeMillis = now;
        });
    }

    QueueCounts counts() {
        return locked(() -> {
            long now = clock.getAsLong();
            expire(now);
            return messages.counts(now);
        });
    }

    /** Wakes long-polling receivers so they re-check visibility (the clock moved). */
    void wakeWaiters() {
        lockedDo(this::signalChange);
    }

    /** The queue is gone: its messages too, and waiting receivers get QueueDoesNotExist. */
    void markDeleted() {
        lockedDo(() -> {
            deleted = true;
            messages.clear();
            signalChange();
        });
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

    private <T> T locked(Supplier<T> action) {
        lock.lock();
        try {
            return action.get();
        } finally {
            lock.unlock();
        }
    }

    private void lockedDo(Runnable action) {
        lock.lock();
        try {
            action.run();
        } finally {
            lock.unlock();
        }
    }

    private void expire(long now) {
        messages.expire(now, settings.attributes().intValue("MessageRetentionPeriod") * 1000L);
    }
}
