package io.eventharness.harness.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** The diagram's lifelines in the order the timeline first names them, each with its lane (0, 1, ...). */
final class Lifelines {
    private final Pattern namePrefix;
    private final Map<String, Integer> lanes = new LinkedHashMap<>();
    private final List<Lifeline> all = new ArrayList<>();

    /** @param runPrefix the run prefix: {@code <run prefix>-<test or class id>-} is cut from resource names */
    Lifelines(String runPrefix) {
        this.namePrefix = Pattern.compile("^" + Pattern.quote(runPrefix) + "-[0-9a-z]+-");
    }

    /** The lane of an endpoint's lifeline, a new one at the right when it was not seen yet. */
    int lane(String endpoint) {
        return lane(Lifeline.of(endpoint, namePrefix));
    }

    /** The lane of a function known by its name. */
    int functionLane(String name) {
        return lane(Lifeline.function(name, namePrefix));
    }

    private int lane(Lifeline l) {
        return lanes.computeIfAbsent(l.key(), k -> {
            all.add(l);
            return all.size() - 1;
        });
    }

    List<Lifeline> all() {
        return List.copyOf(all);
    }
}
