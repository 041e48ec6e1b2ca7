package io.eventharness.harness.observe;

import java.time.Duration;

/**
 * What every wait on a view shares: the fluent part ({@link #atMost(Duration)} returns a copy with another
 * limit, so a wait reads as Awaitility's do) and the one {@link Await} its conditions run on, whose timeout is
 * an {@link AwaitTimeout} telling the story. Each view's waits add only their conditions: {@link QueueWaits},
 * {@link BucketWaits}, {@link TableWaits}, {@link TableStreamWaits}, {@link LogWaits}.
 *
 * <pre>{@code
 * Message m = cloud.queue(url).await().atMost(Duration.ofSeconds(30)).message();
 * }</pre>
 *
 * @param <SELF> the view's waits, returned by the fluent methods
 */
public abstract class Waits<SELF extends Waits<SELF>> {
    private final Await await;

    protected Waits(Await await) {
        this.await = await;
    }

    /** The same waits with another limit (the default is {@code -Dharness.await.timeout}, 15 s). */
    public SELF atMost(Duration limit) {
        return with(await.atMost(limit));
    }

    /** The wait the conditions run on. */
    protected Await await() {
        return await;
    }

    /** These waits over another {@link Await}. */
    protected abstract SELF with(Await await);
}
