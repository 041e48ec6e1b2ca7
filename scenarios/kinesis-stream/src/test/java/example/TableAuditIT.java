package example;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.eventharness.harness.Cloud;
import io.eventharness.harness.DeployedFunction;
import io.eventharness.harness.EventHarness;
import io.eventharness.harness.NeedsClock;
import io.eventharness.harness.wire.StreamMapping;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

/**
 * A table's DynamoDB stream wired by an event source mapping to {@link Auditor}, which writes each change to the audit
 * bucket; and the whole chain: events on a Kinesis stream, aggregated by {@link Aggregator} into a table whose stream
 * the auditor follows. The functions and the bucket are the class's; each test has its own tables, streams and mappings.
 *
 * <p>Tagged {@value #TAG}: these tests need Lambda to read DynamoDB streams ({@code cloud.wire().dynamoDbToLambda}, the
 * feature {@code DYNAMODB_EVENT_SOURCE}); a backend without it fails them at the wiring, at once, with a
 * {@code MissingFeatureException} that names it. {@code -DexcludedGroups=dynamodb-stream-mapping} leaves them out.
 */
@EventHarness
@Tag(TableAuditIT.TAG)
class TableAuditIT {
    static final String TAG = "dynamodb-stream-mapping";
    private static final Duration PATIENCE = Duration.ofSeconds(90);

    static Cloud shared;
    static String audit;
    static String totals;
    static DeployedFunction auditor;
    static DeployedFunction aggregator;

    @BeforeAll
    static void deploy() {
        audit = shared.name("audit");
        shared.s3().createBucket(b -> b.bucket(audit));
        totals = shared.name("totals");
        Scenario.createTable(shared, totals, StreamViewType.NEW_AND_OLD_IMAGES);
        auditor = shared.deploy(Scenario.function("example.Auditor::handleRequest", "auditor", Duration.ofSeconds(30))
                .env("AUDIT_BUCKET", audit));
        aggregator = shared.deploy(Scenario.function("example.Aggregator::handleRequest", "aggregator", Duration.ofSeconds(60))
                .env("TABLE", totals));
    }

    /** An item put, changed and deleted: INSERT, MODIFY, REMOVE, each with the images its table's view type gives. */
    @ParameterizedTest
    @EnumSource(value = StreamViewType.class, names = {"KEYS_ONLY", "NEW_IMAGE", "OLD_IMAGE", "NEW_AND_OLD_IMAGES"})
    void insertModifyRemoveCarryTheImagesOfTheStreamsViewType(StreamViewType view, Cloud cloud) {
        String table = cloud.name("items");
        Scenario.createTable(cloud, table, view);
        cloud.wire().dynamoDbToLambda(table, auditor, StreamMapping.trimHorizon());
        Map<String, AttributeValue> key = Map.of("pk", AttributeValue.builder().s("item-1").build());
        cloud.dynamoDb().putItem(b -> b.tableName(table).item(Map.of("pk", key.get("pk"), "v", AttributeValue.builder().n("1").build())));
        cloud.dynamoDb().updateItem(b -> b.tableName(table).key(key).updateExpression("SET v = :v")
                .expressionAttributeValues(Map.of(":v", AttributeValue.builder().n("2").build())));
        cloud.dynamoDb().deleteItem(b -> b.tableName(table).key(key));

        List<JsonNode> changes = audited(cloud, table, 3);
        assertThat(changes).extracting(c -> c.path("eventName").asText()).containsExactly("INSERT", "MODIFY", "REMOVE");
        assertThat(changes).allSatisfy(c -> {
            assertThat(c.path("keys").toString()).isEqualTo("{\"pk\":\"item-1\"}");
            assertThat(c.path("streamViewType").asText()).isEqualTo(view.toString());
        });
        boolean news = view == StreamViewType.NEW_IMAGE || view == StreamViewType.NEW_AND_OLD_IMAGES;
        boolean olds = view == StreamViewType.OLD_IMAGE || view == StreamViewType.NEW_AND_OLD_IMAGES;
        assertThat(images(changes, "newImage")).as("new images of %s", view)
                .containsExactly(news ? "1" : null, news ? "2" : null, null);
        assertThat(images(changes, "oldImage")).as("old images of %s", view)
                .containsExactly(null, olds ? "1" : null, olds ? "2" : null);
    }

    /** Time to Live deletes the item when the clock passes its expiry: a REMOVE by DynamoDB itself, audited. */
    @Test
    @NeedsClock("the item expires an hour later on the clock")
    void anItemThatTimeToLiveExpiresIsAuditedAsARemoveByTheService(Cloud cloud) {
        String table = cloud.name("sessions");
        Scenario.createTable(cloud, table, StreamViewType.NEW_AND_OLD_IMAGES);
        cloud.dynamoDb().updateTimeToLive(b -> b.tableName(table).timeToLiveSpecification(t -> t.enabled(true).attributeName("expiresAt")));
        cloud.wire().dynamoDbToLambda(table, auditor, StreamMapping.trimHorizon());
        long expiresAt = cloud.now().plus(Duration.ofHours(1)).getEpochSecond();
        cloud.dynamoDb().putItem(b -> b.tableName(table).item(Map.of("pk", AttributeValue.builder().s("session-1").build(),
                "expiresAt", AttributeValue.builder().n(Long.toString(expiresAt)).build())));
        assertThat(audited(cloud, table, 1).get(0).path("eventName").asText()).isEqualTo("INSERT");
        cloud.settle(PATIENCE);
        assertThat(cloud.bucket(audit).keys(table + "/")).as("not expired yet").hasSize(1);

        cloud.advance(Duration.ofHours(1).plusMinutes(1));

        JsonNode removed = audited(cloud, table, 2).get(1);
        assertThat(removed.path("eventName").asText()).isEqualTo("REMOVE");
        assertThat(removed.path("userIdentity").path("type").asText()).isEqualTo("Service");
        assertThat(removed.path("userIdentity").path("principalId").asText()).isEqualTo("dynamodb.amazonaws.com");
        assertThat(removed.path("oldImage").path("expiresAt").asLong()).isEqualTo(expiresAt);
        assertThat(cloud.table(table).item(Map.of("pk", AttributeValue.builder().s("session-1").build()))).isNull();
    }

    /** Events on a Kinesis stream, counted into the totals table, whose stream the auditor follows: the whole chain. */
    @Test
    void eventsAggregatedFromKinesisReachTheAuditTrailThroughTheTablesStream(Cloud cloud) {
        String stream = Scenario.stream(cloud, "events");
        String device = cloud.name("d");
        cloud.wire().kinesisToLambda(stream, aggregator, StreamMapping.trimHorizon());
        cloud.wire().dynamoDbToLambda(totals, auditor, StreamMapping.latest()
                .filter("{\"dynamodb\": {\"Keys\": {\"pk\": {\"S\": [\"" + device + "\"]}}}}"));
        Scenario.put(cloud, stream, device, Scenario.event(device, 1, 2));
        Scenario.put(cloud, stream, device, Scenario.event(device, 2, 3));
        Scenario.put(cloud, stream, device, Scenario.event(device, 3, 5));

        List<JsonNode> changes = audited(cloud, totals, 3);
        assertThat(changes).extracting(c -> c.path("eventName").asText()).containsExactly("INSERT", "MODIFY", "MODIFY");
        assertThat(changes).extracting(c -> c.path("newImage").path("total").asLong()).containsExactly(2L, 5L, 10L);
        assertThat(changes).extracting(c -> c.path("oldImage").path("total").asLong(-1)).containsExactly(-1L, 2L, 5L);
    }

    /** The audit records of the table, in the stream's order, once there are {@code n}. */
    private static List<JsonNode> audited(Cloud cloud, String table, int n) {
        List<String> keys = cloud.bucket(audit).await().atMost(PATIENCE).keys(table + "/", n);
        List<JsonNode> out = new ArrayList<>();
        keys.stream().sorted().forEach(k -> out.add(Scenario.json(cloud.s3().getObjectAsBytes(b -> b.bucket(audit).key(k)).asUtf8String())));
        return out;
    }

    /** Each change's image's {@code v}, or null where the change has no such image. */
    private static List<String> images(List<JsonNode> changes, String image) {
        return changes.stream().map(c -> c.has(image) ? c.path(image).path("v").asText() : null).toList();
    }
}
