package io.eventharness.harness.backend;

/**
 * A test asked a backend for something it cannot do (S3 event notifications on the embedded emulator, say): thrown
 * at once, by the call that asked, instead of a wait timing out later. The message names the feature, the backend,
 * where the test can run instead, and the {@code @Needs} annotation that skips it up front on such backends.
 */
public class MissingFeatureException extends UnsupportedOperationException {
    private final Feature feature;

    /** @param what the call that needs it, for the message ({@code cloud.wire().s3ToLambda}) */
    public MissingFeatureException(String what, Feature feature, String backend) {
        super(what + " needs " + feature.description() + ", which the " + backend + " backend does not do: run this "
                + "test where it does (-Dharness.backend=localstack or aws), or annotate it @Needs(Feature." + feature.name()
                + ") to skip it, with the reason, on backends without it");
        this.feature = feature;
    }

    public Feature feature() {
        return feature;
    }
}
