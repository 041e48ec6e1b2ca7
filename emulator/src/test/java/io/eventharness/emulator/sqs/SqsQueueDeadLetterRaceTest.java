package io.eventharness.emulator.sqs;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventharness.emulator.core.Arn;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The redrive race no SDK call can time: the dead-letter queue existed when a receive took messages
 * for it and was gone when they were handed over. The messages must go back, in their places.
 */
class SqsQueueDeadLetterRaceTest {
    private final AtomicLong now = new AtomicLong(1_000_000);
    private final SqsQueue queue = new SqsQueue(Arn.parse("arn:aws:sqs:us-east-1:000000000000:race"),
            SqsAttributes.defaults(false), Map.of(), now::get, List.of());

    /** Redrive after one receive, to a dead-letter queue that refuses every message (deleted meanwhile). */
    private static final class GoneMeanwhile implements DeadLetters {
        int offered;

        @Override
        public boolean moveToDeadLetterQueue(SqsQueue from, QueuedMessage message) {
            offered++;
            return false;
        }

        @Override
        public int maxReceiveCount(SqsQueue q) {
            return 1;
        }
    }

    private static final DeadLetters NO_REDRIVE = new DeadLetters() {
        @Override
        public boolean moveToDeadLetterQueue(SqsQueue from, QueuedMessage message) {
            throw new AssertionError("no redrive policy: nothing moves");
        }

        @Override
        public int maxReceiveCount(SqsQueue q) {
            return 0;
        }
    };

    private void send(String body) {
        queue.send(SqsMessage.of(body + "-id", body, Map.of(), Map.of(), now.get(), "sender", null, null), 0);
    }

    private List<String> receive(DeadLetters deadLetters) throws InterruptedException {
        return queue.receive(10, 0, 0, deadLetters).stream().map(r -> r.message().body()).toList();
    }

    @Test
    void messagesRefusedByAVanishedDeadLetterQueueGoBackInOrder() throws InterruptedException {
        for (String body : List.of("m1", "m2", "m3")) {
            send(body);
        }
        assertThat(receive(NO_REDRIVE)).containsExactly("m1", "m2", "m3");
        send("m4");

        GoneMeanwhile gone = new GoneMeanwhile();
        assertThat(receive(gone)).as("m4 is received; m1..m3 were taken for the dead-letter queue").containsExactly("m4");
        assertThat(gone.offered).isEqualTo(3);

        now.addAndGet(1); // m4's visibility (0 s) is over
        assertThat(queue.counts()).isEqualTo(new QueueCounts(4, 0, 0));
        assertThat(receive(NO_REDRIVE)).containsExactly("m1", "m2", "m3", "m4");
    }
}
