package io.eventharness.harness.junit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Marks an example test class that the self-tests run through the JUnit Platform test kit ({@link TestKit}),
 * or the bench through its launcher, and assert on. Run any other way — an IDE's "run all tests in package",
 * Surefire with a {@code -Dtest} pattern (which overrides its default exclusion of nested classes) — it is
 * skipped: some examples fail on purpose, others count on their neighbours running at the same time.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@ExtendWith(Example.OnlyWhenRunAsExample.class)
public @interface Example {
    /** The configuration parameter the test kit and the bench set. */
    String PARAMETER = "eventharness.selftest.examples";

    /** Enabled only in runs that set {@link #PARAMETER}. */
    final class OnlyWhenRunAsExample implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            return context.getConfigurationParameter(PARAMETER, Boolean::parseBoolean).orElse(false)
                    ? ConditionEvaluationResult.enabled("run as an example")
                    : ConditionEvaluationResult.disabled("an example for the harness's self-tests, run by them through the test kit");
        }
    }
}
