package io.eventharness.emulator.eventbridge;

import io.eventharness.emulator.core.Arn;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** One event bus: its rules by name (in name order, as ListRules answers) and tags, under its own lock. */
final class EventBus {
    private final String name;
    private final Arn arn;
    private final String description;
    private final Instant created;
    private final Map<String, EventRule> rules = new TreeMap<>();
    private final Map<String, String> tags = new LinkedHashMap<>();

    EventBus(String name, Arn arn, String description, Instant created) {
        this.name = name;
        this.arn = arn;
        this.description = description;
        this.created = created;
    }

    String name() {
        return name;
    }

    Arn arn() {
        return arn;
    }

    String description() {
        return description;
    }

    Instant created() {
        return created;
    }

    /** The rule's ARN: {@code rule/<name>} on the default bus, {@code rule/<bus>/<name>} on another. */
    Arn ruleArn(String rule) {
        return arn.withResource(name.equals(EventBuses.DEFAULT) ? "rule/" + rule : "rule/" + name + "/" + rule);
    }

    synchronized Optional<EventRule> rule(String rule) {
        return Optional.ofNullable(rules.get(rule));
    }

    synchronized List<EventRule> rules() {
        return new ArrayList<>(rules.values());
    }

    /** The rule of that name, created with this definition when there is none (then {@code created} is true). */
    synchronized EventRule putRule(String rule, EventRule.Definition d) {
        EventRule r = rules.get(rule);
        if (r == null) {
            r = new EventRule(rule, name, ruleArn(rule), d);
            rules.put(rule, r);
        } else {
            r.define(d);
        }
        return r;
    }

    /** Removes a rule that has no targets (unless forced); false when there is no such rule. */
    synchronized boolean deleteRule(String rule, boolean force) {
        EventRule r = rules.get(rule);
        if (r == null) {
            return false;
        }
        if (r.hasTargets() && !force) {
            throw EventBridgeErrors.validation("Rule can't be deleted since it has targets.");
        }
        rules.remove(rule);
        return true;
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
