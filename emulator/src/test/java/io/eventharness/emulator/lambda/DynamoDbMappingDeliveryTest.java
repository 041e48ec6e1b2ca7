package io.eventharness.emulator.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.lambda.model.Filter;
import software.amazon.awssdk.services.lambda.model.InvalidParameterValueException;

/**
 * DynamoDB stream mappings deliver: the stream record field for field as AWS records it (INSERT, MODIFY, REMOVE with
 * the images of the stream's view type; a Time to Live deletion with DynamoDB as its user), in order, in batches of
 * {@code BatchSize}, from {@code TRIM_HORIZON} or {@code LATEST}, after a batching window on the clock, through filters
 * on the record's {@code dynamodb} fields. Records reach the function on arrival: each test settles the emulator
 * instead of waiting.
 */
class DynamoDbMappingDeliveryTest extends StreamMappingTestBase {

    @Test
    void theFunctionGetsInsertModifyAndRemoveAsAwsRecordsThem() {
        MappedTable t = table(StreamViewType.NEW_AND_OLD_IMAGES);
        t.put("a", "one");
        t.put("a", "two");
        t.delete("a");
        t.map(lambda, b -> b.batchSize(10));
        settle();

        assertThat(t.events()).hasSize(1);
        JsonNode event = t.events().get(0);
        assertThat(KinesisMappingFailureTest.fieldNames(event)).containsExactly("Records");
        List<JsonNode> records = t.recordsGot();
        assertThat(records).extracting(r -> r.path("eventName").asText()).containsExactly("INSERT", "MODIFY", "REMOVE");
        long now = aws.emulator.clock().now().getEpochSecond();
        List<String> sequenceNumbers = new ArrayList<>();
        for (JsonNode r : records) {
            assertThat(KinesisMappingFailureTest.fieldNames(r)).containsExactly("eventID", "eventName", "eventVersion", "eventSource",
                    "awsRegion", "dynamodb", "eventSourceARN");
            assertThat(r.path("eventID").asText()).matches("[0-9a-f]{32}");
            assertThat(r.path("eventVersion").asText()).isEqualTo("1.1");
            assertThat(r.path("eventSource").asText()).isEqualTo("aws:dynamodb");
            assertThat(r.path("awsRegion").asText()).isEqualTo(aws.emulator.region().id());
            assertThat(r.path("eventSourceARN").asText()).isEqualTo(t.arn).matches("arn:aws:dynamodb:[a-z0-9-]+:\\d{12}:table/" + t.table
                    + "/stream/\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}");
            JsonNode d = r.path("dynamodb");
            assertThat(d.path("ApproximateCreationDateTime").isIntegralNumber()).as("epoch seconds, a whole number").isTrue();
            assertThat(d.path("ApproximateCreationDateTime").asLong()).isBetween(now - 60, now);
            assertThat(d.path("Keys").toString()).isEqualTo("{\"pk\":{\"S\":\"a\"}}");
            assertThat(d.path("SequenceNumber").asText()).matches("\\d{21}");
            assertThat(d.path("StreamViewType").asText()).isEqualTo("NEW_AND_OLD_IMAGES");
            assertThat(d.path("SizeBytes").isIntegralNumber()).isTrue();
            sequenceNumbers.add(d.path("SequenceNumber").asText());
        }
        assertThat(sequenceNumbers).isSorted().doesNotHaveDuplicates();
        JsonNode insert = records.get(0).path("dynamodb");
        assertThat(KinesisMappingFailureTest.fieldNames(insert)).containsExactly("ApproximateCreationDateTime", "Keys", "NewImage",
                "SequenceNumber", "SizeBytes", "StreamViewType");
        assertThat(insert.path("NewImage").path("v").toString()).isEqualTo("{\"S\":\"one\"}");
        assertThat(insert.path("SizeBytes").asInt()).as("key 'pk'+'a' (3) and the new image (3 + 'v'+'one')").isEqualTo(10);
        JsonNode modify = records.get(1).path("dynamodb");
        assertThat(KinesisMappingFailureTest.fieldNames(modify)).containsExactly("ApproximateCreationDateTime", "Keys", "NewImage",
                "OldImage", "SequenceNumber", "SizeBytes", "StreamViewType");
        assertThat(modify.path("OldImage").path("v").path("S").asText()).isEqualTo("one");
        assertThat(modify.path("NewImage").path("v").path("S").asText()).isEqualTo("two");
        assertThat(modify.path("SizeBytes").asInt()).isEqualTo(17);
        JsonNode remove = records.get(2).path("dynamodb");
        assertThat(remove.has("NewImage")).isFalse();
        assertThat(remove.path("OldImage").path("v").path("S").asText()).isEqualTo("two");
    }

    @ParameterizedTest
    @EnumSource(value = StreamViewType.class, names = {"KEYS_ONLY", "NEW_IMAGE", "OLD_IMAGE", "NEW_AND_OLD_IMAGES"})
    void eachViewTypeCarriesItsImages(StreamViewType view) {
        MappedTable t = table(view);
        t.map(lambda, b -> b.batchSize(10));
        t.put("a", "one");
        t.put("a", "two");
        t.delete("a");
        settle();

        List<String> images = t.recordsGot().stream().map(r -> r.path("eventName").asText() + ":"
                + (r.path("dynamodb").has("NewImage") ? "new" : "") + (r.path("dynamodb").has("OldImage") ? "old" : "")).toList();
        List<String> expected = switch (view) {
            case KEYS_ONLY -> List.of("INSERT:", "MODIFY:", "REMOVE:");
            case NEW_IMAGE -> List.of("INSERT:new", "MODIFY:new", "REMOVE:");
            case OLD_IMAGE -> List.of("INSERT:", "MODIFY:old", "REMOVE:old");
            default -> List.of("INSERT:new", "MODIFY:newold", "REMOVE:old");
        };
        assertThat(images).containsExactlyElementsOf(expected);
        assertThat(t.recordsGot()).allSatisfy(r -> assertThat(r.path("dynamodb").path("StreamViewType").asText()).isEqualTo(view.toString()));
    }

    @Test
    void aTimeToLiveDeletionReachesTheFunctionAsARemoveByDynamoDb() {
        MappedTable t = table(StreamViewType.NEW_AND_OLD_IMAGES);
        ddb.updateTimeToLive(b -> b.tableName(t.table).timeToLiveSpecification(s -> s.enabled(true).attributeName("expires")));
        t.map(lambda, b -> b.batchSize(10));
        long expires = aws.emulator.clock().now().getEpochSecond() + 120;
        t.put("session", "open", Map.of("expires", AttributeValue.fromN(Long.toString(expires))));
        t.put("user", "deleted by hand");
        t.delete("user");
        settle();
        assertThat(t.recordsGot()).extracting(r -> r.path("eventName").asText()).containsExactly("INSERT", "INSERT", "REMOVE");
        assertThat(t.recordsGot().get(2).has("userIdentity")).as("a deletion by a user has no userIdentity").isFalse();

        advance(Duration.ofSeconds(121));
        List<JsonNode> got = t.recordsGot();
        assertThat(got).hasSize(4);
        JsonNode ttl = got.get(3);
        assertThat(ttl.path("eventName").asText()).isEqualTo("REMOVE");
        assertThat(ttl.path("dynamodb").path("Keys").toString()).isEqualTo("{\"pk\":{\"S\":\"session\"}}");
        assertThat(ttl.path("dynamodb").path("OldImage").path("expires").path("N").asText()).isEqualTo(Long.toString(expires));
        assertThat(ttl.path("userIdentity").toString()).isEqualTo("{\"type\":\"Service\",\"principalId\":\"dynamodb.amazonaws.com\"}");
    }

    @Test
    void changesArriveInOrderInBatchesOfBatchSize() {
        MappedTable t = table(StreamViewType.NEW_IMAGE);
        List<String> data = IntStream.range(0, 25).mapToObj(i -> "k" + (i % 3) + ":r" + i).toList();
        t.putAll(data);
        t.map(lambda, b -> b.batchSize(10));
        settle();

        assertThat(t.batches()).extracting(List::size).containsExactly(10, 10, 5);
        assertThat(t.data()).containsExactlyElementsOf(data.stream().map(d -> d.substring(d.indexOf(':') + 1)).toList());
    }

    @Test
    void trimHorizonReadsWhatIsThereAndLatestOnlyWhatComesAfterTheMapping() {
        MappedTable t = table(StreamViewType.NEW_IMAGE);
        t.put("a", "before");
        t.map(lambda, b -> b.batchSize(10));
        MappedTable latest = table(StreamViewType.NEW_IMAGE);
        lambda.createEventSourceMapping(b -> b.eventSourceArn(t.arn).functionName(latest.function).startingPosition("LATEST"));
        t.put("b", "after");
        settle();

        assertThat(t.data()).containsExactly("before", "after");
        assertThat(latest.data()).containsExactly("after");
    }

    @Test
    void aBatchingWindowGathersChangesUntilItEndsOnTheClockUnlessTheBatchFillsUp() {
        MappedTable t = table(StreamViewType.NEW_IMAGE);
        t.map(lambda, b -> b.batchSize(5).maximumBatchingWindowInSeconds(60));
        t.putAll(List.of("a", "b", "c"));
        settle();
        assertThat(t.events()).as("gathering: the window is due on the clock, nothing pending").isEmpty();

        aws.emulator.clock().freeze();
        advance(Duration.ofSeconds(59));
        assertThat(t.events()).isEmpty();
        advance(Duration.ofSeconds(1));
        assertThat(t.batches()).containsExactly(List.of("a", "b", "c"));

        t.putAll(List.of("d", "e", "f", "g", "h", "i"));
        settle();
        assertThat(t.batches()).as("a full batch goes at once").containsExactly(List.of("a", "b", "c"), List.of("d", "e", "f", "g", "h"));
        advance(Duration.ofSeconds(60));
        assertThat(t.batches()).last().isEqualTo(List.of("i"));
    }

    @Test
    void filtersSeeTheRecordsDynamoDbFieldsAndSkipWhatNoneMatches() {
        MappedTable t = table(StreamViewType.NEW_AND_OLD_IMAGES);
        t.map(lambda, b -> b.batchSize(10).filterCriteria(f -> f.filters(
                Filter.builder().pattern("{\"eventName\": [\"INSERT\"], \"dynamodb\": {\"NewImage\": {\"v\": {\"S\": [{\"prefix\": \"order\"}]}}}}").build(),
                Filter.builder().pattern("{\"eventName\": [\"REMOVE\"], \"dynamodb\": {\"Keys\": {\"pk\": {\"S\": [\"vip\"]}}}}").build())));
        t.putAll(List.of("o1:order-1", "n1:noise", "vip:vip-item"));
        t.put("o1", "order-2");
        t.delete("n1");
        t.delete("vip");
        settle();

        assertThat(t.recordsGot()).extracting(r -> r.path("eventName").asText() + " " + r.path("dynamodb").path("Keys").path("pk").path("S").asText())
                .containsExactly("INSERT o1", "REMOVE vip");
        assertThat(aws.emulator.trail().matching(e -> e.source().equals(t.arn) && e.outcome().startsWith("filtered out"))).isNotEmpty();
        assertThatThrownBy(() -> lambda.createEventSourceMapping(b -> b.eventSourceArn(t.arn).functionName(t.function)
                .startingPosition("LATEST").filterCriteria(f -> f.filters(Filter.builder().pattern("{\"dynamodb\": [\"x\"]}").build()))))
                .isInstanceOf(InvalidParameterValueException.class);
    }

    @Test
    void disablingKeepsThePositionAndEnablingGoesOnFromThere() {
        MappedTable t = table(StreamViewType.NEW_IMAGE);
        String uuid = t.map(lambda, b -> b.batchSize(10));
        t.putAll(List.of("a", "b"));
        settle();
        lambda.updateEventSourceMapping(b -> b.uuid(uuid).enabled(false));
        t.putAll(List.of("c", "d"));
        settle();
        assertThat(t.data()).containsExactly("a", "b");

        lambda.updateEventSourceMapping(b -> b.uuid(uuid).enabled(true));
        settle();
        assertThat(t.data()).containsExactly("a", "b", "c", "d");
        assertThat(lambda.getEventSourceMapping(b -> b.uuid(uuid)).lastProcessingResult()).isEqualTo("OK");
    }
}
