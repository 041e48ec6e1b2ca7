package io.eventharness.emulator.sqs;

import io.eventharness.emulator.core.Arn;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedList;
import java.util.List;
import java.util.ListIterator;
import java.util.Map;
import java.util.Set;

/**
 * The messages of one queue, in arrival order, and its FIFO rules: sequence numbers, deduplication, groups held
 * back while one of their messages is invisible. Not thread-safe: its {@link SqsQueue} calls it under its lock.
 * All times are emulated epoch millis.
 */
final class QueueMessages {
    /** How long a FIFO deduplication id is remembered (AWS: 5 minutes). */
    static final long DEDUP_WINDOW_MILLIS = 5 * 60_000L;
    private static final BigInteger SEQUENCE_BASE = new BigInteger("18800000000000000000");

    /** A FIFO deduplication id seen lately: until when it counts, and the message it let in. */
    private record Deduplicated(long untilMillis, long sequence, String messageId) {
    }

    /**
     * What one pass of a receive took: the messages received, those whose receive count reached the redrive
     * limit (removed, for the dead-letter queue), and the earliest time an invisible message becomes visible
     * ({@code Long.MAX_VALUE} when none will).
     */
    record Taken(List<ReceivedMessage> received, List<QueuedMessage> toDeadLetter, long nextVisibleMillis) {
        boolean isEmpty() {
            return received.isEmpty() && toDeadLetter.isEmpty();
        }
    }

    private final boolean fifo;
    private final LinkedList<QueuedMessage> messages = new LinkedList<>();
    private final Map<String, Deduplicated> deduplication = new HashMap<>();
    private long sequence;
    /** At most the earliest {@code sentMillis} of the messages held ({@code Long.MAX_VALUE}: none): spares {@link #expire} a scan. */
    private long oldestSentMillis = Long.MAX_VALUE;
    /** At most the earliest end of a deduplication window held ({@code Long.MAX_VALUE}: none). */
    private long firstDeduplicationEnd = Long.MAX_VALUE;
    /** Counts enqueued messages: each message's {@link QueuedMessage#position()}. */
    private long enqueued;

    QueueMessages(boolean fifo) {
        this.fifo = fifo;
    }

    /**
     * Enqueues a message, visible from {@code visibleAtMillis}. FIFO: a deduplication id seen in the last five
     * minutes answers with the first message's id and sequence number, and enqueues nothing.
     */
    SentMessage add(SqsMessage m, long visibleAtMillis, long now) {
        String dedupId = fifo ? m.deduplicationId() : null;
        if (dedupId != null) {
            Deduplicated seen = deduplication.get(dedupId);
            if (seen != null && seen.untilMillis() > now) {
                return new SentMessage(seen.messageId(), sequenceString(seen.sequence()), m.md5OfBody(), m.md5OfAttributes());
            }
        }
        String seq = fifo ? sequenceString(++sequence) : null;
        messages.addLast(new QueuedMessage(m, seq, ++enqueued, visibleAtMillis));
        oldestSentMillis = Math.min(oldestSentMillis, m.sentMillis());
        if (dedupId != null) {
            deduplication.put(dedupId, new Deduplicated(now + DEDUP_WINDOW_MILLIS, sequence, m.messageId()));
            firstDeduplicationEnd = Math.min(firstDeduplicationEnd, now + DEDUP_WINDOW_MILLIS);
        }
        return new SentMessage(m.messageId(), seq, m.md5OfBody(), m.md5OfAttributes());
    }

    /** Enqueues a message another queue's redrive moved here, visible at once (FIFO: with a new sequence number). */
    void addDeadLetter(QueuedMessage original, long now) {
        String seq = fifo ? sequenceString(++sequence) : null;
        messages.addLast(original.movedTo(seq, ++enqueued, now));
        oldestSentMillis = Math.min(oldestSentMillis, original.message().sentMillis());
    }

    /** Puts back, in its place, a message taken for a dead-letter queue that turned out to be gone. */
    void restore(QueuedMessage m) {
        ListIterator<QueuedMessage> it = messages.listIterator();
        while (it.hasNext()) {
            if (it.next().position() > m.position()) {
                it.previous();
                break;
            }
        }
        it.add(m);
        oldestSentMillis = Math.min(oldestSentMillis, m.message().sentMillis());
    }

    /**
     * Receives up to {@code max} visible messages, in order, hiding each for {@code visibilityMillis}; FIFO skips
     * every group behind an invisible message. A message received {@code maxReceives} times already (when above
     * 0) is taken out for the dead-letter queue instead.
     */
    Taken take(int max, long visibilityMillis, long now, int maxReceives, Arn queue) {
        List<ReceivedMessage> received = new ArrayList<>();
        List<QueuedMessage> toDeadLetter = new ArrayList<>();
        long nextVisible = Long.MAX_VALUE;
        Set<String> blockedGroups = new HashSet<>();
        Iterator<QueuedMessage> it = messages.iterator();
        while (it.hasNext() && received.size() < max) {
            QueuedMessage m = it.next();
            String group = m.message().groupId();
            if (fifo && blockedGroups.contains(group)) {
                continue;
            }
            if (!m.visibleAt(now)) {
                nextVisible = Math.min(nextVisible, m.visibleAtMillis());
                if (fifo) {
                    blockedGroups.add(group);
                }
                continue;
            }
            if (maxReceives > 0 && m.receiveCount() >= maxReceives) {
                it.remove();
                toDeadLetter.add(m);
                continue;
            }
            received.add(m.receive(queue, now, visibilityMillis));
        }
        return new Taken(received, toDeadLetter, nextVisible);
    }

    /**
     * Whether {@link #take} now would receive a message or take one out for the dead-letter queue: a visible message
     * that, on a FIFO queue, no invisible message of its group precedes.
     */
    boolean hasReceivable(long now) {
        Set<String> blockedGroups = fifo ? new HashSet<>() : null;
        for (QueuedMessage m : messages) {
            String group = m.message().groupId();
            if (fifo && blockedGroups.contains(group)) {
                continue;
            }
            if (m.visibleAt(now)) {
                return true;
            }
            if (fifo) {
                blockedGroups.add(group);
            }
        }
        return false;
    }

    /** The earliest time a message that is invisible now (delayed or in flight) becomes visible; {@code Long.MAX_VALUE} if none. */
    long nextVisibleMillis(long now) {
        long next = Long.MAX_VALUE;
        for (QueuedMessage m : messages) {
            if (!m.visibleAt(now)) {
                next = Math.min(next, m.visibleAtMillis());
            }
        }
        return next;
    }

    /**
     * The message a handle is for when the handle is its latest receive's; null when the message is gone or was
     * received again since.
     */
    QueuedMessage current(ReceiptHandle handle) {
        for (QueuedMessage m : messages) {
            if (m.message().messageId().equals(handle.messageId())) {
                return m.currentHandle(handle) ? m : null;
            }
        }
        return null;
    }

    void remove(QueuedMessage m) {
        messages.remove(m);
    }

    void clear() {
        messages.clear();
    }

    QueueCounts counts(long now) {
        int visible = 0;
        int inFlight = 0;
        int delayed = 0;
        for (QueuedMessage m : messages) {
            if (m.delayedAt(now)) {
                delayed++;
            } else if (m.inFlightAt(now)) {
                inFlight++;
            } else {
                visible++;
            }
        }
        return new QueueCounts(visible, inFlight, delayed);
    }

    /** Drops messages older than the retention period, and deduplication ids past their window. */
    void expire(long now, long retentionMillis) {
        // a receive expires first: without the bounds, every receive walked every message held
        if (oldestSentMillis != Long.MAX_VALUE && oldestSentMillis + retentionMillis <= now) {
            messages.removeIf(m -> m.message().sentMillis() + retentionMillis <= now);
            oldestSentMillis = messages.stream().mapToLong(m -> m.message().sentMillis()).min().orElse(Long.MAX_VALUE);
        }
        if (firstDeduplicationEnd <= now) {
            deduplication.values().removeIf(d -> d.untilMillis() <= now);
            firstDeduplicationEnd = deduplication.values().stream().mapToLong(Deduplicated::untilMillis).min().orElse(Long.MAX_VALUE);
        }
    }

    private static String sequenceString(long n) {
        return SEQUENCE_BASE.add(BigInteger.valueOf(n)).toString();
    }
}
