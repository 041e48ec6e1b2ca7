package io.eventharness.emulator.lambda.mappings;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import io.eventharness.emulator.core.Arn;
import io.eventharness.emulator.core.Json;
import io.eventharness.emulator.delivery.StreamCursor;
import io.eventharness.emulator.delivery.StreamRecord;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The records of one batch of a lane, in order, with what happened to them so far: how often they were invoked (the
 * on-failure record's {@code approximateInvokeCount}), how many failed attempts count against
 * {@code MaximumRetryAttempts}, how many attempts in a row did not reach the function. A batch is cut from the shard
 * and keeps its records until it succeeds or is discarded; a retry invokes the same records (from a reported failure
 * on, or one half after a bisection). A tumbling window's final invocation is a batch without records. Guarded by its
 * poller's monitor, and read by one invocation at a time.
 */
final class StreamBatch {
    /** Lambda's limit of a synchronous invocation's payload. */
    static final int MAX_PAYLOAD = 6 * 1024 * 1024;

    /** A record taken for the batch, with its event record as the function gets it. */
    record Taken(StreamRecord record, byte[] json) {
    }

    final List<Taken> records;
    /** The tumbling window its records belong to; null without tumbling windows. */
    final TumblingWindow window;
    /** A tumbling window's final invocation (no records). */
    final boolean finalInvoke;
    /** Where the lane's position goes once this batch is done: after its last record, or past records skipped after it. */
    StreamCursor end;
    long bytes;
    int invocations;
    int retries;
    int notInvoked;
    /** When a retry of it was due (its back-off counts from there, not from when the failed attempt ended); else null. */
    Instant retryDue;
    /** When its last attempt started, on the clock. */
    Instant attemptedAt;
    /** The last invocation's request id and executed version, for the on-failure record. */
    String requestId;
    String executedVersion;

    StreamBatch(TumblingWindow window, StreamCursor end) {
        this(new ArrayList<>(), window, false, end);
    }

    private StreamBatch(List<Taken> records, TumblingWindow window, boolean finalInvoke, StreamCursor end) {
        this.records = records;
        this.window = window;
        this.finalInvoke = finalInvoke;
        this.end = end;
        for (Taken t : records) {
            bytes += t.json().length + 1;
        }
    }

    /** The final invocation of a window. */
    static StreamBatch finalOf(TumblingWindow window, StreamCursor end) {
        return new StreamBatch(new ArrayList<>(), window, true, end);
    }

    void add(Taken t) {
        records.add(t);
        bytes += t.json().length + 1;
        end = StreamCursor.after(t.record().sequenceNumber());
    }

    int size() {
        return records.size();
    }

    boolean isEmpty() {
        return records.isEmpty();
    }

    Instant firstArrival() {
        return records.get(0).record().arrival();
    }

    /** The records from index {@code k} on, as the batch to retry (the same end; counts carried over). */
    StreamBatch from(int k) {
        StreamBatch rest = new StreamBatch(new ArrayList<>(records.subList(k, records.size())), window, finalInvoke, end);
        rest.invocations = invocations;
        rest.retries = retries;
        rest.attemptedAt = attemptedAt;
        rest.requestId = requestId;
        rest.executedVersion = executedVersion;
        return rest;
    }

    /** The records before index {@code k}. */
    List<Taken> before(int k) {
        return List.copyOf(records.subList(0, k));
    }

    /**
     * Bisects the batch ({@code BisectBatchOnFunctionError}): two halves that start their own retry count (a split is
     * not a retry), the first ending after its last record.
     */
    List<StreamBatch> halves() {
        int mid = (records.size() + 1) / 2;
        StreamBatch first = new StreamBatch(new ArrayList<>(records.subList(0, mid)), window, false,
                StreamCursor.after(records.get(mid - 1).record().sequenceNumber()));
        StreamBatch second = new StreamBatch(new ArrayList<>(records.subList(mid, records.size())), window, false, end);
        for (StreamBatch half : List.of(first, second)) {
            half.invocations = invocations;
            half.requestId = requestId;
            half.executedVersion = executedVersion;
        }
        return List.of(first, second);
    }

    /** The event of this batch: {@code {"Records":[...]}}, with a tumbling window's fields when it has one. */
    byte[] payload(Arn stream, String shardId) {
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(Integer.MAX_VALUE - 8, bytes + 256));
        out.writeBytes(HEAD);
        for (int i = 0; i < records.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.writeBytes(records.get(i).json());
        }
        out.write(']');
        if (window != null) {
            out.writeBytes(ascii(",\"window\":{\"start\":\"" + window.start.truncatedTo(ChronoUnit.SECONDS) + "\",\"end\":\""
                    + window.end.truncatedTo(ChronoUnit.SECONDS) + "\"},\"state\":"));
            try {
                out.writeBytes(Json.MAPPER.writeValueAsBytes(window.state));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            out.writeBytes(ascii(",\"shardId\":\""));
            out.writeBytes(JsonStringEncoder.getInstance().quoteAsUTF8(shardId));
            out.writeBytes(ascii("\",\"eventSourceARN\":\""));
            out.writeBytes(JsonStringEncoder.getInstance().quoteAsUTF8(stream.toString()));
            out.writeBytes(ascii("\",\"isFinalInvokeForWindow\":" + finalInvoke + ",\"isWindowTerminatedEarly\":"
                    + (finalInvoke && window.terminateEarly)));
        }
        out.write('}');
        return out.toByteArray();
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static final byte[] HEAD = ascii("{\"Records\":[");
}
