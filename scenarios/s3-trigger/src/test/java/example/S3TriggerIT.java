package example;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.eventharness.harness.Cloud;
import io.eventharness.harness.DeployedFunction;
import io.eventharness.harness.EventHarness;
import io.eventharness.harness.JavaFunction;
import io.eventharness.harness.NeedsClock;
import io.eventharness.harness.observe.Invocation;
import io.eventharness.harness.wire.S3Events;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import javax.imageio.ImageIO;
import net.lingala.zip4j.ZipFile;
import net.lingala.zip4j.exception.ZipException;
import net.lingala.zip4j.model.FileHeader;
import net.lingala.zip4j.model.enums.AesKeyStrength;
import net.lingala.zip4j.model.enums.EncryptionMethod;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * An upload bucket wired to two Java functions, deployed once for the class: {@code images/*.jpg} and
 * {@code images/*.png} to {@link Thumbnailer}, {@code docs/*.txt} to {@link Zipper}. Both write to an output bucket
 * with the SDK's S3 client inside the function; the thumbnailer's failures end in its dead-letter queue.
 */
@EventHarness
class S3TriggerIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = "correct horse battery staple";

    static Cloud shared;
    static String uploads;
    static String outputs;
    static String deadLetters;
    static DeployedFunction thumbnailer;
    static DeployedFunction zipper;

    @BeforeAll
    static void wire() {
        uploads = shared.name("uploads");
        outputs = shared.name("outputs");
        shared.s3().createBucket(b -> b.bucket(uploads));
        shared.s3().createBucket(b -> b.bucket(outputs));
        deadLetters = shared.sqs().createQueue(b -> b.queueName(shared.name("thumbnailer-dlq"))).queueUrl();
        String dlqArn = shared.sqs().getQueueAttributes(b -> b.queueUrl(deadLetters).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        thumbnailer = shared.deploy(JavaFunction.fromModule().handler("example.Thumbnailer::handleRequest").named("thumbnailer")
                .memoryMb(512).timeout(Duration.ofSeconds(30)).env("OUTPUT_BUCKET", outputs).deadLetterTo(dlqArn));
        zipper = shared.deploy(JavaFunction.fromModule().handler("example.Zipper::handleRequest").named("zipper")
                .memoryMb(512).timeout(Duration.ofSeconds(30)).env("OUTPUT_BUCKET", outputs).env("ZIP_PASSWORD", PASSWORD));
        shared.wire().s3ToLambda(uploads, thumbnailer, S3Events.created().prefix("images/").suffix(".jpg"));
        shared.wire().s3ToLambda(uploads, thumbnailer, S3Events.created().prefix("images/").suffix(".png"));
        shared.wire().s3ToLambda(uploads, zipper, S3Events.created().prefix("docs/").suffix(".txt"));
    }

    @Test
    void aJpegGetsAThumbnailThatFitsIn128PixelsAndTheLogSaysSo(Cloud cloud) throws IOException {
        String key = "images/" + unique() + ".jpg";
        upload(key, image(640, 480, "jpg"));

        BufferedImage thumb = ImageIO.read(new ByteArrayInputStream(
                cloud.bucket(outputs).await().atMost(Duration.ofSeconds(60)).object("thumbnails/" + key).asByteArray()));

        assertThat(thumb.getWidth()).isEqualTo(128);
        assertThat(thumb.getHeight()).isEqualTo(96);
        cloud.logsOf(thumbnailer).await().contains("thumbnail of " + key + ": 640x480 -> 128x96 in thumbnails/" + key);
    }

    @Test
    void theThumbnailersPutThrottledTwiceStillLandsThroughItsSdksRetries(Cloud cloud) throws IOException {
        String key = "images/" + unique() + "-throttled.jpg";
        String staged = "staging/" + unique() + ".jpg"; // outside every filter: triggers nothing
        upload(staged, image(640, 480, "jpg"));
        cloud.settle(Duration.ofSeconds(60)); // no other PutObject is on its way
        cloud.faults().throttle("s3:PutObject", 2); // so the next two are the function's: S3's 503 SlowDown

        shared.s3().copyObject(b -> b.sourceBucket(uploads).sourceKey(staged).destinationBucket(uploads).destinationKey(key));

        byte[] thumb = cloud.bucket(outputs).await().atMost(Duration.ofSeconds(60)).object("thumbnails/" + key).asByteArray();
        assertThat(ImageIO.read(new ByteArrayInputStream(thumb)).getWidth()).isEqualTo(128);
        assertThat(cloud.faults().injected("s3:PutObject")).as("throttles the function's SDK retried through").isEqualTo(2);
        assertThat(shared.logsOf(thumbnailer).lines()).noneMatch(l -> l.message().contains("SlowDown"));
    }

    @Test
    void aTallPngKeepsItsAspectAndItsFormat(Cloud cloud) throws IOException {
        String key = "images/" + unique() + " tall.png"; // a space: the event carries the key as images/...+tall.png
        upload(key, image(300, 600, "png"));

        byte[] bytes = cloud.bucket(outputs).await().atMost(Duration.ofSeconds(60)).object("thumbnails/" + key).asByteArray();

        assertThat(new String(bytes, 1, 3, StandardCharsets.US_ASCII)).isEqualTo("PNG");
        BufferedImage thumb = ImageIO.read(new ByteArrayInputStream(bytes));
        assertThat(thumb.getWidth()).isEqualTo(64);
        assertThat(thumb.getHeight()).isEqualTo(128);
    }

    @Test
    void aTextFileIsZippedWithAes256AndOpensWithThePasswordOnly(Cloud cloud, @TempDir Path dir) throws IOException {
        String key = "docs/" + unique() + ".txt";
        String text = "Quarterly numbers: 42.\n".repeat(50);
        shared.s3().putObject(b -> b.bucket(uploads).key(key), RequestBody.fromString(text));

        Path zip = Files.write(dir.resolve("out.zip"),
                cloud.bucket(outputs).await().atMost(Duration.ofSeconds(60)).object(key + ".zip").asByteArray());

        try (ZipFile locked = new ZipFile(zip.toFile())) {
            assertThat(locked.isEncrypted()).isTrue();
            FileHeader entry = locked.getFileHeaders().get(0);
            assertThat(entry.getFileName()).isEqualTo(key.substring("docs/".length()));
            assertThat(entry.getEncryptionMethod()).isEqualTo(EncryptionMethod.AES);
            assertThat(entry.getAesExtraDataRecord().getAesKeyStrength()).isEqualTo(AesKeyStrength.KEY_STRENGTH_256);
            assertThatThrownBy(() -> locked.extractAll(dir.resolve("without").toString())).isInstanceOf(ZipException.class);
        }
        try (ZipFile wrong = new ZipFile(zip.toFile(), "wrong password".toCharArray())) {
            assertThatThrownBy(() -> wrong.extractAll(dir.resolve("wrong").toString())).isInstanceOf(ZipException.class)
                    .message().containsIgnoringCase("wrong password");
        }
        try (ZipFile unlocked = new ZipFile(zip.toFile(), PASSWORD.toCharArray())) {
            unlocked.extractAll(dir.resolve("with").toString());
        }
        assertThat(Files.readString(dir.resolve("with").resolve(key.substring("docs/".length())))).isEqualTo(text);
        cloud.logsOf(zipper).await().contains("zipped " + key + " (" + text.length() + " bytes) into " + key + ".zip");
    }

    @Test
    void uploadsOutsideTheFiltersTriggerNothing(Cloud cloud) {
        cloud.settle(Duration.ofSeconds(60)); // what earlier tests started has ended
        int thumbnails = invocations(thumbnailer).size();
        int zips = invocations(zipper).size();
        String id = unique();

        upload("images/" + id + ".txt", "a text among the images".getBytes(StandardCharsets.UTF_8)); // prefix of the one, suffix of the other
        upload("docs/" + id + ".jpg", image(64, 64, "jpg"));
        upload(id + ".jpg", image(64, 64, "jpg"));                                   // no prefix
        upload("images/" + id + ".gif", "GIF89a".getBytes(StandardCharsets.US_ASCII)); // no suffix
        cloud.settle(Duration.ofSeconds(60));

        assertThat(invocations(thumbnailer)).as("thumbnailer invocations").hasSize(thumbnails);
        assertThat(invocations(zipper)).as("zipper invocations").hasSize(zips);
        assertThat(cloud.bucket(outputs).keys("")).noneMatch(k -> k.contains(id));
    }

    @Test
    @NeedsClock("Lambda retries a failed asynchronous event after about one minute and again after two more")
    void aCorruptImageIsTriedThreeTimesThenItsEventLandsInTheDeadLetterQueue(Cloud cloud) throws IOException {
        String key = "images/" + unique() + "-corrupt.jpg";
        upload(key, "\u00ff\u00d8 not really a JPEG".getBytes(StandardCharsets.ISO_8859_1));
        cloud.logsOf(thumbnailer).await().atMost(Duration.ofSeconds(60)).contains("not an image: " + key);

        cloud.advance(Duration.ofMinutes(3));

        Message dead = cloud.queue(deadLetters).await().message();
        JsonNode record = JSON.readTree(dead.body()).path("Records").get(0);
        assertThat(record.path("eventName").asText()).isEqualTo("ObjectCreated:Put");
        assertThat(record.path("s3").path("object").path("key").asText()).isEqualTo(key.replace("/", "%2F"));
        assertThat(dead.messageAttributes().get("ErrorMessage").stringValue()).contains("not an image: " + key);
        assertThat(dead.messageAttributes().get("ErrorCode").dataType()).isEqualTo("Number");
        // the runtime logs each failure as "<message>: <exception class>", then the stack trace
        assertThat(shared.logsOf(thumbnailer).lines()).filteredOn(l -> l.message().startsWith("not an image: " + key + " ("))
                .as("the first attempt and two retries").hasSize(3)
                .allSatisfy(l -> assertThat(l.message()).endsWith(": java.lang.IllegalArgumentException"));
    }

    @Test
    void aBucketTheFunctionDoesNotAllowCannotNotifyIt(Cloud cloud) {
        String other = cloud.name("other-uploads");
        cloud.s3().createBucket(b -> b.bucket(other));

        // AddPermission named the uploads bucket only: S3 checks the function's policy when the configuration is saved
        assertThatThrownBy(() -> cloud.s3().putBucketNotificationConfiguration(b -> b.bucket(other).notificationConfiguration(n -> n
                .lambdaFunctionConfigurations(l -> l.lambdaFunctionArn(thumbnailer.arn()).eventsWithStrings("s3:ObjectCreated:*")))))
                .isInstanceOfSatisfying(S3Exception.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidArgument");
                    assertThat(e.getMessage()).contains("Unable to validate the following destination configurations");
                });
    }

    private static List<Invocation> invocations(DeployedFunction fn) {
        return shared.logsOf(fn).invocations();
    }

    private static void upload(String key, byte[] bytes) {
        shared.s3().putObject(b -> b.bucket(uploads).key(key), RequestBody.fromBytes(bytes));
    }

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    /** A gradient, so the encoder has something to do. */
    private static byte[] image(int width, int height, String format) {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setPaint(new GradientPaint(0, 0, Color.ORANGE, width, height, Color.BLUE));
        g.fillRect(0, 0, width, height);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, format, out);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
