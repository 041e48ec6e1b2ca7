package io.eventharness.emulator.lambda.mappings;

import io.eventharness.emulator.core.Arn;
import io.eventharness.emulator.core.AwsException;
import io.eventharness.emulator.core.EmulatorClock;
import io.eventharness.emulator.delivery.ConsumableQueues;
import io.eventharness.emulator.delivery.Delivery;
import io.eventharness.emulator.delivery.ReadableStreams;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Lambda's event source mappings, assembled: the registry (by UUID, in the order they were created), the families of
 * sources they read (SQS queues, and the streams of each {@code ReadableStreams} reader), their pollers' threads, and
 * the operations object {@code LambdaService} serves. Its in-JVM API is what {@code lambda}'s {@code TagOperations}
 * needs to tag a mapping by its ARN.
 *
 * <p>Every enabled mapping counts in the emulator's {@link io.eventharness.emulator.core.Activity}: the emulator is
 * not settled while a mapping could receive or process something it has not taken.
 */
public final class EventSourceMappings implements AutoCloseable {
    /** {@code arn:aws:lambda:<region>:<account>:event-source-mapping:<uuid>}: the resource part. */
    private static final Pattern RESOURCE = Pattern.compile("event-source-mapping:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final Map<String, EventSourceMapping> byUuid = new LinkedHashMap<>();
    private final ExecutorService executor;
    private final EventSourceMappingOperations operations;

    /**
     * @param functions the functions, as {@code LambdaService} offers them
     * @param queues    the queues, as SQS offers them to internal consumers
     * @param streams   the streams, as Kinesis and DynamoDB offer them to internal readers (one reader per service)
     */
    public EventSourceMappings(EmulatorClock clock, Delivery delivery, MappedFunctions functions, ConsumableQueues queues,
                               List<ReadableStreams> streams) {
        AtomicInteger n = new AtomicInteger();
        this.executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "lambda-esm-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        MappingEnvironment env = new MappingEnvironment(clock, delivery, functions, queues, executor);
        List<SourceFamily> families = new ArrayList<>();
        families.add(new SqsFamily(queues));
        for (ReadableStreams s : streams) {
            families.add(new StreamFamily(s, s.service().equals("dynamodb") ? new DynamoDbFormat() : new KinesisFormat()));
        }
        this.operations = new EventSourceMappingOperations(this, families, env);
        clock.activity().probe(out -> {
            all().forEach(m -> m.unsettled(out));
            return Long.MAX_VALUE;
        });
    }

    /** The object whose public methods are the API's five operations. */
    public EventSourceMappingOperations operations() {
        return operations;
    }

    // ---- registry ------------------------------------------------------------------------------

    /** Adds the mapping unless one of the same source and function exists: then the error {@code duplicate} makes of it. */
    synchronized void add(EventSourceMapping m, Function<EventSourceMapping, AwsException> duplicate) {
        for (EventSourceMapping other : byUuid.values()) {
            if (other.source().equals(m.source()) && other.settings().functionArn().equals(m.settings().functionArn())) {
                throw duplicate.apply(other);
            }
        }
        byUuid.put(m.uuid(), m);
    }

    /** ResourceNotFoundException as AWS words it when there is no such mapping. */
    synchronized EventSourceMapping require(String uuid) {
        EventSourceMapping m = uuid == null ? null : byUuid.get(uuid);
        if (m == null) {
            throw MappingErrors.notFound();
        }
        return m;
    }

    synchronized List<EventSourceMapping> all() {
        return new ArrayList<>(byUuid.values());
    }

    synchronized void remove(EventSourceMapping m) {
        byUuid.remove(m.uuid(), m);
    }

    // ---- tags (TagResource, UntagResource, ListTags on a mapping's ARN) --------------------------

    /** Whether the text is the ARN of an event source mapping (whether or not it exists). */
    public static boolean isMappingArn(String resource) {
        return Arn.tryParse(resource).filter(a -> a.service().equals("lambda") && RESOURCE.matcher(a.resource()).matches())
                .isPresent();
    }

    /** The mapping's tags; ResourceNotFoundException as AWS words it when there is no such mapping. */
    public Map<String, String> tags(String mappingArn) {
        return byArn(mappingArn).tags();
    }

    /** Adds or replaces tags (checked by the caller); at most 50 per mapping. */
    public void tag(String mappingArn, Map<String, String> tags) {
        byArn(mappingArn).tag(tags);
    }

    public void untag(String mappingArn, Collection<String> keys) {
        byArn(mappingArn).untag(keys);
    }

    private EventSourceMapping byArn(String mappingArn) {
        Optional<EventSourceMapping> m;
        synchronized (this) {
            m = byUuid.values().stream().filter(e -> e.arn().toString().equals(mappingArn)).findFirst();
        }
        return m.orElseThrow(() -> AwsException.of(404, "ResourceNotFoundException", "Event source mapping not found: " + mappingArn));
    }

    /** Every poller stops, and nothing more is invoked (not even what an open batching window gathered). */
    @Override
    public void close() {
        executor.shutdownNow();
        for (EventSourceMapping m : all()) {
            try {
                m.delete();
            } catch (AwsException alreadyDeleting) {
                // closing anyway
            }
        }
        try {
            executor.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
