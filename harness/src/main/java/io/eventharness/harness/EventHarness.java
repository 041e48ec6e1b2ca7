package io.eventharness.harness;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a test class against the configured backend ({@code -Dharness.backend=embedded|localstack|aws},
 * default embedded). Each test gets its own {@link Cloud} — as a parameter, or in an instance field of type
 * {@code Cloud}, {@code Clients}, {@code Backend}, {@link Harness} or an SDK client (S3, SQS, SNS, CloudWatch
 * Logs, Lambda, IAM, STS) that the class left {@code null} — with names unique to the test; what it creates is
 * deleted after it. Static fields of those types, and parameters of {@code @BeforeAll}/{@code @AfterAll} methods,
 * get the class's Cloud instead: names unique to the class, what it creates lives until the class ends (deploy
 * once per class). Safe with parallel test classes. Tests that move the clock are marked {@link NeedsClock}.
 *
 * <pre>{@code
 * @EventHarness
 * class OrdersIT {
 *   static Cloud shared;              // the class's: injected before @BeforeAll, torn down after the class
 *   Cloud cloud;                      // each test's: injected before each test, torn down after it
 *   @Test void queues(SqsClient sqs) { ... }
 *   @Test @NeedsClock void retriesLater() { ... cloud.advance(Duration.ofMinutes(2)); ... }
 * }
 * }</pre>
 *
 * @see EventHarnessExtension
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(EventHarnessExtension.class)
public @interface EventHarness {
}
