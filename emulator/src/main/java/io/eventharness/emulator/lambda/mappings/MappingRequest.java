package io.eventharness.emulator.lambda.mappings;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.lambda.model.CreateEventSourceMappingRequest;
import software.amazon.awssdk.services.lambda.model.FilterCriteria;
import software.amazon.awssdk.services.lambda.model.UpdateEventSourceMappingRequest;

/**
 * The parameters of {@code CreateEventSourceMapping} or {@code UpdateEventSourceMapping}, read the same way: the
 * settings both have, and the names of the parameters given that no family of sources takes from both (the
 * family decides which of those it refuses, and how).
 *
 * @param filterCriteria    null when not given; criteria without filters remove a mapping's filter
 * @param responseTypes     {@code FunctionResponseTypes} as given (null when not given)
 * @param maximumConcurrency {@code ScalingConfig.MaximumConcurrency}; {@code scalingConfigGiven} says whether the
 *                          parameter was there at all ({@code ScalingConfig: {}} removes it)
 * @param others            every other parameter given, by its API name, with its value (for the error message)
 */
record MappingRequest(String functionName, Boolean enabled, Integer batchSize, Integer batchingWindowSeconds,
                      FilterCriteria filterCriteria, List<String> responseTypes, boolean scalingConfigGiven,
                      Integer maximumConcurrency, Map<String, Object> others) {

    static MappingRequest of(CreateEventSourceMappingRequest r) {
        Map<String, Object> others = new LinkedHashMap<>();
        put(others, "StartingPosition", r.startingPositionAsString());
        put(others, "StartingPositionTimestamp", r.startingPositionTimestamp());
        put(others, "ParallelizationFactor", r.parallelizationFactor());
        put(others, "DestinationConfig", r.destinationConfig());
        put(others, "MaximumRecordAgeInSeconds", r.maximumRecordAgeInSeconds());
        put(others, "BisectBatchOnFunctionError", r.bisectBatchOnFunctionError());
        put(others, "MaximumRetryAttempts", r.maximumRetryAttempts());
        put(others, "TumblingWindowInSeconds", r.tumblingWindowInSeconds());
        put(others, "Topics", r.hasTopics() ? r.topics() : null);
        put(others, "Queues", r.hasQueues() ? r.queues() : null);
        put(others, "SourceAccessConfigurations", r.hasSourceAccessConfigurations() ? r.sourceAccessConfigurations() : null);
        put(others, "SelfManagedEventSource", r.selfManagedEventSource());
        put(others, "AmazonManagedKafkaEventSourceConfig", r.amazonManagedKafkaEventSourceConfig());
        put(others, "SelfManagedKafkaEventSourceConfig", r.selfManagedKafkaEventSourceConfig());
        put(others, "DocumentDBEventSourceConfig", r.documentDBEventSourceConfig());
        put(others, "KMSKeyArn", r.kmsKeyArn());
        put(others, "MetricsConfig", r.metricsConfig());
        put(others, "LoggingConfig", r.loggingConfig());
        put(others, "ProvisionedPollerConfig", r.provisionedPollerConfig());
        return new MappingRequest(r.functionName(), r.enabled(), r.batchSize(), r.maximumBatchingWindowInSeconds(),
                r.filterCriteria(), r.hasFunctionResponseTypes() ? new ArrayList<>(r.functionResponseTypesAsStrings()) : null,
                r.scalingConfig() != null, r.scalingConfig() == null ? null : r.scalingConfig().maximumConcurrency(), others);
    }

    static MappingRequest of(UpdateEventSourceMappingRequest r) {
        Map<String, Object> others = new LinkedHashMap<>();
        put(others, "ParallelizationFactor", r.parallelizationFactor());
        put(others, "DestinationConfig", r.destinationConfig());
        put(others, "MaximumRecordAgeInSeconds", r.maximumRecordAgeInSeconds());
        put(others, "BisectBatchOnFunctionError", r.bisectBatchOnFunctionError());
        put(others, "MaximumRetryAttempts", r.maximumRetryAttempts());
        put(others, "TumblingWindowInSeconds", r.tumblingWindowInSeconds());
        put(others, "SourceAccessConfigurations", r.hasSourceAccessConfigurations() ? r.sourceAccessConfigurations() : null);
        put(others, "AmazonManagedKafkaEventSourceConfig", r.amazonManagedKafkaEventSourceConfig());
        put(others, "SelfManagedKafkaEventSourceConfig", r.selfManagedKafkaEventSourceConfig());
        put(others, "DocumentDBEventSourceConfig", r.documentDBEventSourceConfig());
        put(others, "KMSKeyArn", r.kmsKeyArn());
        put(others, "MetricsConfig", r.metricsConfig());
        put(others, "LoggingConfig", r.loggingConfig());
        put(others, "ProvisionedPollerConfig", r.provisionedPollerConfig());
        return new MappingRequest(r.functionName(), r.enabled(), r.batchSize(), r.maximumBatchingWindowInSeconds(),
                r.filterCriteria(), r.hasFunctionResponseTypes() ? new ArrayList<>(r.functionResponseTypesAsStrings()) : null,
                r.scalingConfig() != null, r.scalingConfig() == null ? null : r.scalingConfig().maximumConcurrency(), others);
    }

    private static void put(Map<String, Object> out, String name, Object value) {
        if (value != null) {
            out.put(name, value);
        }
    }
}
