package io.eventharness.emulator.logs;

import io.eventharness.emulator.core.EmulatorClock;
import io.eventharness.emulator.protocol.EmulatedService;
import io.eventharness.emulator.protocol.Protocol;
import io.eventharness.emulator.protocol.ServiceSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;

/**
 * Amazon CloudWatch Logs, bound to the emulator: its spec, its log groups and its operation objects, and the
 * in-JVM API through which Lambda's sandboxes write ({@link #append}) and the emulator reads ({@link #events}).
 * What it serves and how it differs from AWS: see the package documentation.
 */
public final class LogsService implements EmulatedService {
    public static final ServiceSpec SPEC = ServiceSpec.awsJson("logs", Protocol.AWS_JSON_1_1, CloudWatchLogsClient.class, "Logs_20140328");

    /** What a log group keeps at most by default: 64 MiB. */
    public static final long DEFAULT_MAX_BYTES_PER_GROUP = 64L << 20;

    private final EmulatorClock clock;
    private final LogGroups groups;
    private final List<Object> operations;

    public LogsService(EmulatorClock clock) {
        this(clock, DEFAULT_MAX_BYTES_PER_GROUP);
    }

    /** @param maxBytesPerGroup what a group keeps at most (messages plus 26 bytes per event); the oldest events go first */
    public LogsService(EmulatorClock clock, long maxBytesPerGroup) {
        this.clock = clock;
        this.groups = new LogGroups(maxBytesPerGroup);
        this.operations = List.of(new GroupOperations(clock, groups), new StreamOperations(clock, groups),
                new EventOperations(clock, groups), new TagOperations(groups));
    }

    @Override
    public ServiceSpec spec() {
        return SPEC;
    }

    @Override
    public List<?> operations() {
        return operations;
    }

    // ---- in-JVM API -----------------------------------------------------------------------------

    /**
     * Stores events in {@code group}/{@code stream}, creating both if missing (in the default region).
     * Unlike PutLogEvents there are no batch rules: events may come in any order and at any time;
     * only the group's retention applies. Names are not validated.
     *
     * <pre>{@code
     * logs.append("/aws/lambda/orders", "2026/11/25/[$LATEST]0a1b", List.of(LogEvent.of(clock.now(), "hello")));
     * }</pre>
     */
    public void append(String group, String stream, List<LogEvent> events) {
        long now = clock.millis();
        groups.getOrCreate(group, now).append(stream, events, now);
    }

    /**
     * The events of every stream of {@code group} with a timestamp at or after {@code from}, oldest
     * first (ties in arrival order); empty when the group does not exist.
     */
    public List<LoggedEvent> events(String group, Instant from) {
        LogGroup g = groups.find(group);
        if (g == null) {
            return List.of();
        }
        List<StoredEvent> out = g.readStreams(clock.millis(), streams -> {
            List<StoredEvent> all = new ArrayList<>();
            for (LogStream s : streams.values()) {
                List<StoredEvent> ev = s.events();
                all.addAll(ev.subList(EventQueries.lowerBound(ev, from.toEpochMilli(), Long.MIN_VALUE), ev.size()));
            }
            return all;
        });
        out.sort(StoredEvent.ORDER);
        return out.stream().map(StoredEvent::toLogged).toList();
    }
}
