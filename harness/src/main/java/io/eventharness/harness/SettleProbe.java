package io.eventharness.harness;

import io.eventharness.harness.observe.LogView;
import io.eventharness.harness.observe.Settle;
import io.eventharness.harness.wire.Wires;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * What the quiet-period settle sees of a Cloud's resources on LocalStack and AWS ({@link Settle#byQuietPeriod}): the
 * message counts of every queue it created (visible, in flight, delayed), the length of every function's log, and
 * whether the source queue of an {@code Enabled} mapping it wired still holds visible messages (then it is busy, however
 * long nothing changed: LocalStack's pollers back off to ten seconds and more on an idle queue).
 */
final class SettleProbe implements Supplier<Settle.Snapshot> {
    private static final List<QueueAttributeName> COUNTS = List.of(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
            QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED);

    private final SqsClient sqs;
    private final Supplier<Collection<String>> queues;
    private final Supplier<Collection<String>> functions;
    private final Function<String, LogView> logsOf;
    private final List<Wires> wires;

    SettleProbe(SqsClient sqs, Supplier<Collection<String>> queues, Supplier<Collection<String>> functions,
                Function<String, LogView> logsOf, List<Wires> wires) {
        this.sqs = sqs;
        this.queues = queues;
        this.functions = functions;
        this.logsOf = logsOf;
        this.wires = wires;
    }

    @Override
    public Settle.Snapshot get() {
        StringBuilder fingerprint = new StringBuilder();
        String busy = null;
        List<String> consumed = wires.stream().flatMap(w -> w.consumedQueueUrls().stream()).toList();
        for (String url : queues.get()) {
            Map<QueueAttributeName, String> a;
            try {
                a = sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(COUNTS)).attributes();
            } catch (RuntimeException gone) {
                continue; // deleted by the test
            }
            String visible = a.getOrDefault(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, "0");
            fingerprint.append(name(url)).append('=').append(visible).append('/')
                    .append(a.getOrDefault(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE, "0")).append('/')
                    .append(a.getOrDefault(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED, "0")).append(' ');
            if (busy == null && !"0".equals(visible) && consumed.contains(url)) {
                busy = "queue " + name(url) + " holds " + visible + " message(s) for its event source mapping";
            }
        }
        for (String fn : functions.get()) {
            fingerprint.append(fn).append(":log=").append(logsOf.apply(fn).lines().size()).append(' ');
        }
        return new Settle.Snapshot(fingerprint.toString().strip(), busy);
    }

    private static String name(String queueUrl) {
        String[] parts = queueUrl.split("/");
        return parts[parts.length - 1];
    }
}
