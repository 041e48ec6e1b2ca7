package io.eventharness.harness.wire;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * What one Cloud wired, in order, for its failure story: each trigger with its settings and, where there is one, its
 * state when the story is told (a mapping's state and last processing result, a dead-letter queue's depth). It works on
 * every backend: it reads the resources through the SDK, where the embedded emulator's event trail tells the hops.
 *
 * <pre>
 * Wiring of thumbnailNeverArrives(Cloud):
 *     s3 eh1a-3-uploads -&gt; function eh1a-3-thumbnailer  (s3:ObjectCreated:*, suffix .jpg)
 *     queue eh1a-3-orders -&gt; function eh1a-3-process  (batch 5, ReportBatchItemFailures; now: Enabled, last result: OK)
 *     stream eh1a-3-events -&gt; function eh1a-3-aggregate  (TRIM_HORIZON, batch 10, bisect on error, 2 retries, on failure -&gt;
 *         eh1a-3-failed; now: Enabled, last result: PROBLEM: Function call failed; on-failure queue eh1a-3-failed holds 1 message(s))
 * </pre>
 */
public final class Wires {

    /**
     * One trigger.
     *
     * @param now            its state when asked (null when it has none); may call the backend
     * @param mappedQueueUrl the source queue of an SQS event source mapping, or null
     * @param mapping        the event source mapping (of a queue or a stream), or null
     */
    record Wire(String from, String to, String settings, Supplier<String> now, String mappedQueueUrl, Mapping mapping) {
        Wire(String from, String to, String settings, Supplier<String> now) {
            this(from, to, settings, now, null, null);
        }
    }

    private final List<Wire> wires = new CopyOnWriteArrayList<>();

    void add(Wire w) {
        wires.add(w);
    }

    public boolean isEmpty() {
        return wires.isEmpty();
    }

    /**
     * The source queues of the event source mappings wired that are {@code Enabled} now: what a settle on LocalStack
     * or AWS waits to see drained. Asks the backend for each mapping's state.
     */
    public List<String> consumedQueueUrls() {
        return wires.stream().filter(w -> w.mappedQueueUrl() != null && Mapping.ENABLED.equals(w.mapping().state()))
                .map(Wire::mappedQueueUrl).distinct().toList();
    }

    /** {@code Wiring of <title>:} and a line per trigger; empty when nothing was wired. */
    public String tell(String title) {
        if (wires.isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder("Wiring of ").append(title).append(":\n");
        for (Wire w : wires) {
            b.append("    ").append(w.from()).append(" -> ").append(w.to()).append("  (").append(w.settings());
            if (w.now() != null) {
                String now;
                try {
                    now = w.now().get();
                } catch (RuntimeException e) {
                    now = "unreadable: " + e.getMessage();
                }
                b.append(w.settings().isEmpty() ? "" : "; ").append("now: ").append(now);
            }
            b.append(")\n");
        }
        return b.toString();
    }
}
