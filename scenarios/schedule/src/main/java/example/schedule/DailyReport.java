package example.schedule;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The nightly batch: an EventBridge rule {@code cron(0 0 * * ? *)} invokes it at midnight UTC with a
 * {@code Scheduled Event}, and it summarises the objects the upload bucket received the day before (by their
 * {@code LastModified}) into {@code reports/<day>.json} in the report bucket: how many, how many bytes, the largest,
 * every key. An event whose {@code detail} names a {@code day} (a one-off catch-up run from EventBridge Scheduler)
 * reports that day instead.
 *
 * <p>Routed uploads: an {@code Object Created} event (an EventBridge rule on the upload bucket's keys) writes
 * {@code alerts/<key>.json} at once, with the object's size.
 *
 * <p>Environment: {@code UPLOAD_BUCKET}, {@code REPORT_BUCKET}. The S3 client reaches the endpoint in
 * {@code AWS_ENDPOINT_URL} when one is set (a local emulator, whose host has no per-bucket names: path-style
 * addressing), else S3 itself.
 */
public class DailyReport implements RequestHandler<ScheduledEvent, String> {
    private static final S3Client S3 = s3();

    private final String uploads = System.getenv("UPLOAD_BUCKET");
    private final String reports = System.getenv("REPORT_BUCKET");

    static S3Client s3() {
        String endpoint = System.getenv("AWS_ENDPOINT_URL");
        // Named, not looked up: the region and the credentials Lambda puts in the environment, the JDK's HTTP client, and
        // checksums only where S3 requires them — each saves classes to load and work to do in a cold start.
        var b = S3Client.builder().httpClient(UrlConnectionHttpClient.create()).region(Region.of(System.getenv("AWS_REGION")))
                .credentialsProvider(EnvironmentVariableCredentialsProvider.create())
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        if (endpoint != null && !endpoint.isEmpty()) {
            b.endpointOverride(URI.create(endpoint)).forcePathStyle(true);
        }
        return b.build();
    }

    @Override
    public String handleRequest(ScheduledEvent event, Context context) {
        if ("Object Created".equals(event.getDetailType())) {
            return alert(event.getDetail());
        }
        LocalDate day = dayOf(event);
        Instant from = day.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant to = day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        List<S3Object> received = S3.listObjectsV2Paginator(b -> b.bucket(uploads)).contents().stream()
                .filter(o -> !o.lastModified().isBefore(from) && o.lastModified().isBefore(to)).toList();
        Summary summary = Summary.of(day, received);
        String key = "reports/" + day + ".json";
        S3.putObject(b -> b.bucket(reports).key(key).contentType("application/json"), RequestBody.fromString(summary.json()));
        System.out.println("report " + day + ": " + summary.objects() + " object(s), " + summary.bytes() + " bytes -> s3://" + reports + "/" + key);
        return key;
    }

    /** The day before the event's time (a nightly run reports the day that just ended), or the day its detail names. */
    static LocalDate dayOf(ScheduledEvent event) {
        Object named = event.getDetail() == null ? null : event.getDetail().get("day");
        if (named != null) {
            return LocalDate.parse(named.toString());
        }
        return Instant.ofEpochMilli(event.getTime().getMillis()).atZone(ZoneOffset.UTC).toLocalDate().minusDays(1);
    }

    @SuppressWarnings("unchecked")
    private String alert(Map<String, Object> detail) {
        Map<String, Object> object = (Map<String, Object>) detail.get("object");
        String key = String.valueOf(object.get("key"));
        Object size = object.get("size");
        String alertKey = "alerts/" + key + ".json";
        S3.putObject(b -> b.bucket(reports).key(alertKey).contentType("application/json"),
                RequestBody.fromString("{\"key\": " + Summary.quote(key) + ", \"size\": " + size + "}"));
        System.out.println("alert: " + key + " (" + size + " bytes) -> s3://" + reports + "/" + alertKey);
        return alertKey;
    }
}
