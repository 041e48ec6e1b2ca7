package io.eventharness.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventharness.emulator.dynamodb.DynamoDbService;
import io.eventharness.emulator.dynamodb.streams.DynamoDbStreamsService;
import io.eventharness.emulator.eventbridge.EventBridgeService;
import io.eventharness.emulator.iam.IamService;
import io.eventharness.emulator.kinesis.KinesisService;
import io.eventharness.emulator.lambda.LambdaService;
import io.eventharness.emulator.logs.LogsService;
import io.eventharness.emulator.protocol.Protocol;
import io.eventharness.emulator.protocol.SdkRoutesAccess;
import io.eventharness.emulator.protocol.ServiceSpec;
import io.eventharness.emulator.s3.S3Service;
import io.eventharness.emulator.scheduler.SchedulerService;
import io.eventharness.emulator.sns.SnsService;
import io.eventharness.emulator.sqs.SqsService;
import io.eventharness.emulator.sts.StsService;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The build writes the SDK's routes of every REST service ahead of time ({@code protocol.SdkRoutes}, the
 * {@code sdk-routes} execution in {@code emulator/pom.xml}): each table is there, and says what the SDK's classes say.
 */
class SdkRoutesTablesTest {
    private static final List<ServiceSpec> SPECS = List.of(SqsService.SPEC, SnsService.SPEC, S3Service.SPEC, LogsService.SPEC,
            IamService.SPEC, StsService.SPEC, LambdaService.SPEC, KinesisService.SPEC, EventBridgeService.SPEC,
            SchedulerService.SPEC, DynamoDbService.SPEC, DynamoDbStreamsService.SPEC);

    @Test
    void everyRestServiceHasATableThatAgreesWithTheSdk() {
        List<ServiceSpec> rest = SPECS.stream()
                .filter(s -> s.protocol() == Protocol.REST_JSON || s.protocol() == Protocol.REST_XML).toList();
        assertThat(rest).extracting(ServiceSpec::signingName).contains("s3", "lambda", "scheduler");
        for (ServiceSpec spec : rest) {
            assertThat(SdkRoutesAccess.written(spec.sdkClient()))
                    .as("the table the build wrote for %s (add its client to the sdk-routes execution in emulator/pom.xml)",
                            spec.sdkClient().getSimpleName())
                    .isNotNull()
                    .isEqualTo(SdkRoutesAccess.fromClasses(spec.sdkClient()));
        }
    }

    @Test
    void theServedServicesAreTheOnesListedHere() {
        assertThat(SPECS).extracting(ServiceSpec::signingName).containsAll(Emulator.SERVICES);
    }
}
