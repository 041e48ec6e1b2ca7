package io.eventharness.emulator.eventbridge;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.eventharness.emulator.delivery.TrailEntry;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Scheduled rules fire on the emulator's clock exactly when due, each firing with its own {@code time}, in the
 * shape AWS records ({@code Scheduled Event} from {@code aws.events}, the rule's ARN as the only resource).
 */
class EventBridgeScheduleTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static EventsFixture f;

    @BeforeAll
    static void start() {
        f = new EventsFixture();
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    private static JsonNode json(String s) {
        try {
            return JSON.readTree(s);
        } catch (Exception e) {
            throw new AssertionError(s, e);
        }
    }

    private String scheduledRule(String name, String expression, EventsFixture.Queue q) {
        String arn = f.events.putRule(b -> b.name(name).scheduleExpression(expression)).ruleArn();
        f.events.putTargets(b -> b.rule(name).targets(t -> t.id("queue").arn(q.arn())));
        return arn;
    }

    private void deleteRule(String name) {
        f.events.removeTargets(b -> b.rule(name).ids("queue"));
        f.events.deleteRule(b -> b.name(name));
    }

    @Test
    void aDailyCronFiresNeverAtOneSecondBeforeMidnightAndOnceAtMidnight() {
        EventsFixture.Queue q = f.queue("daily");
        Instant midnight = f.emulator.clock().now().truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(1));
        String rule = scheduledRule("daily", "cron(0 0 * * ? *)", q);
        f.emulator.clock().freeze(); // 23:59:59 must stay 23:59:59 while the test looks, however slow the machine
        try {
            f.emulator.clock().advance(Duration.between(f.emulator.clock().now(), midnight.minusSeconds(1)));
            assertThat(f.drain(q)).as("nothing at 23:59:59").isEmpty();
            f.emulator.clock().advance(Duration.ofSeconds(1));
            List<Message> got = f.drain(q);
            assertThat(got).hasSize(1);
            JsonNode e = json(got.get(0).body());
            assertThat(e.get("time").asText()).isEqualTo(midnight.toString());
            assertThat(JSON.createArrayNode().add("version").add("id").add("detail-type").add("source").add("account")
                    .add("time").add("region").add("resources").add("detail")).isEqualTo(JSON.valueToTree(
                    (Iterable<String>) e::fieldNames));
            assertThat(e.get("version").asText()).isEqualTo("0");
            assertThat(e.get("detail-type").asText()).isEqualTo("Scheduled Event");
            assertThat(e.get("source").asText()).isEqualTo("aws.events");
            assertThat(e.get("account").asText()).isEqualTo("000000000000");
            assertThat(e.get("region").asText()).isEqualTo("us-east-1");
            assertThat(e.get("resources")).containsExactly(JSON.getNodeFactory().textNode(rule));
            assertThat(e.get("detail").isObject() && e.get("detail").isEmpty()).isTrue();
            f.emulator.clock().advance(Duration.ofHours(23).plusMinutes(59));
            assertThat(f.drain(q)).as("no second firing the same day").isEmpty();
        } finally {
            f.emulator.clock().unfreeze();
            deleteRule("daily");
        }
    }

    /** Read from the trail: the queue keeps messages four days, as in AWS. */
    @Test
    void thirtyDaysMakeThirtyDeliveriesInOrderEachWithItsOwnTime() {
        EventsFixture.Queue q = f.queue("month");
        Instant firstMidnight = f.emulator.clock().now().truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(1));
        long before = f.emulator.trail().lastSeq();
        scheduledRule("month", "cron(0 0 * * ? *)", q);
        try {
            f.emulator.clock().advance(Duration.ofDays(30));
            List<TrailEntry> hops = f.emulator.trail().matching(e -> e.seq() > before && e.target().equals(q.arn()));
            assertThat(hops).hasSize(30).allSatisfy(e -> {
                assertThat(e.kind()).isEqualTo("events:Rule");
                assertThat(e.outcome()).isEqualTo("delivered");
            });
            for (int i = 0; i < 30; i++) {
                Instant due = firstMidnight.plus(Duration.ofDays(i));
                assertThat(hops.get(i).at()).as("delivered when due").isBetween(due, due.plusMillis(100));
                assertThat(hops.get(i).summary()).contains("\"time\":\"" + due + "\"");
            }
        } finally {
            deleteRule("month");
        }
    }

    @Test
    void aRateFiresEveryPeriodFromWhenTheRuleWasPut() {
        EventsFixture.Queue q = f.queue("rate");
        Instant put = f.emulator.clock().now();
        scheduledRule("rate", "rate(5 minutes)", q);
        try {
            f.emulator.clock().advance(Duration.ofMinutes(4));
            assertThat(f.drain(q)).isEmpty();
            f.emulator.clock().advance(Duration.ofMinutes(11));
            List<String> times = f.drain(q).stream().map(m -> json(m.body()).get("time").asText()).toList();
            assertThat(times).hasSize(3);
            assertThat(Instant.parse(times.get(0))).isBetween(put.plus(Duration.ofMinutes(5)).minusSeconds(1), put.plus(Duration.ofMinutes(5)).plusSeconds(1));
            assertThat(Duration.between(Instant.parse(times.get(0)), Instant.parse(times.get(2)))).isEqualTo(Duration.ofMinutes(10));
        } finally {
            deleteRule("rate");
        }
    }

    @Test
    void aDisabledRuleDoesNotFireAndATargetInputReplacesTheEvent() {
        EventsFixture.Queue q = f.queue("input");
        f.events.putRule(b -> b.name("input").scheduleExpression("rate(1 minute)"));
        f.events.putTargets(b -> b.rule("input").targets(t -> t.id("queue").arn(q.arn()).input("{\"custom-value\":\"somecustominput\"}")));
        try {
            f.events.disableRule(b -> b.name("input"));
            f.emulator.clock().advance(Duration.ofMinutes(3));
            assertThat(f.drain(q)).isEmpty();
            f.events.enableRule(b -> b.name("input"));
            f.emulator.clock().advance(Duration.ofMinutes(1));
            assertThat(f.drain(q)).extracting(Message::body).containsExactly("{\"custom-value\":\"somecustominput\"}");
        } finally {
            deleteRule("input");
        }
    }
}
