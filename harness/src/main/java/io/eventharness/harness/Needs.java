package io.eventharness.harness;

import io.eventharness.harness.backend.Feature;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a test (or a whole {@code @EventHarness} class) that needs what not every backend has: a {@link Feature}
 * (S3 event notifications, Lambda polling SQS, a movable clock, ...) or a service by its signing name
 * ({@code dynamodb}, {@code events}, {@code kinesis}: as a request's credential scope names it). On a backend that
 * lacks one it is skipped before it starts — before the backend starts or any resource exists — with the reason in
 * the report. Without the annotation such a test fails at the call that needs what is missing (a wiring throws a
 * {@code MissingFeatureException}, a client of an unserved service gets {@code 501 NotImplemented}).
 *
 * <pre>{@code
 * @Test @Needs(value = Feature.S3_NOTIFICATIONS, reason = "the thumbnailer is triggered by uploads")
 * void thumbnailsAnUpload(Cloud cloud) { cloud.wire().s3ToLambda(bucket, fn, "s3:ObjectCreated:*"); ... }
 *
 * @Test @Needs(services = "dynamodb")
 * void storesTheOrder(Cloud cloud) { ... }
 * }</pre>
 *
 * What each backend has is known without starting it: the embedded emulator's from the emulator, LocalStack's and
 * AWS's from their kind, and for {@code harness.backend=endpoint} by asking what runs there ({@code /_harness/health}
 * of the emulator, {@code /_localstack/health} of LocalStack). {@link NeedsClock} is {@code @Needs(Feature.CLOCK)}.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface Needs {
    /** The features the test needs. */
    Feature[] value() default {};

    /** The services it calls, by signing name ({@code dynamodb}, {@code events}, {@code kinesis}, ...). */
    String[] services() default {};

    /** Why (shown with the skip). */
    String reason() default "";
}
