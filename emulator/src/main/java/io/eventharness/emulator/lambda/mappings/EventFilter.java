package io.eventharness.emulator.lambda.mappings;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.lambda.model.Filter;
import software.amazon.awssdk.services.lambda.model.FilterCriteria;
import software.amazon.event.ruler.JsonRuleCompiler;
import software.amazon.event.ruler.Machine;

/**
 * A mapping's {@code FilterCriteria}
 * (<a href="https://docs.aws.amazon.com/lambda/latest/dg/invocation-eventfiltering.html">Control which events Lambda
 * sends to your function</a>): EventBridge patterns, matched by AWS's own open-source matcher, Event Ruler. A record
 * passes when any filter matches it. Immutable once built; matching is thread-safe.
 */
final class EventFilter {
    /** AWS's answer to any pattern it cannot read (recorded for {@code null}, a plain string, a value that is not a list, an empty list). */
    static final String INVALID = "Invalid filter pattern definition.";
    /** The model's bound on one pattern. */
    static final int MAX_PATTERN = 4096;

    private final FilterCriteria criteria;
    private final Machine machine;

    private EventFilter(FilterCriteria criteria, Machine machine) {
        this.criteria = criteria;
        this.machine = machine;
    }

    /**
     * The filter of these criteria; null when there is none (no criteria, or no filter in them).
     *
     * @throws io.eventharness.emulator.core.AwsException InvalidParameterValueException {@value #INVALID} for a
     *                                                    pattern Event Ruler refuses
     */
    static EventFilter of(FilterCriteria criteria) {
        if (criteria == null || criteria.filters().isEmpty()) {
            return null;
        }
        Machine machine = new Machine();
        List<Filter> kept = new ArrayList<>();
        int i = 0;
        for (Filter f : criteria.filters()) {
            String pattern = f.pattern();
            if (pattern != null && pattern.length() > MAX_PATTERN) {
                throw MappingErrors.validation("filterCriteria.filters." + (i + 1) + ".member.pattern", pattern,
                        "Member must have length less than or equal to " + MAX_PATTERN);
            }
            if (pattern == null || pattern.isBlank() || JsonRuleCompiler.check(pattern) != null) {
                throw MappingErrors.invalid(INVALID);
            }
            try {
                machine.addRule("filter-" + i++, pattern);
            } catch (IOException | RuntimeException e) {
                throw MappingErrors.invalid(INVALID);
            }
            kept.add(f);
        }
        return new EventFilter(FilterCriteria.builder().filters(kept).build(), machine);
    }

    /** The criteria as they were given (the API answers them back). */
    FilterCriteria criteria() {
        return criteria;
    }

    /** Whether any filter matches the record (as the function would see it, a JSON body as JSON). */
    boolean matches(JsonNode record) {
        return !machine.rulesForJSONEvent(record).isEmpty();
    }
}
