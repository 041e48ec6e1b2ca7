package io.eventharness.emulator.lambda.mappings;

import io.eventharness.emulator.core.Arn;
import io.eventharness.emulator.core.AwsException;
import io.eventharness.emulator.delivery.StreamCursor;
import io.eventharness.emulator.delivery.StreamPage;
import io.eventharness.emulator.delivery.StreamRecord;

/**
 * A lane's batch assembly: reads its shard after the open batch (or the lane's position) and adds to the batch the
 * records that are the lane's — its partition-key hash, not before {@code AT_TIMESTAMP}, not done before a re-laning —
 * and that pass the mapping's filter (the others are skipped, noted in the trail). A batch is cut when it is full, when
 * the next record would take it over the payload limit, or when a record falls outside its tumbling window (whose final
 * invocation comes first). Under the poller's monitor.
 */
final class LaneReader {
    /** What a read came to: the batch is complete ({@code cut}), the shard ended, or more may be read at once. */
    record Read(boolean cut, boolean ended, boolean more) {
    }

    private LaneReader() {
    }

    /** Reads after the open batch (or the position) into the batch; null when the shard could not be read. */
    static Read read(StreamLane lane, StreamPoller p, MappingSettings s) {
        StreamOptions o = (StreamOptions) s.options();
        ShardTrack shard = lane.shard;
        StreamCursor cursor = lane.batch != null ? lane.batch.end : lane.position;
        long appends = shard.appends.get();
        int filteredOut = 0;
        boolean cut = false;
        boolean ended = false;
        boolean reachedTip = false;
        int want = Math.max(1, s.batchSize() - (lane.batch == null ? 0 : lane.batch.size()));
        Arn role = p.role(s);
        reading:
        while (true) {
            StreamPage page;
            try {
                page = p.read(shard.shardId, cursor, Math.min(10_000, Math.max(want, 100)));
            } catch (AwsException gone) {
                p.shardUnreadable(lane, gone);
                return null;
            }
            if (page.records().isEmpty()) {
                cursor = page.next();
                ended = page.ended();
                reachedTip = true;
                break;
            }
            for (StreamRecord rec : page.records()) {
                StreamCursor past = StreamCursor.after(rec.sequenceNumber());
                if (!lane.owns(rec)) {
                    cursor = past;
                    continue;
                }
                byte[] json = p.format().record(rec, p.stream(), role);
                if (s.filter() != null && !s.filter().matches(p.format().filterView(rec, json))) {
                    filteredOut++;
                    cursor = past;
                    continue;
                }
                if (o.tumblingWindowSeconds() > 0) {
                    if (lane.window != null && !lane.window.holds(rec.arrival())) {
                        cut = lane.batch != null && !lane.batch.isEmpty();
                        break reading; // the window ended: its final invocation comes first
                    }
                    if (lane.window == null) {
                        lane.window = TumblingWindow.of(rec.arrival(), o.tumblingWindowSeconds());
                    }
                }
                if (lane.batch == null) {
                    lane.batch = new StreamBatch(lane.window, cursor);
                }
                StreamBatch batch = lane.batch;
                if (!batch.isEmpty() && batch.bytes + json.length + stateBytes(lane.window) > StreamBatch.MAX_PAYLOAD) {
                    cut = true;
                    break reading;
                }
                batch.add(new StreamBatch.Taken(rec, json));
                cursor = past;
                if (batch.size() >= s.batchSize()) {
                    cut = true;
                    break reading;
                }
            }
        }
        if (lane.batch != null) {
            lane.batch.end = cursor;
        } else {
            lane.position = cursor;
        }
        if (reachedTip) {
            lane.seen = appends;
        }
        if (filteredOut > 0) {
            p.note(filteredOut + " record(s) of " + shard.shardId, "filtered out (no filter matches): skipped");
        }
        return new Read(cut, ended, !reachedTip);
    }

    private static int stateBytes(TumblingWindow window) {
        return window == null ? 0 : window.state.toString().length();
    }
}
