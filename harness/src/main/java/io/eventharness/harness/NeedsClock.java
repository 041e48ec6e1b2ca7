package io.eventharness.harness;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a test (or a whole {@code @EventHarness} class) that moves the clock with {@code cloud.advance}:
 * on a backend without a movable clock (LocalStack, AWS, an endpoint that is not the emulator) it is skipped before
 * it starts — before the backend starts or any resource exists — with the reason in the report. Without the
 * annotation such a test is only skipped when it reaches {@code advance}, after creating its resources. The same as
 * {@code @Needs(Feature.CLOCK)} (see {@link Needs}), with the reason as its value.
 *
 * <pre>{@code
 * @EventHarness
 * class RetriesIT {
 *   @Test @NeedsClock("the second retry comes two minutes after the first")
 *   void secondRetryGoesToTheDlq(Cloud cloud) { ... cloud.advance(Duration.ofMinutes(3)); ... }
 * }
 * }</pre>
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface NeedsClock {
    /** Why the test needs to move time (shown with the skip). */
    String value() default "";
}
