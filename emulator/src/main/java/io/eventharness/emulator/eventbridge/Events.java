package io.eventharness.emulator.eventbridge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.eventharness.emulator.core.Account;
import io.eventharness.emulator.core.Arn;
import io.eventharness.emulator.core.Json;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Events as EventBridge delivers them, keys in AWS's order: {@code version "0"}, {@code id}, {@code detail-type},
 * {@code source}, {@code account}, {@code time} ({@code yyyy-MM-ddTHH:mm:ssZ}), {@code region},
 * {@code resources}, {@code detail} (recorded against AWS: event-shapes.md, aws-recorded-shapes.md #15, #19, #20).
 */
final class Events {
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    private Events() {
    }

    static String time(Instant t) {
        return TIME.format(t.truncatedTo(ChronoUnit.SECONDS));
    }

    static ObjectNode event(String id, String detailType, String source, Instant time, String region, List<String> resources,
                            JsonNode detail) {
        ObjectNode e = Json.MAPPER.createObjectNode();
        e.put("version", "0");
        e.put("id", id);
        e.put("detail-type", detailType);
        e.put("source", source);
        e.put("account", Account.ID);
        e.put("time", time(time));
        e.put("region", region);
        ArrayNode r = e.putArray("resources");
        resources.forEach(r::add);
        e.set("detail", detail);
        return e;
    }

    /** What a scheduled rule sends: {@code detail-type "Scheduled Event"}, {@code source "aws.events"}, {@code detail {}}. */
    static ObjectNode scheduled(String id, Arn rule, Instant due) {
        return event(id, "Scheduled Event", "aws.events", due, rule.region(), List.of(rule.toString()),
                Json.MAPPER.createObjectNode());
    }

    /**
     * An event handed to a bus by another service, completed: missing {@code version}, {@code id}, {@code account},
     * {@code time}, {@code region}, {@code resources} and {@code detail} are filled in, and the keys put in AWS's order.
     */
    static ObjectNode complete(ObjectNode given, String id, Instant now, String region) {
        ObjectNode e = Json.MAPPER.createObjectNode();
        e.put("version", given.path("version").asText("0"));
        e.put("id", given.hasNonNull("id") ? given.get("id").asText() : id);
        e.set("detail-type", given.get("detail-type"));
        e.set("source", given.get("source"));
        e.put("account", given.path("account").asText(Account.ID));
        e.put("time", given.hasNonNull("time") ? given.get("time").asText() : time(now));
        e.put("region", given.path("region").asText(region));
        e.set("resources", given.has("resources") ? given.get("resources") : Json.MAPPER.createArrayNode());
        e.set("detail", given.has("detail") ? given.get("detail") : Json.MAPPER.createObjectNode());
        return e;
    }
}
