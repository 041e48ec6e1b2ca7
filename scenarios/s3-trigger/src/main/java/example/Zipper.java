package example;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3EventNotificationRecord;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import net.lingala.zip4j.io.outputstream.ZipOutputStream;
import net.lingala.zip4j.model.ZipParameters;
import net.lingala.zip4j.model.enums.AesKeyStrength;
import net.lingala.zip4j.model.enums.CompressionMethod;
import net.lingala.zip4j.model.enums.EncryptionMethod;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * Writes a password-protected zip of each uploaded file to the output bucket, as {@code <key>.zip}: one entry named
 * after the file, deflated and encrypted with AES-256 (WinZip's AE-2, which 7-Zip, WinZip and zip4j open; the
 * {@code unzip} of most systems does not). The password is the function's {@code ZIP_PASSWORD} setting.
 */
public class Zipper implements RequestHandler<S3Event, String> {

    @Override
    public String handleRequest(S3Event event, Context context) {
        char[] password = password();
        int zipped = 0;
        for (S3EventNotificationRecord r : event.getRecords()) {
            String bucket = r.getS3().getBucket().getName();
            String key = Buckets.key(r.getS3().getObject().getKey());
            byte[] content = Buckets.S3.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asByteArray();
            String name = key.substring(key.lastIndexOf('/') + 1);
            byte[] zip = zip(name, content, password);
            Buckets.S3.putObject(b -> b.bucket(Buckets.output()).key(key + ".zip").contentType("application/zip"),
                    RequestBody.fromBytes(zip));
            System.out.println("zipped " + key + " (" + content.length + " bytes) into " + key + ".zip (" + zip.length
                    + " bytes, AES-256)");
            zipped++;
        }
        return zipped + " zip(s)";
    }

    /** One entry, deflated and AES-256 encrypted. */
    static byte[] zip(String entryName, byte[] content, char[] password) {
        ZipParameters p = new ZipParameters();
        p.setFileNameInZip(entryName);
        p.setCompressionMethod(CompressionMethod.DEFLATE);
        p.setEncryptFiles(true);
        p.setEncryptionMethod(EncryptionMethod.AES);
        p.setAesKeyStrength(AesKeyStrength.KEY_STRENGTH_256);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, password)) {
            zip.putNextEntry(p);
            zip.write(content);
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static char[] password() {
        String p = System.getenv("ZIP_PASSWORD");
        if (p == null || p.isEmpty()) {
            throw new IllegalStateException("ZIP_PASSWORD is not set in the function's environment");
        }
        return p.toCharArray();
    }
}
