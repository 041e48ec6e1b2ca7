package io.eventharness.emulator.lambda.mappings;

import io.eventharness.emulator.core.Arn;
import io.eventharness.emulator.core.Ids;
import io.eventharness.emulator.protocol.Call;
import io.eventharness.emulator.protocol.Shapes;
import io.eventharness.emulator.protocol.WithBody;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.lambda.model.CreateEventSourceMappingRequest;
import software.amazon.awssdk.services.lambda.model.CreateEventSourceMappingResponse;
import software.amazon.awssdk.services.lambda.model.DeleteEventSourceMappingRequest;
import software.amazon.awssdk.services.lambda.model.DeleteEventSourceMappingResponse;
import software.amazon.awssdk.services.lambda.model.EventSourceMappingConfiguration;
import software.amazon.awssdk.services.lambda.model.FunctionResponseType;
import software.amazon.awssdk.services.lambda.model.GetEventSourceMappingRequest;
import software.amazon.awssdk.services.lambda.model.GetEventSourceMappingResponse;
import software.amazon.awssdk.services.lambda.model.ListEventSourceMappingsRequest;
import software.amazon.awssdk.services.lambda.model.ListEventSourceMappingsResponse;
import software.amazon.awssdk.services.lambda.model.UpdateEventSourceMappingRequest;
import software.amazon.awssdk.services.lambda.model.UpdateEventSourceMappingResponse;

/**
 * {@code CreateEventSourceMapping}, {@code GetEventSourceMapping}, {@code ListEventSourceMappings},
 * {@code UpdateEventSourceMapping} and {@code DeleteEventSourceMapping}, common to every family of sources: the
 * family checks its own parameters and runs its poller. Create, Update and Delete answer 202 with the state of the
 * change ({@code Creating}, {@code Enabling}, {@code Disabling}, {@code Updating}, {@code Deleting}); the mapping is
 * {@code Enabled}, {@code Disabled} or gone before the next call.
 */
public final class EventSourceMappingOperations {
    /** The model's pattern of {@code EventSourceArn}. */
    private static final String SOURCE_ARN = "arn:(aws[a-zA-Z0-9-]*):([a-zA-Z0-9\\-])+:([a-z]{2}(-gov)?-[a-z]+-\\d{1})?:(\\d{12})?:(.*)";
    private static final Pattern SOURCE_ARN_PATTERN = Pattern.compile(SOURCE_ARN);

    private final EventSourceMappings mappings;
    private final List<SourceFamily> families;
    private final MappingEnvironment env;

    EventSourceMappingOperations(EventSourceMappings mappings, List<SourceFamily> families, MappingEnvironment env) {
        this.mappings = mappings;
        this.families = families;
        this.env = env;
    }

    public WithBody<CreateEventSourceMappingResponse> createEventSourceMapping(CreateEventSourceMappingRequest r, Call call) {
        MappingRequest req = MappingRequest.of(r);
        if (r.destinationConfig() != null && r.destinationConfig().onSuccess() != null) {
            throw MappingErrors.unsupported("DestinationConfig"); // AWS checks this first (recorded)
        }
        if (r.eventSourceArn() == null) {
            if (r.selfManagedEventSource() != null) {
                throw MappingErrors.notEmulated("SelfManagedEventSource", "Kafka is not emulated");
            }
            throw MappingErrors.invalid("Unrecognized event source.");
        }
        Arn source = sourceArn(r.eventSourceArn());
        SourceFamily family = family(source);
        if (req.functionName() == null) {
            throw MappingErrors.validation("functionName", null, "Member must not be null");
        }
        FunctionRef ref = env.functions().parse(req.functionName());
        MappingSettings settings = family.settings(req, null, source);
        Arn functionArn = env.functions().resolve(ref).orElseThrow(() -> MappingErrors.invalid("Function does not exist"));
        family.checkSource(source, env.functions().timeoutSeconds(functionArn));
        env.functions().deniedToRole(functionArn, family.readActions(), source).ifPresent(action -> {
            throw MappingErrors.invalid(family.roleDenied(source, action));
        });
        settings = settings.withFunction(functionArn, ref);
        Map<String, String> tags = env.functions().checkTags(r.tags());
        String uuid = Ids.uuid();
        EventSourceMapping m = new EventSourceMapping(uuid, Arn.of("lambda", call.region(), "event-source-mapping:" + uuid), source,
                family, settings, env.clock().now());
        m.tag(tags);
        mappings.add(m, existing -> MappingErrors.conflict(family.duplicateMessage(source, ref, existing.uuid())));
        EventSourceMapping.View answer = m.view();
        m.activate(family.poller(m, env));
        return WithBody.status(Shapes.convert(describe(answer), CreateEventSourceMappingResponse.class), 202);
    }

    public GetEventSourceMappingResponse getEventSourceMapping(GetEventSourceMappingRequest r) {
        return Shapes.convert(describe(mappings.require(r.uuid()).view()), GetEventSourceMappingResponse.class);
    }

    /**
     * The mappings of a source ({@code EventSourceArn}, exactly) and/or of a function ({@code FunctionName}: every
     * mapping of that function when it has no qualifier, else those of that version or alias), in the order they
     * were created; {@code Marker} is the UUID of the first mapping of the page. Neither needs to exist.
     */
    public ListEventSourceMappingsResponse listEventSourceMappings(ListEventSourceMappingsRequest r) {
        int max = r.maxItems() == null ? 100 : r.maxItems();
        if (max < 1 || max > 10_000) {
            throw MappingErrors.validation("maxItems", max, "Member must have value " + (max < 1
                    ? "greater than or equal to 1" : "less than or equal to 10000"));
        }
        FunctionRef fn = r.functionName() == null ? null : env.functions().parse(r.functionName());
        List<EventSourceMapping.View> all = new ArrayList<>();
        for (EventSourceMapping m : mappings.all()) {
            EventSourceMapping.View v = m.view();
            if ((r.eventSourceArn() == null || v.source().toString().equals(r.eventSourceArn()))
                    && (fn == null || fn.covers(v.settings().function()))) {
                all.add(v);
            }
        }
        int start = 0;
        if (r.marker() != null) {
            start = all.size();
            for (int i = 0; i < all.size(); i++) {
                if (all.get(i).uuid().equals(r.marker())) {
                    start = i;
                }
            }
        }
        List<EventSourceMappingConfiguration> page = new ArrayList<>();
        for (int i = start; i < Math.min(all.size(), start + max); i++) {
            page.add(describe(all.get(i)));
        }
        ListEventSourceMappingsResponse.Builder b = ListEventSourceMappingsResponse.builder().eventSourceMappings(page);
        if (start + max < all.size()) {
            b.nextMarker(all.get(start + max).uuid());
        }
        return b.build();
    }

    public WithBody<UpdateEventSourceMappingResponse> updateEventSourceMapping(UpdateEventSourceMappingRequest r) {
        EventSourceMapping m = mappings.require(r.uuid());
        MappingRequest req = MappingRequest.of(r);
        MappingSettings base = m.settings();
        MappingSettings next = m.family().settings(req, base, m.source());
        if (req.functionName() != null) {
            FunctionRef ref = env.functions().parse(req.functionName());
            Arn arn = env.functions().resolve(ref).orElseThrow(() -> MappingErrors.invalid("Function does not exist"));
            m.family().checkSource(m.source(), env.functions().timeoutSeconds(arn));
            next = next.withFunction(arn, ref);
        }
        EventSourceMapping.View answer = m.update(next, env.clock().now());
        return WithBody.status(Shapes.convert(describe(answer), UpdateEventSourceMappingResponse.class), 202);
    }

    /** The poller stops at once; batches still invoking finish (and delete what they processed). */
    public WithBody<DeleteEventSourceMappingResponse> deleteEventSourceMapping(DeleteEventSourceMappingRequest r) {
        EventSourceMapping m = mappings.require(r.uuid());
        EventSourceMapping.View answer = m.delete();
        mappings.remove(m);
        return WithBody.status(Shapes.convert(describe(answer), DeleteEventSourceMappingResponse.class), 202);
    }

    private static Arn sourceArn(String text) {
        if (!SOURCE_ARN_PATTERN.matcher(text).matches()) {
            throw MappingErrors.validation("eventSourceArn", text, "Member must satisfy regular expression pattern: " + SOURCE_ARN);
        }
        return Arn.parse(text);
    }

    private SourceFamily family(Arn source) {
        for (SourceFamily f : families) {
            if (f.service().equals(source.service())) {
                return f;
            }
        }
        if (Set.of("kinesis", "dynamodb", "kafka", "mq", "docdb").contains(source.service())) {
            throw MappingErrors.notEmulated("EventSourceArn", "mappings of " + source.service().toUpperCase(Locale.ROOT)
                    + " sources are not emulated yet");
        }
        throw MappingErrors.invalid("Unrecognized event source.");
    }

    /** The API's view of a mapping: the fields every family has, then the family's own. */
    private static EventSourceMappingConfiguration describe(EventSourceMapping.View v) {
        MappingSettings s = v.settings();
        EventSourceMappingConfiguration.Builder b = EventSourceMappingConfiguration.builder()
                .uuid(v.uuid())
                .batchSize(s.batchSize())
                .maximumBatchingWindowInSeconds(s.batchingWindowSeconds())
                .eventSourceArn(v.source().toString())
                .functionArn(s.functionArn().toString())
                .lastModified(v.lastModified())
                .state(v.state().awsName())
                .stateTransitionReason(v.family().stateTransitionReason())
                .functionResponseTypes(s.reportBatchItemFailures() ? List.of(FunctionResponseType.REPORT_BATCH_ITEM_FAILURES) : List.of())
                .eventSourceMappingArn(v.arn().toString());
        if (s.filter() != null) {
            b.filterCriteria(s.filter().criteria());
        }
        v.family().describe(v, b);
        return b.build();
    }
}
