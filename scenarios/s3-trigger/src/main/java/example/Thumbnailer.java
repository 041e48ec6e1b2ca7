package example;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3EventNotificationRecord;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import javax.imageio.ImageIO;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * Writes a thumbnail of each uploaded JPEG or PNG to the output bucket: at most {@value #MAX} pixels on its longer
 * side, its aspect kept, in the upload's format, under {@code thumbnails/<key>}. A file that is not an image fails
 * the invocation (S3 invokes asynchronously: Lambda retries twice, then the function's dead-letter queue gets the
 * event).
 */
public class Thumbnailer implements RequestHandler<S3Event, String> {
    static final int MAX = 128;

    @Override
    public String handleRequest(S3Event event, Context context) {
        int made = 0;
        for (S3EventNotificationRecord r : event.getRecords()) {
            String bucket = r.getS3().getBucket().getName();
            String key = Buckets.key(r.getS3().getObject().getKey());
            byte[] original = Buckets.S3.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asByteArray();
            BufferedImage image = read(original);
            if (image == null) {
                throw new IllegalArgumentException("not an image: " + key + " (" + original.length + " bytes)");
            }
            String format = key.toLowerCase(Locale.ROOT).endsWith(".png") ? "png" : "jpg";
            BufferedImage thumb = scale(image, format.equals("png"));
            String out = "thumbnails/" + key;
            Buckets.S3.putObject(b -> b.bucket(Buckets.output()).key(out).contentType("image/" + (format.equals("png") ? "png" : "jpeg")),
                    RequestBody.fromBytes(write(thumb, format)));
            System.out.println("thumbnail of " + key + ": " + image.getWidth() + "x" + image.getHeight() + " -> "
                    + thumb.getWidth() + "x" + thumb.getHeight() + " in " + out);
            made++;
        }
        return made + " thumbnail(s)";
    }

    private static BufferedImage read(byte[] bytes) {
        try {
            return ImageIO.read(new ByteArrayInputStream(bytes));
        } catch (IOException e) {
            return null; // a truncated or corrupt image
        }
    }

    /** Fits the image in MAX x MAX, keeping its aspect; PNGs keep their transparency. */
    static BufferedImage scale(BufferedImage image, boolean alpha) {
        double ratio = Math.min(1.0, (double) MAX / Math.max(image.getWidth(), image.getHeight()));
        int w = Math.max(1, (int) Math.round(image.getWidth() * ratio));
        int h = Math.max(1, (int) Math.round(image.getHeight() * ratio));
        BufferedImage thumb = new BufferedImage(w, h, alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        Graphics2D g = thumb.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(image, 0, 0, w, h, null);
        } finally {
            g.dispose();
        }
        return thumb;
    }

    private static byte[] write(BufferedImage image, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("no ImageIO writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
