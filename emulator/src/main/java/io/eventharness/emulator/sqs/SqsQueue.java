package io.eventharness.emulator.sqs;

import io.eventharness.emulator.core.Ids;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

/**
 * One queue's state and rules, free of HTTP: messages in arrival order, visibility, delays,
 * retention, FIFO groups and deduplication, long-poll waiters. All times are emulated epoch millis.
 */
final class SqsQueue {
    /** How long a FIFO deduplication id is remembered (AWS: 5 minutes). */
    static final long DEDUP_WINDOW_MILLIS = 5 * 60_000L;
    private static final BigInteger SEQUENCE_BASE = new BigInteger("18800000000000000000");

    final String name;
    final String arn;
    final String region;
    final boolean fifo;
    final long createdMillis;
    volatile long modifiedMillis;
    final Map<String, String> attributes;
    final Map<String, String> tags = new LinkedHashMap<>();

    private final LongSupplier clock;
    private final LinkedList<SqsMessage> messages = new LinkedList<>();
    private final Map<String, long[]> dedup = new HashMap<>();
    private final Map<String, String> dedupMessageIds = new HashMap<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private long sequence;
    /** Counts enqueued messages: each message's {@link SqsMessage#position}. */
    private long enqueued;
    long lastPurgeMillis = Long.MIN_VALUE / 2;
    volatile boolean deleted;

    SqsQueue(String name, String arn, String region, Map<String, String> attributes, LongSupplier clock) {
        this.name = name;
        this.arn = arn;
        this.region = region;
        this.fifo = name.endsWith(".fifo");
        this.clock = clock;
        this.createdMillis = clock.getAsLong();
        this.modifiedMillis = createdMillis;
        this.attributes = attributes;
    }

    int intAttribute(String name) {
        return Integer.parseInt(attributes.get(name));
    }

    /** A message accepted by {@link #send}: its id, and for FIFO its sequence number. */
    record Sent(String messageId, String sequenceNumber, String md5OfBody, String md5OfAttributes) {
    }

    interface MessageFactory {
        SqsMessage create(String sequenceNumber);
    }

    /**
     * Enqueues a message. FIFO: a deduplication id seen in the last five minutes returns the first
     * message's id without enqueueing again.
     */
    Sent send(String deduplicationId, MessageFactory factory) {
        lock.lock();
        try {
            long now = clock.getAsLong();
            if (fifo && deduplicationId != null) {
                long[] seen = dedup.get(deduplicationId);
                if (seen != null && seen[0] > now) {
                    String id = dedupMessageIds.get(deduplicationId);
                    SqsMessage probe = factory.create(null);
                    return new Sent(id, sequenceString(seen[1]), probe.md5OfBody, probe.md5OfAttributes);
                }
            }
            String seq = null;
            if (fifo) {
                sequence++;
                seq = sequenceString(sequence);
            }
            SqsMessage m = factory.create(seq);
            m.position = ++enqueued;
            messages.addLast(m);
            if (fifo && deduplicationId != null) {
                dedup.put(deduplicationId, new long[]{now + DEDUP_WINDOW_MILLIS, sequence});
                dedupMessageIds.put(deduplicationId, m.messageId);
            }
            changed.signalAll();
            return new Sent(m.messageId, seq, m.md5OfBody, m.md5OfAttributes);
        } finally {
            lock.unlock();
        }
    }

    private static String sequenceString(long n) {
        return SEQUENCE_BASE.add(BigInteger.valueOf(n)).toString();
    }

    /** A received message and the receipt handle of this receive. */
    record Received(SqsMessage message, String receiptHandle) {
    }

    /** Where messages whose receive count reached the redrive limit go. */
    interface DeadLetters {
        /**
         * Called under no queue lock. False when the dead-letter queue is gone by now: the message is
         * not taken, and goes back into the source queue.
         */
        boolean moveToDeadLetterQueue(SqsQueue from, SqsMessage message);

        /**
         * The receive count past which a message moves; 0 when messages stay in the queue: it has no
         * redrive policy, or its dead-letter queue does not exist.
         */
        int maxReceiveCount(SqsQueue queue);
    }

    /**
     * Receives up to {@code max} visible messages, waiting up to {@code waitMillis} of real time for
     * the first one (long polling). Received messages stay invisible for {@code visibilityMillis}.
     */
    List<Received> receive(int max, long visibilityMillis, long waitMillis, DeadLetters deadLetters) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(waitMillis);
        while (true) {
            List<SqsMessage> toDeadLetter = new ArrayList<>();
            List<Received> out = new ArrayList<>();
            long nextVisible;
            lock.lock();
            try {
                if (deleted) {
                    throw SqsErrors.queueDoesNotExist();
                }
                long now = clock.getAsLong();
                expire(now);
                int maxReceives = deadLetters.maxReceiveCount(this);
                nextVisible = collect(max, visibilityMillis, now, maxReceives, out, toDeadLetter);
                if (out.isEmpty() && toDeadLetter.isEmpty()) {
                    long remaining = deadline - System.nanoTime();
                    if (remaining <= 0) {
                        return out;
                    }
                    long untilVisible = nextVisible == Long.MAX_VALUE ? Long.MAX_VALUE
                            : TimeUnit.MILLISECONDS.toNanos(Math.max(1, nextVisible - now));
                    changed.awaitNanos(Math.min(remaining, untilVisible));
                    continue;
                }
            } finally {
                lock.unlock();
            }
            for (SqsMessage m : toDeadLetter) {
                if (!deadLetters.moveToDeadLetterQueue(this, m)) {
                    restore(m); // the dead-letter queue went away since maxReceiveCount(): never drop the message
                }
            }
            if (!out.isEmpty() || System.nanoTime() >= deadline) {
                return out;
            }
        }
    }

    /** Under the lock: picks messages; returns the earliest time an invisible message becomes visible. */
    private long collect(int max, long visibilityMillis, long now, int maxReceives, List<Received> out,
                         List<SqsMessage> toDeadLetter) {
        long nextVisible = Long.MAX_VALUE;
        Set<String> blockedGroups = new HashSet<>();
        Iterator<SqsMessage> it = messages.iterator();
        while (it.hasNext() && out.size() < max) {
            SqsMessage m = it.next();
            if (fifo && blockedGroups.contains(m.groupId)) {
                continue;
            }
            if (!m.visibleAt(now)) {
                nextVisible = Math.min(nextVisible, m.visibleAtMillis);
                if (fifo) {
                    blockedGroups.add(m.groupId);
                }
                continue;
            }
            if (maxReceives > 0 && m.receiveCount >= maxReceives) {
                it.remove();
                toDeadLetter.add(m);
                continue;
            }
            m.receiveCount++;
            if (m.firstReceiveMillis == 0) {
                m.firstReceiveMillis = now;
            }
            m.visibleAtMillis = now + visibilityMillis;
            m.receiptToken = Ids.token(12);
            out.add(new Received(m, receiptHandle(m)));
        }
        return nextVisible;
    }

    /** Puts back, in its place, a message taken for a dead-letter queue that turned out to be gone. */
    private void restore(SqsMessage m) {
        lock.lock();
        try {
            if (deleted) {
                return;
            }
            java.util.ListIterator<SqsMessage> it = messages.listIterator();
            while (it.hasNext()) {
                if (it.next().position > m.position) {
                    it.previous();
                    break;
                }
            }
            it.add(m);
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Enqueues a message moved here from another queue's redrive, keeping its id and body; false when
     * this queue was deleted meanwhile (the source keeps the message).
     */
    boolean acceptDeadLetter(SqsMessage original) {
        lock.lock();
        try {
            if (deleted) {
                return false;
            }
            long now = clock.getAsLong();
            String seq = null;
            if (fifo) {
                sequence++;
                seq = sequenceString(sequence);
            }
            SqsMessage copy = new SqsMessage(original.messageId, original.body, original.attributes,
                    original.systemAttributes, original.sentMillis, now, original.senderId, original.groupId,
                    original.deduplicationId, seq != null ? seq : original.sequenceNumber);
            copy.receiveCount = original.receiveCount;
            copy.firstReceiveMillis = original.firstReceiveMillis;
            copy.position = ++enqueued;
            messages.addLast(copy);
            changed.signalAll();
            return true;
        } finally {
            lock.unlock();
        }
    }

    private String receiptHandle(SqsMessage m) {
        String raw = arn + "\n" + m.messageId + "\n" + m.receiptToken;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** {@code [queueArn, messageId, token]} of a receipt handle, or null when it is not one of ours. */
    static String[] parseReceiptHandle(String handle) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(handle), StandardCharsets.UTF_8);
            String[] p = raw.split("\n");
            return p.length == 3 ? p : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private SqsMessage byHandle(String handle) {
        String[] p = parseReceiptHandle(handle);
        if (p == null || !p[0].equals(arn)) {
            throw SqsErrors.receiptHandleIsInvalid(handle);
        }
        for (SqsMessage m : messages) {
            if (m.messageId.equals(p[1])) {
                return p[2].equals(m.receiptToken) ? m : null;
            }
        }
        return null;
    }

    /** Deletes the message of a current receipt handle; a stale handle succeeds without deleting, as in AWS. */
    void delete(String handle) {
        lock.lock();
        try {
            SqsMessage m = byHandle(handle);
            if (m != null) {
                messages.remove(m);
                changed.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    void changeVisibility(String handle, long visibilityMillis) {
        lock.lock();
        try {
            SqsMessage m = byHandle(handle);
            long now = clock.getAsLong();
            if (m == null || !m.inFlightAt(now)) {
                throw SqsErrors.messageNotInflight();
            }
            m.visibleAtMillis = now + visibilityMillis;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    void purge() {
        lock.lock();
        try {
            messages.clear();
            lastPurgeMillis = clock.getAsLong();
        } finally {
            lock.unlock();
        }
    }

    /** {@code [visible, inFlight, delayed]}. */
    int[] counts() {
        lock.lock();
        try {
            long now = clock.getAsLong();
            expire(now);
            int visible = 0;
            int inFlight = 0;
            int delayed = 0;
            for (SqsMessage m : messages) {
                if (m.delayedAt(now)) {
                    delayed++;
                } else if (m.inFlightAt(now)) {
                    inFlight++;
                } else {
                    visible++;
                }
            }
            return new int[]{visible, inFlight, delayed};
        } finally {
            lock.unlock();
        }
    }

    /** Wakes long-polling receivers so they re-check visibility (the clock moved). */
    void wakeWaiters() {
        lock.lock();
        try {
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void expire(long now) {
        long retention = intAttribute("MessageRetentionPeriod") * 1000L;
        messages.removeIf(m -> m.sentMillis + retention <= now);
        if (!dedup.isEmpty()) {
            dedup.entrySet().removeIf(e -> {
                boolean gone = e.getValue()[0] <= now;
                if (gone) {
                    dedupMessageIds.remove(e.getKey());
                }
                return gone;
            });
        }
    }

    void markDeleted() {
        lock.lock();
        try {
            deleted = true;
            messages.clear();
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
