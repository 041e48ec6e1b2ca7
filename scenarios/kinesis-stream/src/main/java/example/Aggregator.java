package example;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * Aggregates the events a Kinesis stream carries into the totals table, one item per device (see {@link Totals}),
 * record by record in the batch's order. At the first record that fails it stops and reports that record's sequence
 * number ({@code StreamsEventResponse}, the mapping's {@code ReportBatchItemFailures}): Lambda checkpoints what came
 * before and retries from there, so each device's events are counted in the order they were put.
 *
 * <p>Events fail on request, to show what the event source mapping does with failures: {@code "fail": "once"} fails
 * the first time it is seen and is reported; {@code "fail": "poison"} throws every time, failing the whole batch (what
 * {@code BisectBatchOnFunctionError} narrows down to the poison record). {@code "waitFor": "<device>", "waitForCount": n}
 * holds the event until that device has {@code n} events counted (or 40 s have passed): it shows that other partition
 * keys go on meanwhile under a {@code ParallelizationFactor} above 1.
 */
public class Aggregator implements RequestHandler<KinesisEvent, StreamsEventResponse> {

    @Override
    public StreamsEventResponse handleRequest(KinesisEvent event, Context context) {
        for (KinesisEvent.KinesisEventRecord r : event.getRecords()) {
            String sequenceNumber = r.getKinesis().getSequenceNumber();
            JsonNode e = Totals.event(r.getKinesis().getData());
            String name = e.path("device").asText() + "#" + e.path("seq").asText();
            String fail = e.path("fail").asText("");
            if (fail.equals("poison")) {
                System.out.println("event " + name + " is poison: failing the batch of " + event.getRecords().size());
                throw new IllegalArgumentException("poison event " + name + " (sequence number " + sequenceNumber + ")");
            }
            if (fail.equals("once") && Totals.firstFailure(sequenceNumber)) {
                System.out.println("event " + name + " failed once: reporting " + sequenceNumber);
                return new StreamsEventResponse(List.of(new StreamsEventResponse.BatchItemFailure(sequenceNumber)));
            }
            if (e.has("waitFor")) {
                awaitCount(name, e.path("waitFor").asText(), e.path("waitForCount").asLong());
            }
            boolean counted = Totals.count(sequenceNumber, e);
            System.out.println("event " + name + " on " + r.getKinesis().getPartitionKey() + (counted ? ": counted" : ": counted before"));
        }
        return new StreamsEventResponse(List.of());
    }

    /** Holds until {@code device} has {@code n} events counted, checking every 50 ms for at most 40 s. */
    private static void awaitCount(String name, String device, long n) {
        long until = System.nanoTime() + 40_000_000_000L;
        long seen;
        while ((seen = Totals.eventCount(device)) < n && System.nanoTime() < until) {
            try {
                Thread.sleep(50); // stands for a slow downstream call
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        System.out.println("event " + name + " saw " + device + " at " + seen + " event(s)" + (seen < n ? " (gave up waiting)" : ""));
    }
}
