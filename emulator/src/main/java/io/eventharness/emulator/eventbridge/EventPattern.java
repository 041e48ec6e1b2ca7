package io.eventharness.emulator.eventbridge;

import software.amazon.event.ruler.Machine;

/**
 * An event pattern, compiled by AWS's own open-source matching engine, Event Ruler (the one EventBridge runs):
 * exact values, {@code prefix}, {@code suffix}, {@code anything-but}, {@code numeric}, {@code exists},
 * {@code equals-ignore-case}, {@code wildcard}, {@code cidr} and {@code $or}. A pattern Event Ruler refuses is
 * refused with its reason, as AWS words it ({@code Event pattern is not valid. Reason: ...}).
 */
final class EventPattern {
    private final String text;
    private final Machine machine;

    private EventPattern(String text, Machine machine) {
        this.text = text;
        this.machine = machine;
    }

    /** @throws io.eventharness.emulator.core.AwsException InvalidEventPatternException with Event Ruler's reason */
    static EventPattern compile(String text) {
        Machine m = new Machine();
        try {
            m.addRule("pattern", text);
        } catch (Exception | StackOverflowError e) {
            throw EventBridgeErrors.invalidPattern(String.valueOf(e.getMessage()));
        }
        return new EventPattern(text, m);
    }

    /** Whether the event (a JSON object) matches. */
    boolean matches(String eventJson) {
        try {
            return !machine.rulesForJSONEvent(eventJson).isEmpty();
        } catch (Exception e) {
            return false; // not an event Event Ruler can read: nothing matches it
        }
    }

    String text() {
        return text;
    }
}
