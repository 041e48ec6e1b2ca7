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
 * {@code Cloud}, {@code Clients} or an SDK client (S3, SQS, SNS, CloudWatch Logs, Lambda, IAM, STS) —
 * with unique resource names; what it creates is deleted after it. Safe with parallel test classes.
 *
 * <pre>{@code
 * @EventHarness
 * class OrdersIT {
 *   Cloud cloud;                      // injected before each test
 *   @Test void queues(SqsClient sqs) { ... }
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
