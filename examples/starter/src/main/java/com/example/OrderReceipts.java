package com.example;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/**
 * Glue: for each order an SQS batch brings, a receipt in the bucket named by {@code RECEIPTS_BUCKET}
 * ({@code receipts/<message id>.json}); a message that is not an order is reported as a batch item failure, so that
 * only it comes back.
 */
public class OrderReceipts implements RequestHandler<SQSEvent, SQSBatchResponse> {
    private static final S3Client S3 = s3();

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        String bucket = System.getenv("RECEIPTS_BUCKET");
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        for (SQSEvent.SQSMessage m : event.getRecords()) {
            if (!m.getBody().startsWith("{\"order\"")) {
                context.getLogger().log("not an order: " + m.getMessageId());
                failures.add(new SQSBatchResponse.BatchItemFailure(m.getMessageId()));
                continue;
            }
            S3.putObject(b -> b.bucket(bucket).key("receipts/" + m.getMessageId() + ".json").contentType("application/json"),
                    RequestBody.fromString("{\"receipt\": " + m.getBody() + "}"));
            context.getLogger().log("receipt for " + m.getMessageId());
        }
        return new SQSBatchResponse(failures);
    }

    /**
     * The S3 client. {@code AWS_ENDPOINT_URL} is set by local emulators (not by AWS); the SDK reads it itself from
     * 2.21 on, older ones need it given.
     */
    private static S3Client s3() {
        S3ClientBuilder b = S3Client.builder();
        String endpoint = System.getenv("AWS_ENDPOINT_URL");
        if (endpoint != null && !endpoint.isBlank()) {
            b.endpointOverride(URI.create(endpoint)).forcePathStyle(true);
        }
        return b.build();
    }
}
