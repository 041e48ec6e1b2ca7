package io.eventharness.harness.observe;

import java.time.Duration;
import java.util.Optional;
import org.opentest4j.AssertionFailedError;

/**
 * A harness wait that ran out of time. Like Awaitility's timeout it names what was awaited, the limit and
 * what was last seen, with the last error as its cause; it also carries the scenario's story (the event
 * trail, each function's invocations and last log lines), which its message ends with. An
 * {@link AssertionFailedError}, so JUnit and IDEs report a failed test, not an error.
 *
 * <pre>{@code
 * try {
 *     cloud.queue(url).await().atMost(Duration.ofSeconds(5)).message();
 * } catch (AwaitTimeout t) {
 *     t.awaited();      // "1 message(s) in http://127.0.0.1:4566/000000000000/eh1x2-3-results"
 *     t.lastSeen();     // Optional[0 message(s)]
 *     t.getStory();     // "Event trail of ...", "Invocations of ...", "Last log lines of ..."
 * }
 * }</pre>
 */
public final class AwaitTimeout extends AssertionFailedError {
    private static final long serialVersionUID = 1L;

    private final String awaited;
    private final Duration atMost;
    private final String lastSeen;
    private final String story;

    AwaitTimeout(String awaited, Duration atMost, String lastSeen, Throwable lastError, String story) {
        super(message(awaited, atMost, lastSeen, lastError, story), lastError);
        this.awaited = awaited;
        this.atMost = atMost;
        this.lastSeen = lastSeen;
        this.story = story;
    }

    private static String message(String awaited, Duration atMost, String lastSeen, Throwable lastError, String story) {
        StringBuilder msg = new StringBuilder();
        msg.append("Timed out after ").append(human(atMost)).append(" waiting for ").append(awaited).append(".\n");
        if (lastError != null && !(lastError instanceof AssertionError)) {
            msg.append("Last attempt failed: ").append(lastError).append('\n');
        }
        if (lastSeen != null) {
            msg.append("Last seen: ").append(lastSeen).append('\n');
        }
        return msg.append(story).toString();
    }

    static String human(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    /** What the wait was for: {@code "1 message(s) in <queue url>"}, {@code "a line containing \"x = 10\" in <group>"}. */
    public String awaited() {
        return awaited;
    }

    /** The limit the wait had. */
    public Duration atMost() {
        return atMost;
    }

    /**
     * The last state the wait saw, as the condition describes it ({@code "nothing"} when no probe answered);
     * for an assertion, its last failure's message. Empty for a retried action, which has only its last error
     * (the cause).
     */
    public Optional<String> lastSeen() {
        return Optional.ofNullable(lastSeen);
    }

    /** The scenario's story when the wait gave up: the hops between the test's resources, invocations, log lines. */
    public String getStory() {
        return story;
    }
}
