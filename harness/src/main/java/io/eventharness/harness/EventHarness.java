package io.eventharness.harness;

import io.eventharness.harness.junit.EventHarnessExtension;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a test class against the configured backend ({@code -Dharness.backend=embedded|localstack|aws},
 * default embedded). Each test gets its own {@link Cloud} — as a parameter, or in a field of type
 * {@code Cloud}, {@code Clients}, {@code Backend}, {@link Harness} or an SDK client (S3, SQS, SNS,
 * CloudWatch Logs, Lambda, IAM, STS) that the class left {@code null} — with unique resource names; what
 * it creates is deleted after it. Safe with parallel test classes. Tests that move the clock are marked
 * {@link NeedsClock}.
 *
 * <pre>{@code
 * @EventHarness
 * class OrdersIT {
 *   Cloud cloud;                      // injected before each test
 *   @Test void queues(SqsClient sqs) { ... }
 *   @Test @NeedsClock void retriesLater() { ... cloud.advance(Duration.ofMinutes(2)); ... }
 * }
 * }</pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(EventHarnessExtension.class)
public @interface EventHarness {
}
