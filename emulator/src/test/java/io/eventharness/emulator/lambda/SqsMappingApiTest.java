package io.eventharness.emulator.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventharness.emulator.TestAws;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.lambda.model.CreateEventSourceMappingRequest;
import software.amazon.awssdk.services.lambda.model.CreateEventSourceMappingResponse;
import software.amazon.awssdk.services.lambda.model.DeleteEventSourceMappingResponse;
import software.amazon.awssdk.services.lambda.model.EventSourceMappingConfiguration;
import software.amazon.awssdk.services.lambda.model.EventSourcePosition;
import software.amazon.awssdk.services.lambda.model.GetEventSourceMappingResponse;
import software.amazon.awssdk.services.lambda.model.InvalidParameterValueException;
import software.amazon.awssdk.services.lambda.model.LambdaException;
import software.amazon.awssdk.services.lambda.model.ResourceConflictException;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;
import software.amazon.awssdk.services.lambda.model.UpdateEventSourceMappingResponse;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** The event source mapping API for SQS through the SDK: answers field for field as AWS records them, and each refusal. */
class SqsMappingApiTest extends MappingTestBase {
    private static String fn;

    @BeforeAll
    static void function() {
        fn = aws.python("m.handler", "m", "def handler(event, context):\n    return None\n", b -> b.timeout(3));
    }

    private static String queue(String name, Map<QueueAttributeName, String> attributes) {
        String url = sqs.createQueue(b -> b.queueName(name).attributes(attributes)).queueUrl();
        return sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN)).attributes()
                .get(QueueAttributeName.QUEUE_ARN);
    }

    private static String queue() {
        return queue(TestAws.unique("q"), Map.of());
    }

    private static void refused(Consumer<CreateEventSourceMappingRequest.Builder> request, Class<? extends LambdaException> type,
                                String message) {
        String q = queue();
        assertThatThrownBy(() -> lambda.createEventSourceMapping(b -> {
            b.eventSourceArn(q).functionName(fn);
            request.accept(b);
        })).isInstanceOfSatisfying(type, e -> assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(message));
    }

    @Test
    void aMappingIsCreatedEnabledUpdatedDisabledAndDeletedWithTheStatesAwsAnswers() {
        String q = queue();
        CreateEventSourceMappingResponse created = lambda.createEventSourceMapping(b -> b.eventSourceArn(q).functionName(fn));
        assertThat(created.sdkHttpResponse().statusCode()).isEqualTo(202);
        assertThat(created.state()).isEqualTo("Creating");
        assertThat(created.uuid()).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        assertThat(created.eventSourceMappingArn()).isEqualTo("arn:aws:lambda:us-east-1:000000000000:event-source-mapping:" + created.uuid());
        assertThat(created.batchSize()).isEqualTo(10);
        assertThat(created.maximumBatchingWindowInSeconds()).isZero();
        assertThat(created.eventSourceArn()).isEqualTo(q);
        assertThat(created.functionArn()).isEqualTo("arn:aws:lambda:us-east-1:000000000000:function:" + fn);
        assertThat(created.functionResponseTypes()).isEmpty();
        assertThat(created.hasFunctionResponseTypes()).as("answered as []").isTrue();
        assertThat(created.stateTransitionReason()).isEqualTo("USER_INITIATED");
        assertThat(created.lastModified()).isNotNull();
        assertThat(created.scalingConfig()).isNull();
        assertThat(created.filterCriteria()).isNull();
        assertThat(created.startingPosition()).isNull();
        assertThat(created.lastProcessingResult()).isNull();

        GetEventSourceMappingResponse got = lambda.getEventSourceMapping(b -> b.uuid(created.uuid()));
        assertThat(got.sdkHttpResponse().statusCode()).isEqualTo(200);
        assertThat(got.state()).isEqualTo("Enabled");

        UpdateEventSourceMappingResponse updated = lambda.updateEventSourceMapping(b -> b.uuid(created.uuid()).batchSize(5)
                .scalingConfig(s -> s.maximumConcurrency(3)).functionResponseTypesWithStrings("ReportBatchItemFailures"));
        assertThat(updated.sdkHttpResponse().statusCode()).isEqualTo(202);
        assertThat(updated.state()).isEqualTo("Updating");
        assertThat(updated.batchSize()).isEqualTo(5);
        assertThat(updated.scalingConfig().maximumConcurrency()).isEqualTo(3);
        assertThat(updated.functionResponseTypesAsStrings()).containsExactly("ReportBatchItemFailures");
        assertThat(lambda.updateEventSourceMapping(b -> b.uuid(created.uuid()).enabled(false)).state()).isEqualTo("Disabling");
        assertThat(lambda.getEventSourceMapping(b -> b.uuid(created.uuid())).state()).isEqualTo("Disabled");
        assertThat(lambda.updateEventSourceMapping(b -> b.uuid(created.uuid()).enabled(true)).state()).isEqualTo("Enabling");
        assertThat(lambda.getEventSourceMapping(b -> b.uuid(created.uuid())).state()).isEqualTo("Enabled");

        DeleteEventSourceMappingResponse deleted = lambda.deleteEventSourceMapping(b -> b.uuid(created.uuid()));
        assertThat(deleted.sdkHttpResponse().statusCode()).isEqualTo(202);
        assertThat(deleted.state()).isEqualTo("Deleting");
        assertThatThrownBy(() -> lambda.getEventSourceMapping(b -> b.uuid(created.uuid())))
                .isInstanceOfSatisfying(ResourceNotFoundException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
                        .isEqualTo("The resource you requested does not exist."));
    }

    @Test
    void aMappingCreatedDisabledAnswersDisabled() {
        CreateEventSourceMappingResponse r = lambda.createEventSourceMapping(b -> b.eventSourceArn(queue()).functionName(fn)
                .batchSize(1).enabled(false));
        assertThat(r.state()).isEqualTo("Disabled");
        assertThat(r.batchSize()).isEqualTo(1);
    }

    @Test
    void filtersAreAnsweredAsGiven() {
        String pattern = "{\"body\": {\"my-number\": [{\"numeric\": [\">=\", 100, \"<\", 200]}]}}";
        CreateEventSourceMappingResponse r = lambda.createEventSourceMapping(b -> b.eventSourceArn(queue()).functionName(fn)
                .maximumBatchingWindowInSeconds(1).filterCriteria(f -> f.filters(x -> x.pattern(pattern))));
        assertThat(r.filterCriteria().filters()).singleElement().satisfies(f -> assertThat(f.pattern()).isEqualTo(pattern));
        assertThat(r.maximumBatchingWindowInSeconds()).isEqualTo(1);
    }

    @Test
    void theFunctionIsNamedAsGiven() {
        lambda.publishVersion(b -> b.functionName(fn));
        lambda.createAlias(b -> b.functionName(fn).name("live").functionVersion("1"));
        String base = "arn:aws:lambda:us-east-1:000000000000:function:" + fn;
        assertThat(lambda.createEventSourceMapping(b -> b.eventSourceArn(queue()).functionName(fn + ":$LATEST")).functionArn())
                .isEqualTo(base + ":$LATEST");
        assertThat(lambda.createEventSourceMapping(b -> b.eventSourceArn(queue()).functionName(fn + ":live")).functionArn())
                .isEqualTo(base + ":live");
        assertThat(lambda.createEventSourceMapping(b -> b.eventSourceArn(queue()).functionName(base + ":1")).functionArn())
                .isEqualTo(base + ":1");
        refused(b -> b.functionName(fn + ":nope"), InvalidParameterValueException.class, "Function does not exist");
    }

    @Test
    void listFiltersBySourceAndFunctionAndPages() {
        String q = queue();
        String other = aws.python("m.handler", "m", "def handler(event, context):\n    return None\n", b -> b.timeout(3));
        String a = lambda.createEventSourceMapping(b -> b.eventSourceArn(q).functionName(fn)).uuid();
        String b2 = lambda.createEventSourceMapping(b -> b.eventSourceArn(q).functionName(other)).uuid();
        assertThat(lambda.listEventSourceMappings(b -> b.eventSourceArn(q)).eventSourceMappings())
                .extracting(EventSourceMappingConfiguration::uuid).containsExactly(a, b2);
        assertThat(lambda.listEventSourceMappings(b -> b.eventSourceArn(q).functionName(other)).eventSourceMappings())
                .extracting(EventSourceMappingConfiguration::uuid).containsExactly(b2);
        var page = lambda.listEventSourceMappings(b -> b.eventSourceArn(q).maxItems(1));
        assertThat(page.eventSourceMappings()).extracting(EventSourceMappingConfiguration::uuid).containsExactly(a);
        assertThat(lambda.listEventSourceMappings(b -> b.eventSourceArn(q).marker(page.nextMarker())).eventSourceMappings())
                .extracting(EventSourceMappingConfiguration::uuid).containsExactly(b2);
        assertThat(lambda.listEventSourceMappings(b -> b.functionName("does-not-exist")).eventSourceMappings()).isEmpty();
    }

    @Test
    void tagsOfAMappingAreKeptByItsArn() {
        CreateEventSourceMappingResponse r = lambda.createEventSourceMapping(b -> b.eventSourceArn(queue()).functionName(fn)
                .tags(Map.of("team", "orders")));
        String arn = r.eventSourceMappingArn();
        assertThat(lambda.listTags(b -> b.resource(arn)).tags()).containsExactly(Map.entry("team", "orders"));
        lambda.tagResource(b -> b.resource(arn).tags(Map.of("env", "test")));
        lambda.untagResource(b -> b.resource(arn).tagKeys("team"));
        assertThat(lambda.listTags(b -> b.resource(arn)).tags()).containsExactly(Map.entry("env", "test"));
        String missing = "arn:aws:lambda:us-east-1:000000000000:event-source-mapping:00000000-0000-4000-8000-000000000000";
        assertThatThrownBy(() -> lambda.listTags(b -> b.resource(missing))).isInstanceOfSatisfying(ResourceNotFoundException.class,
                e -> assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Event source mapping not found: " + missing));
    }

    @Test
    void unknownMappingsAreNotFound() {
        String uuid = "00000000-0000-4000-8000-000000000000";
        for (Runnable call : List.<Runnable>of(() -> lambda.getEventSourceMapping(b -> b.uuid(uuid)),
                () -> lambda.updateEventSourceMapping(b -> b.uuid(uuid).enabled(false)),
                () -> lambda.deleteEventSourceMapping(b -> b.uuid(uuid)))) {
            assertThatThrownBy(call::run).isInstanceOfSatisfying(ResourceNotFoundException.class,
                    e -> assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("The resource you requested does not exist."));
        }
    }

    @Test
    void theRefusalsAreWordedAsAwsWordsThem() {
        assertThatThrownBy(() -> lambda.createEventSourceMapping(b -> b.functionName("doesnotexist")))
                .isInstanceOfSatisfying(InvalidParameterValueException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
                        .isEqualTo("Unrecognized event source."));
        refused(b -> b.functionName("doesnotexist"), InvalidParameterValueException.class, "Function does not exist");
        refused(b -> b.eventSourceArn("arn:aws:sqs:us-east-1:000000000000:" + TestAws.unique("missing")), InvalidParameterValueException.class,
                "Error occurred while ReceiveMessage. SQS Error Code: AWS.SimpleQueueService.NonExistentQueue. SQS Error Message: "
                        + "The specified queue does not exist.");
        refused(b -> b.batchSize(11), InvalidParameterValueException.class,
                "Maximum batch window in seconds must be greater than 0 if maximum batch size is greater than 10");
        refused(b -> b.batchSize(0), LambdaException.class, "1 validation error detected: Value '0' at 'batchSize' failed to "
                + "satisfy constraint: Member must have value greater than or equal to 1");
        refused(b -> b.batchSize(10_001).maximumBatchingWindowInSeconds(1), LambdaException.class, "1 validation error detected: "
                + "Value '10001' at 'batchSize' failed to satisfy constraint: Member must have value less than or equal to 10000");
        refused(b -> b.maximumBatchingWindowInSeconds(301), LambdaException.class, "1 validation error detected: Value '301' at "
                + "'maximumBatchingWindowInSeconds' failed to satisfy constraint: Member must have value less than or equal to 300");
        refused(b -> b.scalingConfig(s -> s.maximumConcurrency(1)), LambdaException.class, "1 validation error detected: Value '1' "
                + "at 'scalingConfig.maximumConcurrency' failed to satisfy constraint: Member must have value greater than or equal to 2");
        for (String pattern : List.of("null", "simple string", "{\"eventSource\": \"aws:sqs\"}", "{\"eventSource\": []}")) {
            refused(b -> b.filterCriteria(f -> f.filters(x -> x.pattern(pattern))), InvalidParameterValueException.class,
                    "Invalid filter pattern definition.");
        }
        refused(b -> b.destinationConfig(d -> d.onSuccess(s -> s.destination(queue()))), InvalidParameterValueException.class,
                "Unsupported DestinationConfig parameter for given event source mapping type.");
        refused(b -> b.destinationConfig(d -> d.onFailure(s -> s.destination(queue()))), InvalidParameterValueException.class,
                "Unsupported DestinationConfig parameter for given event source mapping type.");
        refused(b -> b.startingPosition(EventSourcePosition.LATEST), InvalidParameterValueException.class,
                "StartingPosition is not valid for SQS event sources.");
        refused(b -> b.bisectBatchOnFunctionError(true), InvalidParameterValueException.class,
                "Unsupported BisectBatchOnFunctionError parameter for given event source mapping type.");
        refused(b -> b.maximumRetryAttempts(2), InvalidParameterValueException.class,
                "Unsupported MaximumRetryAttempts parameter for given event source mapping type.");
        refused(b -> b.parallelizationFactor(2), InvalidParameterValueException.class,
                "Unsupported ParallelizationFactor parameter for given event source mapping type.");
        for (Consumer<CreateEventSourceMappingRequest.Builder> notSimulated : List.<Consumer<CreateEventSourceMappingRequest.Builder>>of(
                b -> b.kmsKeyArn("arn:aws:kms:us-east-1:000000000000:key/1234abcd-12ab-34cd-56ef-1234567890ab"),
                b -> b.metricsConfig(m -> m.metricsWithStrings("EventCount")),
                b -> b.provisionedPollerConfig(p -> p.minimumPollers(1)))) {
            String q = queue();
            assertThatThrownBy(() -> lambda.createEventSourceMapping(b -> {
                b.eventSourceArn(q).functionName(fn);
                notSimulated.accept(b);
            })).isInstanceOfSatisfying(InvalidParameterValueException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
                    .matches("(KMSKeyArn|MetricsConfig|ProvisionedPollerConfig) is not supported by this emulator's event source mappings .*"));
        }
        assertThat(lambda.listEventSourceMappings(b -> b.functionName(fn).maxItems(100)).eventSourceMappings())
                .as("nothing refused was created").allSatisfy(m -> assertThat(m.eventSourceArn()).doesNotContain("missing"));
    }

    @Test
    void aFifoQueueHasNoBatchingWindow() {
        String fifo = queue(TestAws.unique("q") + ".fifo", Map.of(QueueAttributeName.FIFO_QUEUE, "true"));
        assertThatThrownBy(() -> lambda.createEventSourceMapping(b -> b.eventSourceArn(fifo).functionName(fn).maximumBatchingWindowInSeconds(5)))
                .isInstanceOfSatisfying(InvalidParameterValueException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
                        .isEqualTo("Batching window is not supported for FIFO queues"));
    }

    @Test
    void theQueuesVisibilityTimeoutMustCoverTheFunctionsTimeout() {
        String slow = aws.python("m.handler", "m", "def handler(event, context):\n    return None\n", b -> b.timeout(60));
        String q = queue();
        assertThatThrownBy(() -> lambda.createEventSourceMapping(b -> b.eventSourceArn(q).functionName(slow)))
                .isInstanceOfSatisfying(InvalidParameterValueException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
                        .isEqualTo("Queue visibility timeout: 30 seconds is less than Function timeout: 60 seconds"));
    }

    @Test
    void aSecondMappingOfTheSameQueueAndFunctionConflicts() {
        String q = queue();
        String first = lambda.createEventSourceMapping(b -> b.eventSourceArn(q).functionName(fn)).uuid();
        assertThatThrownBy(() -> lambda.createEventSourceMapping(b -> b.eventSourceArn(q).functionName(fn)))
                .isInstanceOfSatisfying(ResourceConflictException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
                        .isEqualTo("An event source mapping with SQS arn (\" " + q + " \") and function (\" " + fn
                                + " \") already exists. Please update or delete the existing mapping with UUID " + first));
    }

    @Test
    void anUpdateIsCheckedAgainstTheMergedSettings() {
        String uuid = lambda.createEventSourceMapping(b -> b.eventSourceArn(queue()).functionName(fn).batchSize(100)
                .maximumBatchingWindowInSeconds(5)).uuid();
        assertThatThrownBy(() -> lambda.updateEventSourceMapping(b -> b.uuid(uuid).maximumBatchingWindowInSeconds(0)))
                .isInstanceOfSatisfying(InvalidParameterValueException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
                        .isEqualTo("Maximum batch window in seconds must be greater than 0 if maximum batch size is greater than 10"));
        assertThat(lambda.getEventSourceMapping(b -> b.uuid(uuid)).maximumBatchingWindowInSeconds()).isEqualTo(5);
    }
}
