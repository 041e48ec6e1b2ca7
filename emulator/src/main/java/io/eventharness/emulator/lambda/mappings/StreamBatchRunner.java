package io.eventharness.emulator.lambda.mappings;

import io.eventharness.emulator.core.Arn;
import io.eventharness.emulator.core.AwsException;
import io.eventharness.emulator.core.Ids;
import io.eventharness.emulator.lambda.runtime.InvocationResult;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Invokes a stream lane's batch on the mappings' threads, outside the poller's monitor, through Lambda's
 * {@code Invoker}; reads the result as AWS reads it ({@link StreamOutcome}: a function error, reported item failures, a
 * refusal to invoke) and hands it back to its poller. The clock's {@code advance} waits for the invocation (work handed
 * off).
 */
final class StreamBatchRunner {
    private static final Logger LOG = LoggerFactory.getLogger(StreamBatchRunner.class);

    private final EventSourceMapping mapping;
    private final MappingEnvironment env;
    private final Arn stream;
    private final StreamPoller poller;

    StreamBatchRunner(EventSourceMapping mapping, MappingEnvironment env, Arn stream, StreamPoller poller) {
        this.mapping = mapping;
        this.env = env;
        this.stream = stream;
        this.poller = poller;
    }

    /** Runs a lane's batch on the mappings' threads; the clock's {@code advance} waits for it. */
    void invoke(StreamLane lane, StreamBatch b) {
        MappingSettings s = mapping.settings();
        String what = b.finalInvoke ? "the final invocation of a tumbling window" : b.size() + " record(s)";
        CompletableFuture<Void> done = env.clock().handedOff(new CompletableFuture<>(), "batch of " + what + " of "
                + lane.shard.shardId + " of " + stream + " to " + s.functionArn() + " (event source mapping " + mapping.uuid() + ")");
        try {
            env.executor().execute(() -> {
                try {
                    run(lane, b, s);
                } finally {
                    done.complete(null);
                }
            });
        } catch (RejectedExecutionException closing) {
            done.complete(null);
        }
    }

    private void run(StreamLane lane, StreamBatch b, MappingSettings s) {
        InvocationResult r = null;
        StreamOutcome out;
        try {
            byte[] payload = b.payload(stream, lane.shard.shardId);
            r = env.functions().invoke(s.functionArn(), Ids.uuid(), payload, stream.toString());
            out = StreamOutcome.of(r, b, s.reportBatchItemFailures());
        } catch (AwsException e) {
            out = StreamOutcome.notInvoked("not invoked: " + e.getMessage());
        } catch (RuntimeException e) {
            LOG.warn("event source mapping {} failed to invoke a batch", mapping.uuid(), e);
            out = StreamOutcome.notInvoked("not invoked: " + e);
        }
        poller.finished(lane, b, r, out);
    }
}
