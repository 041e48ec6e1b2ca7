package example.schedule;

import static example.schedule.DailyReportIT.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.eventharness.harness.Cloud;
import io.eventharness.harness.DeployedFunction;
import io.eventharness.harness.EventHarness;
import io.eventharness.harness.JavaFunction;
import io.eventharness.harness.wire.Rule;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * Uploads routed by an EventBridge rule with a pattern on the key: the upload bucket sends its object events to
 * EventBridge, a rule matches {@code Object Created} under {@code urgent/} and invokes the report function, which
 * writes an alert at once instead of waiting for the night. Needs no clock: runs on every backend.
 */
@EventHarness
class UploadRoutingIT {

    @Test
    void anUploadUnderUrgentIsRoutedToTheFunctionAndOthersAreNot(Cloud cloud) {
        String uploads = cloud.name("uploads");
        String reports = cloud.name("reports");
        cloud.s3().createBucket(b -> b.bucket(uploads));
        cloud.s3().createBucket(b -> b.bucket(reports));
        DeployedFunction fn = cloud.deploy(JavaFunction.fromModule().handler("example.schedule.DailyReport::handleRequest").named("alerts")
                .memoryMb(512).timeout(Duration.ofSeconds(30)).env("UPLOAD_BUCKET", uploads).env("REPORT_BUCKET", reports));
        cloud.wire().s3ToEventBridge(uploads);
        Rule urgent = cloud.wire().rule(r -> r.name(cloud.name("urgent")).eventPattern("""
                {"source": ["aws.s3"], "detail-type": ["Object Created"],
                 "detail": {"bucket": {"name": ["%s"]}, "object": {"key": [{"prefix": "urgent/"}]}}}""".formatted(uploads)))
                .toLambda(fn);

        cloud.s3().putObject(b -> b.bucket(uploads).key("routine/meter.csv"), RequestBody.fromString("1,2,3"));
        cloud.s3().putObject(b -> b.bucket(uploads).key("urgent/leak.csv"), RequestBody.fromString("water!"));

        JsonNode alert = json(cloud.bucket(reports).await().atMost(Duration.ofSeconds(60)).object("alerts/urgent/leak.csv.json").asUtf8String());
        assertThat(alert.path("key").asText()).isEqualTo("urgent/leak.csv");
        assertThat(alert.path("size").asInt()).isEqualTo(6);
        assertThat(cloud.trigger(urgent.arn(), fn).await().invocations(1)).hasSize(1);
        if (cloud.backend().hasTrail()) { // the rule's deliveries happen before PutObject answers: all of them are on the trail now
            List<String> routed = cloud.trigger(urgent.arn(), fn).hops().stream().filter(h -> h.contains("events:Rule")).toList();
            assertThat(routed).as("the rule's deliveries").hasSize(1);
        }
        assertThat(cloud.bucket(reports).keys("alerts/")).containsExactly("alerts/urgent/leak.csv.json");
    }
}
