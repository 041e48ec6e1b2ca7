package io.eventharness.emulator.lambda.mappings;

import io.eventharness.emulator.core.Arn;
import io.eventharness.emulator.delivery.ConsumableQueue;
import io.eventharness.emulator.delivery.ConsumableQueues;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.lambda.model.EventSourceMappingConfiguration;
import software.amazon.awssdk.services.lambda.model.FunctionResponseType;

/**
 * Mappings of SQS queues (<a href="https://docs.aws.amazon.com/lambda/latest/dg/with-sqs.html">Using Lambda with Amazon
 * SQS</a>): {@code BatchSize} 1–10,000 (default 10; above 10 only with a batching window),
 * {@code MaximumBatchingWindowInSeconds} 0–300 (default 0; none on a FIFO queue), {@code FilterCriteria},
 * {@code FunctionResponseTypes: [ReportBatchItemFailures]}, {@code ScalingConfig.MaximumConcurrency} 2–1000,
 * {@code Enabled}, {@code Tags}. The parameters of stream and Kafka sources are refused as AWS refuses them for a
 * queue; {@code KMSKeyArn}, {@code MetricsConfig}, {@code LoggingConfig} and {@code ProvisionedPollerConfig}, which AWS
 * takes and the emulator does not simulate, are refused naming them.
 */
final class SqsFamily implements SourceFamily {
    static final int DEFAULT_BATCH = 10;
    static final int MAX_BATCH = 10_000;
    static final int MAX_WINDOW = 300;
    /** AWS's words when the queue of a new mapping does not exist (recorded). */
    static final String NO_QUEUE = "Error occurred while ReceiveMessage. SQS Error Code: AWS.SimpleQueueService.NonExistentQueue. "
            + "SQS Error Message: The specified queue does not exist.";

    /** What AWS takes for streams or Kafka and refuses for a queue. */
    private static final Set<String> NOT_FOR_QUEUES = Set.of("StartingPosition", "StartingPositionTimestamp", "ParallelizationFactor",
            "DestinationConfig", "MaximumRecordAgeInSeconds", "BisectBatchOnFunctionError", "MaximumRetryAttempts",
            "TumblingWindowInSeconds", "Topics", "Queues", "SourceAccessConfigurations", "SelfManagedEventSource",
            "AmazonManagedKafkaEventSourceConfig", "SelfManagedKafkaEventSourceConfig", "DocumentDBEventSourceConfig");
    /** What AWS takes for a queue and the emulator does not simulate: why. */
    private static final Map<String, String> NOT_SIMULATED = Map.of(
            "KMSKeyArn", "filter criteria are not encrypted: KMS is not emulated",
            "MetricsConfig", "CloudWatch metrics are not emulated",
            "LoggingConfig", "the mapping's own logs are not emulated",
            "ProvisionedPollerConfig", "pollers are not provisioned: batches start as messages arrive");

    private final ConsumableQueues queues;

    SqsFamily(ConsumableQueues queues) {
        this.queues = queues;
    }

    @Override
    public String service() {
        return "sqs";
    }

    @Override
    public MappingSettings settings(MappingRequest r, MappingSettings base, Arn source) {
        if (r.others().containsKey("StartingPosition")) {
            throw MappingErrors.invalid("StartingPosition is not valid for SQS event sources."); // AWS's words (recorded)
        }
        for (String given : r.others().keySet()) {
            if (NOT_FOR_QUEUES.contains(given)) {
                throw MappingErrors.unsupported(given);
            }
            throw MappingErrors.notEmulated(given, NOT_SIMULATED.getOrDefault(given, "not simulated"));
        }
        Integer size = r.batchSize();
        if (size != null && (size < 1 || size > MAX_BATCH)) {
            throw MappingErrors.validation("batchSize", size, size < 1 ? "Member must have value greater than or equal to 1"
                    : "Member must have value less than or equal to " + MAX_BATCH);
        }
        Integer window = r.batchingWindowSeconds();
        if (window != null && (window < 0 || window > MAX_WINDOW)) {
            throw MappingErrors.validation("maximumBatchingWindowInSeconds", window, window < 0
                    ? "Member must have value greater than or equal to 0" : "Member must have value less than or equal to " + MAX_WINDOW);
        }
        int batchSize = size != null ? size : base != null ? base.batchSize() : DEFAULT_BATCH;
        int windowSeconds = window != null ? window : base != null ? base.batchingWindowSeconds() : 0;
        if (fifo(source) && windowSeconds > 0) {
            throw MappingErrors.invalid("Batching window is not supported for FIFO queues");
        }
        if (batchSize > DEFAULT_BATCH && windowSeconds == 0) {
            throw MappingErrors.invalid("Maximum batch window in seconds must be greater than 0 if maximum batch size is greater than 10");
        }
        boolean report = base != null && base.reportBatchItemFailures();
        if (r.responseTypes() != null) {
            for (String t : r.responseTypes()) {
                if (FunctionResponseType.fromValue(t) == FunctionResponseType.UNKNOWN_TO_SDK_VERSION) {
                    throw MappingErrors.validation("functionResponseTypes", r.responseTypes(),
                            "Member must satisfy constraint: [Member must satisfy enum value set: [ReportBatchItemFailures]]");
                }
            }
            report = r.responseTypes().contains(FunctionResponseType.REPORT_BATCH_ITEM_FAILURES.toString());
        }
        Integer concurrency = base != null ? ((SqsOptions) base.options()).maximumConcurrency() : null;
        if (r.scalingConfigGiven()) {
            concurrency = r.maximumConcurrency();
            if (concurrency != null && (concurrency < 2 || concurrency > 1000)) {
                throw MappingErrors.validation("scalingConfig.maximumConcurrency", concurrency, concurrency < 2
                        ? "Member must have value greater than or equal to 2" : "Member must have value less than or equal to 1000");
            }
        }
        EventFilter filter = r.filterCriteria() != null ? EventFilter.of(r.filterCriteria()) : base != null ? base.filter() : null;
        boolean enabled = r.enabled() != null ? r.enabled() : base == null || base.enabled();
        return new MappingSettings(base == null ? null : base.functionArn(), base == null ? null : base.function(), enabled,
                batchSize, windowSeconds, filter, report, new SqsOptions(concurrency));
    }

    /** The queue exists, and its visibility timeout is at least the function's timeout (AWS's words when not). */
    @Override
    public void checkSource(Arn source, int functionTimeoutSeconds) {
        ConsumableQueue q = queues.queue(source).orElseThrow(() -> MappingErrors.invalid(NO_QUEUE));
        long visibility = q.visibilityTimeout().toSeconds();
        if (visibility < functionTimeoutSeconds) {
            throw MappingErrors.invalid("Queue visibility timeout: " + visibility + " seconds is less than Function timeout: "
                    + functionTimeoutSeconds + " seconds");
        }
    }

    /** What AWSLambdaSQSQueueExecutionRole grants for the queue, and Lambda checks at creation. */
    @Override
    public List<String> readActions() {
        return List.of("sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes");
    }

    @Override
    public String roleDenied(Arn source, String action) {
        return "The provided execution role does not have permissions to call " + action.substring("sqs:".length()) + " on SQS";
    }

    @Override
    public String duplicateMessage(Arn source, FunctionRef function, String existingUuid) {
        return "An event source mapping with SQS arn (\" " + source + " \") and function (\" " + function.name()
                + " \") already exists. Please update or delete the existing mapping with UUID " + existingUuid;
    }

    @Override
    public String stateTransitionReason() {
        return "USER_INITIATED";
    }

    @Override
    public void describe(EventSourceMapping.View v, EventSourceMappingConfiguration.Builder b) {
        Integer concurrency = ((SqsOptions) v.settings().options()).maximumConcurrency();
        if (concurrency != null) {
            b.scalingConfig(c -> c.maximumConcurrency(concurrency));
        }
    }

    @Override
    public Poller poller(EventSourceMapping mapping, MappingEnvironment env) {
        return new SqsPoller(mapping, env);
    }

    static boolean fifo(Arn queue) {
        return queue.resource().endsWith(".fifo");
    }
}
