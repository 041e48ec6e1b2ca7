package example.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.eventharness.harness.Cloud;
import io.eventharness.harness.DeployedFunction;
import io.eventharness.harness.EventHarness;
import io.eventharness.harness.JavaFunction;
import io.eventharness.harness.NeedsClock;
import io.eventharness.harness.observe.Invocation;
import io.eventharness.harness.wire.Rule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * The nightly report: an EventBridge rule {@code cron(0 0 * * ? *)} invokes {@code DailyReport} at midnight UTC, which
 * summarises what the upload bucket received that day into {@code reports/<day>.json}. The function, the buckets and
 * the rule are deployed once for the class; each test moves the clock.
 */
@EventHarness
@NeedsClock("a nightly schedule: the tests move the clock to midnight, and through 30 days")
class DailyReportIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    static Cloud shared;
    static DeployedFunction report;
    static Rule nightly;
    static String uploads;
    static String reports;

    @BeforeAll
    static void deploy() {
        uploads = shared.name("uploads");
        reports = shared.name("reports");
        shared.s3().createBucket(b -> b.bucket(uploads));
        shared.s3().createBucket(b -> b.bucket(reports));
        report = shared.deploy(JavaFunction.fromModule().handler("example.schedule.DailyReport::handleRequest").named("daily-report")
                .memoryMb(512).timeout(Duration.ofSeconds(30)).env("UPLOAD_BUCKET", uploads).env("REPORT_BUCKET", reports));
        nightly = shared.wire().rule(r -> r.name(shared.name("nightly")).scheduleExpression("cron(0 0 * * ? *)")).toLambda(report);
    }

    @Test
    void nothingFiresAtOneSecondToMidnightAndExactlyOneInvocationAtMidnight(Cloud cloud) {
        cloud.freezeClock(); // 23:59:59 stays 23:59:59 however slow the machine
        Instant midnight = nextMidnight(cloud.now());

        cloud.advanceTo(midnight.minusSeconds(1));
        assertThat(cloud.trigger(nightly.arn(), report).invocations()).as("invocations at 23:59:59").isEmpty();

        cloud.advanceTo(midnight);
        assertThat(cloud.trigger(nightly.arn(), report).await().invocations(1)).as("invocations at 00:00:00").hasSize(1);
        LocalDate day = day(midnight).minusDays(1);
        assertThat(cloud.logsOf(report).await().contains("report " + day + ": ").message())
                .contains("-> s3://" + reports + "/reports/" + day + ".json");
    }

    @Test
    void thirtyDaysMakeThirtyReportsOfWhatEachDayReceived(Cloud cloud) {
        cloud.freezeClock(); // an upload at 23:59:59 is the day's however slow the machine
        cloud.advanceTo(nextMidnight(cloud.now()));           // day 0 begins (the night's run reports the day before)
        int before = cloud.trigger(nightly.arn(), report).await().invocations(1).size();
        LocalDate first = day(cloud.now());
        List<List<String>> expected = new ArrayList<>();
        for (int d = 0; d < 30; d++) {
            LocalDate day = first.plusDays(d);
            List<String> keys = new ArrayList<>();
            for (int i = 0; i < d % 4; i++) {                 // 0 to 3 uploads a day, of 1 + d + i bytes
                keys.add(upload(cloud, day + "/upload-" + i + ".csv", 1 + d + i));
            }
            Instant midnight = day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
            if (d % 10 == 9) {                                  // one second before midnight is still the day
                cloud.advanceTo(midnight.minusSeconds(1));
                keys.add(upload(cloud, day + "/late.csv", 1));
            }
            expected.add(keys);
            cloud.advanceTo(midnight);
        }

        assertThat(cloud.trigger(nightly.arn(), report).await().invocations(before + 30)).hasSize(before + 30);
        for (int d = 0; d < 30; d++) {
            LocalDate day = first.plusDays(d);
            JsonNode r = json(cloud.bucket(reports).await().object("reports/" + day + ".json").asUtf8String());
            List<String> keys = expected.get(d).stream().sorted().toList();
            assertThat(r.path("day").asText()).isEqualTo(day.toString());
            assertThat(r.path("objects").asInt()).as("objects of %s", day).isEqualTo(keys.size());
            assertThat(r.path("keys")).extracting(JsonNode::asText).as("keys of %s", day).containsExactlyElementsOf(keys);
            long bytes = 0;
            for (int i = 0; i < d % 4; i++) {
                bytes += 1 + d + i;
            }
            assertThat(r.path("bytes").asLong()).as("bytes of %s", day).isEqualTo(bytes + (d % 10 == 9 ? 1 : 0));
            assertThat(r.path("largest").isNull()).as("largest of %s", day).isEqualTo(keys.isEmpty());
        }
        assertThat(cloud.bucket(reports).keys("reports/")).hasSizeGreaterThanOrEqualTo(30);
    }

    @Test
    void aRateRuleFiresEveryFiveMinutesCountedFromWhenItWasPut(Cloud cloud) {
        DeployedFunction tick = cloud.deploy(JavaFunction.fromModule().handler("example.schedule.Tick::handleRequest").named("tick")
                .memoryMb(256).timeout(Duration.ofSeconds(10)));
        cloud.freezeClock(); // four minutes and 59 seconds stay so however slow the machine
        Rule every5 = cloud.wire().rule(r -> r.name(cloud.name("every-5")).scheduleExpression("rate(5 minutes)")).toLambda(tick);

        cloud.advance(Duration.ofMinutes(5).minusSeconds(1));
        assertThat(cloud.trigger(every5.arn(), tick).invocations()).as("before the first five minutes").isEmpty();
        cloud.advance(Duration.ofMinutes(10).plusSeconds(1));

        List<Invocation> ticks = cloud.trigger(every5.arn(), tick).await().invocations(3);
        assertThat(ticks).hasSize(3);
        List<Instant> times = cloud.logsOf(tick).lines().stream().filter(l -> l.message().startsWith("tick at "))
                .map(l -> Instant.parse(l.message().substring("tick at ".length(), l.message().indexOf(" from "))))
                .toList();
        assertThat(times).hasSize(3);
        assertThat(Duration.between(times.get(0), times.get(1))).isEqualTo(Duration.ofMinutes(5));
        assertThat(Duration.between(times.get(1), times.get(2))).isEqualTo(Duration.ofMinutes(5));
        assertThat(cloud.logsOf(tick).await().contains("from [" + every5.arn() + "]")).isNotNull();
    }

    /** The next midnight UTC at least two seconds away (so that one second before it is still ahead). */
    static Instant nextMidnight(Instant now) {
        Instant midnight = now.truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(1));
        return Duration.between(now, midnight).compareTo(Duration.ofSeconds(2)) < 0 ? midnight.plus(Duration.ofDays(1)) : midnight;
    }

    static LocalDate day(Instant t) {
        return t.atZone(ZoneOffset.UTC).toLocalDate();
    }

    private static String upload(Cloud cloud, String key, int bytes) {
        cloud.s3().putObject(b -> b.bucket(uploads).key(key), RequestBody.fromString("x".repeat(bytes)));
        return key;
    }

    static JsonNode json(String s) {
        try {
            return JSON.readTree(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
