package io.eventharness.emulator.eventbridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.eventharness.emulator.TestAws;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.EventBridgeException;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** Patterns (each operator), PutEvents (partial failures, limits), and what targets receive (Input, InputPath, InputTransformer). */
class EventBridgeEventsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final EventBridgeClient events = TestAws.events();
    private final SqsClient sqs = TestAws.sqs();

    private static final String EVENT = "{\"id\":\"1\",\"account\":\"000000000000\",\"source\":\"orders\",\"time\":\"2026-01-01T00:00:00Z\","
            + "\"region\":\"us-east-1\",\"resources\":[],\"detail-type\":\"Order Placed\",\"detail\":{\"state\":\"Running\","
            + "\"file\":\"photo.JPG\",\"count\":12,\"customer\":{\"tier\":\"Gold\"},\"ip\":\"10.0.0.7\"}}";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "equals|{\"source\":[\"orders\"]}|true",
            "equals, no match|{\"source\":[\"payments\"]}|false",
            "prefix|{\"detail\":{\"state\":[{\"prefix\":\"Run\"}]}}|true",
            "suffix|{\"detail\":{\"file\":[{\"suffix\":\".JPG\"}]}}|true",
            "suffix, case matters|{\"detail\":{\"file\":[{\"suffix\":\".jpg\"}]}}|false",
            "anything-but|{\"detail\":{\"state\":[{\"anything-but\":[\"Stopped\"]}]}}|true",
            "anything-but, excluded|{\"detail\":{\"state\":[{\"anything-but\":\"Running\"}]}}|false",
            "numeric|{\"detail\":{\"count\":[{\"numeric\":[\">\",10,\"<=\",12]}]}}|true",
            "numeric, out of range|{\"detail\":{\"count\":[{\"numeric\":[\"<\",10]}]}}|false",
            "exists|{\"detail\":{\"customer\":{\"tier\":[{\"exists\":true}]}}}|true",
            "exists false|{\"detail\":{\"coupon\":[{\"exists\":false}]}}|true",
            "$or|{\"$or\":[{\"source\":[\"payments\"]},{\"detail\":{\"count\":[12]}}]}|true",
            "wildcard|{\"detail\":{\"file\":[{\"wildcard\":\"ph*.JPG\"}]}}|true",
            "equals-ignore-case|{\"detail\":{\"customer\":{\"tier\":[{\"equals-ignore-case\":\"gold\"}]}}}|true",
            "cidr|{\"detail\":{\"ip\":[{\"cidr\":\"10.0.0.0/24\"}]}}|true"})
    void eachOperatorMatchesAsEventRulerDoes(String operator, String pattern, boolean expected) {
        assertThat(events.testEventPattern(b -> b.eventPattern(pattern).event(EVENT)).result()).isEqualTo(expected);
    }

    @Test
    void testEventPatternRefusesWhatIsNotAnEvent() {
        assertThatThrownBy(() -> events.testEventPattern(b -> b.eventPattern("{\"source\":[\"x\"]}").event("\"plain\"")))
                .satisfies(e -> assertThat(((EventBridgeException) e).awsErrorDetails().errorMessage()).isEqualTo("Parameter Event is not valid."));
    }

    /** A rule matching {@code source} to a new queue that allows EventBridge; returns the queue URL. */
    private String ruleToQueue(String source, java.util.function.Consumer<software.amazon.awssdk.services.eventbridge.model.Target.Builder> target) {
        String url = sqs.createQueue(b -> b.queueName(TestAws.unique("eb"))).queueUrl();
        String arn = sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN)).attributes()
                .get(QueueAttributeName.QUEUE_ARN);
        sqs.setQueueAttributes(b -> b.queueUrl(url).attributes(Map.of(QueueAttributeName.POLICY, EventsFixture.allowEvents(arn, null))));
        events.putRule(b -> b.name(source).eventPattern("{\"source\":[\"" + source + "\"]}"));
        events.putTargets(b -> b.rule(source).targets(t -> {
            t.id("q").arn(arn);
            target.accept(t);
        }));
        return url;
    }

    private List<Message> receive(String url) {
        return sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10)).messages();
    }

    private static JsonNode json(String s) {
        try {
            return JSON.readTree(s);
        } catch (Exception e) {
            throw new AssertionError(s, e);
        }
    }

    @Test
    void putEventsDeliversTheEventInAwsShapeAndReportsEachEntry() {
        String source = TestAws.unique("shop");
        String url = ruleToQueue(source, t -> { });
        Instant time = Instant.parse("2026-05-01T10:15:30Z");
        PutEventsResponse r = events.putEvents(b -> b.entries(
                e -> e.source(source).detailType("Order Placed").detail("{\"id\":7}").time(time).resources("arn:aws:s3:::b"),
                e -> e.detailType("Order Placed").detail("{}"),
                e -> e.source(source).detailType("Order Placed").detail("[1]"),
                e -> e.source(source).detail("{}"),
                e -> e.source(source).detailType("x"),
                e -> e.source("aws.s3").detailType("x").detail("{}"),
                e -> e.source(source).detailType("Order Placed").detail("{}").eventBusName("no-such-bus")));
        assertThat(r.failedEntryCount()).isEqualTo(5);
        assertThat(r.entries().get(0).eventId()).isNotNull();
        assertThat(r.entries().subList(1, 6)).extracting(x -> x.errorCode() + ": " + x.errorMessage()).containsExactly(
                "InvalidArgument: Parameter Source is not valid. Reason: Source is a required argument.",
                "MalformedDetail: Detail is malformed.",
                "InvalidArgument: Parameter DetailType is not valid. Reason: DetailType is a required argument.",
                "InvalidArgument: Parameter Detail is not valid. Reason: Detail is a required argument.",
                "NotAuthorizedForSourceException: Not authorized for the source.");
        assertThat(r.entries().get(6).eventId()).as("a missing bus still gets an id, as in AWS").isNotNull();
        List<Message> got = receive(url);
        assertThat(got).hasSize(1);
        JsonNode e = json(got.get(0).body());
        assertThat(List.of(JSON.convertValue(e, Map.class).keySet().toArray())).containsExactly("version", "id", "detail-type",
                "source", "account", "time", "region", "resources", "detail");
        assertThat(e.get("id").asText()).isEqualTo(r.entries().get(0).eventId());
        assertThat(e.get("time").asText()).isEqualTo("2026-05-01T10:15:30Z");
        assertThat(e.get("resources").get(0).asText()).isEqualTo("arn:aws:s3:::b");
        assertThat(e.get("detail").get("id").asInt()).isEqualTo(7);
    }

    @Test
    void moreThanTenEntriesOrMoreThan256KiBAreRefusedWhole() {
        PutEventsRequestEntry one = PutEventsRequestEntry.builder().source("s").detailType("t").detail("{}").build();
        assertThatThrownBy(() -> events.putEvents(b -> b.entries(java.util.Collections.nCopies(11, one))))
                .satisfies(e -> assertThat(((EventBridgeException) e).awsErrorDetails().errorMessage())
                        .startsWith("1 validation error detected: Value '[PutEventsRequestEntry(").endsWith(
                                "at 'entries' failed to satisfy constraint: Member must have length less than or equal to 10"));
        String big = "{\"a\":\"" + "x".repeat(130 * 1024) + "\"}";
        PutEventsRequestEntry large = PutEventsRequestEntry.builder().source("s").detailType("t").detail(big).build();
        assertThatThrownBy(() -> events.putEvents(b -> b.entries(large, large)))
                .satisfies(e -> assertThat(((EventBridgeException) e).awsErrorDetails().errorMessage())
                        .isEqualTo("Total size of the entries in the request is over the limit."));
        assertThat(events.putEvents(b -> b.entries(large)).failedEntryCount()).isZero();
    }

    @Test
    void inputReplacesTheEventAndInputPathSelectsPartOfIt() {
        String s1 = TestAws.unique("input");
        String fixed = ruleToQueue(s1, t -> t.input("{\"fixed\":true}"));
        String s2 = TestAws.unique("path");
        String path = ruleToQueue(s2, t -> t.inputPath("$.detail.payload"));
        String s3 = TestAws.unique("leaf");
        String leaf = ruleToQueue(s3, t -> t.inputPath("$.detail.payload.sf_id"));
        for (String s : List.of(s1, s2, s3)) {
            events.putEvents(b -> b.entries(e -> e.source(s).detailType("t").detail("{\"payload\":{\"acc_id\":\"0a78\",\"sf_id\":\"baz\"}}")));
        }
        assertThat(receive(fixed)).extracting(Message::body).containsExactly("{\"fixed\":true}");
        assertThat(receive(path)).extracting(Message::body).containsExactly("{\"acc_id\":\"0a78\",\"sf_id\":\"baz\"}");
        assertThat(receive(leaf)).extracting(Message::body).containsExactly("\"baz\"");
    }

    @Test
    void inputTransformerFillsJsonAndStringTemplatesAsAwsRecordsThem() {
        String s1 = TestAws.unique("json");
        String json = ruleToQueue(s1, t -> t.inputTransformer(x -> x.inputPathsMap(Map.of("detail-type", "$.detail-type",
                "command", "$.detail.command", "payload", "$.detail.payload", "missing", "$.detail.nothing"))
                .inputTemplate("{\"type\": <detail-type>, \"command\": <command>, \"body\": <payload>, \"m\": <missing>,"
                        + " \"path\": \"users/<command>\", \"rule\": \"<aws.events.rule-name>\"}")));
        String s2 = TestAws.unique("text");
        String text = ruleToQueue(s2, t -> t.inputTransformer(x -> x.inputPathsMap(Map.of("payload", "$.detail.payload",
                "list", "$.detail.list")).inputTemplate("\"Payload of <payload> and <list> from <aws.events.rule-arn>\"")));
        for (String s : List.of(s1, s2)) {
            events.putEvents(b -> b.entries(e -> e.source(s).detailType("Order").detail(
                    "{\"command\":\"update\",\"payload\":{\"acc_id\":\"0a78\",\"sf_id\":\"baz\"},\"list\":[\"ACTIVE\",\"INACTIVE\"]}")));
        }
        JsonNode j = json(receive(json).get(0).body());
        assertThat(j.get("type").asText()).isEqualTo("Order");
        assertThat(j.get("command").asText()).isEqualTo("update");
        assertThat(j.get("body").get("sf_id").asText()).isEqualTo("baz");
        assertThat(j.get("m").asText()).as("a missing value is an empty string").isEmpty();
        assertThat(j.get("path").asText()).isEqualTo("users/update");
        assertThat(j.get("rule").asText()).isEqualTo(s1);
        assertThat(receive(text)).extracting(Message::body).containsExactly("\"Payload of {acc_id:0a78,sf_id:baz} and [ACTIVE,INACTIVE] from "
                + "arn:aws:events:us-east-1:000000000000:rule/" + s2 + "\"");
    }
}
