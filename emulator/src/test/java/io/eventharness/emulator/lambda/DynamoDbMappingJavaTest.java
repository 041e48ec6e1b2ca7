package io.eventharness.emulator.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import io.eventharness.emulator.lambda.runtime.fixtures.DynamoDbEventHandler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.lambda.model.FunctionResponseType;
import software.amazon.awssdk.services.lambda.model.Runtime;

/**
 * A typed Java function ({@code RequestHandler<DynamodbEvent, StreamsEventResponse>}, aws-lambda-java-events, the
 * official runtime interface client) mapped to a table's stream: the runtime deserializes every record (its images, its
 * creation time, a Time to Live deletion's user), the reported failure is retried from there and what is left once the
 * retries are used up goes to the on-failure queue.
 */
class DynamoDbMappingJavaTest extends StreamMappingTestBase {

    @Test
    void aTypedJavaFunctionGetsEveryChangeAndItsReportedFailureIsRetriedFromThere() throws Exception {
        Path taskRoot = io.eventharness.emulator.lambda.runtime.Functions.javaTaskRoot(Files.createTempDirectory(dir, "java"),
                DynamoDbEventHandler.class);
        for (Class<?> c : List.of(DynamodbEvent.class, org.joda.time.DateTime.class)) { // the jars a deployment package bundles
            Path jar = Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
            Files.copy(jar, Files.createDirectories(taskRoot.resolve("lib")).resolve(jar.getFileName()));
        }
        String fn = Functions.create(lambda, aws.role(), Runtime.JAVA17, DynamoDbEventHandler.class.getName(), Functions.zip(taskRoot),
                b -> b.memorySize(256).timeout(30));
        MappedTable t = MappedTable.create(aws, ddb, dir, StreamViewType.NEW_AND_OLD_IMAGES, b -> { });
        ddb.updateTimeToLive(b -> b.tableName(t.table).timeToLiveSpecification(s -> s.enabled(true).attributeName("expires")));
        String[] dest = queue();
        long now = aws.emulator.clock().now().getEpochSecond();
        t.put("a", "first", Map.of("expires", AttributeValue.fromN(Long.toString(now + 60))));
        t.putAll(List.of("b:second", "c:report-fail-c", "d:fourth"));
        aws.emulator.clock().freeze();
        lambda.createEventSourceMapping(b -> b.eventSourceArn(t.arn).functionName(fn).startingPosition("TRIM_HORIZON").batchSize(10)
                .maximumRetryAttempts(1).functionResponseTypes(FunctionResponseType.REPORT_BATCH_ITEM_FAILURES)
                .destinationConfig(d -> d.onFailure(f -> f.destination(dest[1]))));
        settle();
        advance(Duration.ofSeconds(1));
        advance(Duration.ofSeconds(60));

        List<String> changes = aws.logMessages(fn).stream().filter(l -> l.startsWith("change ")).map(String::trim).toList();
        assertThat(changes).extracting(l -> l.substring(0, l.indexOf(" at "))).containsExactly("change INSERT a first",
                "change INSERT b second", "change INSERT c report-fail-c", "change INSERT d fourth", "change INSERT c report-fail-c",
                "change INSERT d fourth", "change REMOVE a -");
        assertThat(changes).allSatisfy(l -> {
            long created = Long.parseLong(l.substring(l.indexOf(" at ") + 4, l.indexOf(" by ")));
            assertThat(created).as("ApproximateCreationDateTime read as a date").isBetween(now - 5, now + 65);
            assertThat(l).endsWith(" in " + t.arn);
        });
        assertThat(changes.get(changes.size() - 1)).contains(" by dynamodb.amazonaws.com in ");
        assertThat(changes.get(0)).contains(" by user in ");
        assertThat(messages(dest[0])).singleElement().satisfies(r -> {
            assertThat(r.path("requestContext").path("approximateInvokeCount").asInt()).isEqualTo(2);
            assertThat(r.path("DDBStreamBatchInfo").path("batchSize").asInt()).as("from the reported change to the batch's end").isEqualTo(2);
        });
    }
}
