package io.eventharness.emulator.delivery;

import io.eventharness.emulator.core.EmulatorClock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Predicate;

/**
 * The record of every cross-service hop (SNS → SQS, S3 → Lambda, poller → function, rule → target).
 * A failing scenario shows it, so that a test explains what happened. Bounded: the oldest entries go
 * first.
 */
public final class EventTrail {
    private static final int CAPACITY = 10_000;
    private static final int SUMMARY = 200;

    private final EmulatorClock clock;
    private final Deque<TrailEntry> entries = new ArrayDeque<>();
    private long seq;

    public EventTrail(EmulatorClock clock) {
        this.clock = clock;
    }

    public synchronized TrailEntry record(String source, String target, String kind, String payload, String outcome) {
        String summary = payload == null ? "" : payload.length() > SUMMARY ? payload.substring(0, SUMMARY) + "…" : payload;
        TrailEntry e = new TrailEntry(++seq, clock.now(), source, target, kind, summary, outcome);
        entries.addLast(e);
        if (entries.size() > CAPACITY) {
            entries.removeFirst();
        }
        return e;
    }

    public synchronized List<TrailEntry> entries() {
        return new ArrayList<>(entries);
    }

    /** Entries after {@code seq}, e.g. since a test began. */
    public synchronized List<TrailEntry> since(long afterSeq) {
        List<TrailEntry> out = new ArrayList<>();
        for (TrailEntry e : entries) {
            if (e.seq() > afterSeq) {
                out.add(e);
            }
        }
        return out;
    }

    public synchronized List<TrailEntry> matching(Predicate<TrailEntry> p) {
        List<TrailEntry> out = new ArrayList<>();
        for (TrailEntry e : entries) {
            if (p.test(e)) {
                out.add(e);
            }
        }
        return out;
    }

    public synchronized long lastSeq() {
        return seq;
    }
}
