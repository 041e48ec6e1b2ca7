package io.eventharness.emulator.eventbridge;

import io.eventharness.emulator.core.Arn;
import io.eventharness.emulator.schedule.ScheduleExpression;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One rule of an event bus: an event pattern or a schedule (or both), its state, its targets and tags. Its fields
 * change only through its own methods, under its own lock.
 */
final class EventRule {
    /** What PutRule sets; the rule keeps its targets and tags across an update. */
    record Definition(EventPattern pattern, String scheduleText, ScheduleExpression schedule, boolean enabled,
                      String description, String roleArn) {
    }

    static final int MAX_TARGETS = 5;

    private final String name;
    private final String busName;
    private final Arn arn;
    private Definition definition;
    private final Map<String, RuleTarget> targets = new LinkedHashMap<>();
    private final Map<String, String> tags = new LinkedHashMap<>();

    EventRule(String name, String busName, Arn arn, Definition definition) {
        this.name = name;
        this.busName = busName;
        this.arn = arn;
        this.definition = definition;
    }

    String name() {
        return name;
    }

    String busName() {
        return busName;
    }

    Arn arn() {
        return arn;
    }

    synchronized Definition definition() {
        return definition;
    }

    synchronized void define(Definition d) {
        definition = d;
    }

    synchronized void setEnabled(boolean enabled) {
        Definition d = definition;
        definition = new Definition(d.pattern(), d.scheduleText(), d.schedule(), enabled, d.description(), d.roleArn());
    }

    synchronized List<RuleTarget> targets() {
        return new ArrayList<>(targets.values());
    }

    synchronized boolean hasTargets() {
        return !targets.isEmpty();
    }

    /** Adds or replaces targets by id; refuses (changing nothing) when the rule would have more than five. */
    synchronized void putTargets(Collection<RuleTarget> given) {
        long added = given.stream().map(RuleTarget::id).distinct().filter(id -> !targets.containsKey(id)).count();
        if (targets.size() + added > MAX_TARGETS) {
            throw EventBridgeErrors.tooManyTargets();
        }
        given.forEach(t -> targets.put(t.id(), t));
    }

    /** Removes targets by id; returns the ids that were not there. */
    synchronized List<String> removeTargets(Collection<String> ids) {
        List<String> missing = new ArrayList<>();
        for (String id : ids) {
            if (targets.remove(id) == null) {
                missing.add(id);
            }
        }
        return missing;
    }

    synchronized Map<String, String> tags() {
        return new LinkedHashMap<>(tags);
    }

    synchronized void tag(Map<String, String> added) {
        tags.putAll(added);
    }

    synchronized void untag(Collection<String> keys) {
        keys.forEach(tags::remove);
    }
}
