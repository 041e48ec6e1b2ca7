package io.eventharness.emulator.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventharness.emulator.schedule.ScheduleExpression.Dialect;
import java.time.Duration;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What AWS accepts and refuses (the refusals recorded against AWS in test_events_schedule and test_scheduler). */
class ScheduleExpressionTest {

    @Test
    void rates() {
        assertThat(ScheduleExpression.parse("rate(1 minute)", Dialect.RULE)).isEqualTo(new ScheduleExpression.Rate(Duration.ofMinutes(1)));
        assertThat(ScheduleExpression.parse("rate(5 minutes)", Dialect.RULE)).isEqualTo(new ScheduleExpression.Rate(Duration.ofMinutes(5)));
        assertThat(ScheduleExpression.parse("rate(2 hours)", Dialect.SCHEDULER)).isEqualTo(new ScheduleExpression.Rate(Duration.ofHours(2)));
        assertThat(ScheduleExpression.parse("rate(1 day)", Dialect.RULE)).isEqualTo(new ScheduleExpression.Rate(Duration.ofDays(1)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"rate(10 seconds)", "rate(10 years)", "rate(1 minutes)", "rate(1 hours)", "rate(1 days)",
            "rate(10 minute)", "rate(10 hour)", "rate(10 day)", "rate()", "rate(10)", "rate(10 minutess)", "rate(foo minutes)",
            "rate(0 minutes)", "rate(-10 minutes)", "rate(10 MINUTES)", "rate( 10 minutes )", " rate(10 minutes)",
            "rate(99999999999999999999 minutes)", "cron()", "cron(INVALID)", "at(2027-01-01T00:00:00)"})
    void refusedByRules(String text) {
        assertThatThrownBy(() -> ScheduleExpression.parse(text, Dialect.RULE)).isInstanceOf(ScheduleExpression.Invalid.class);
    }

    @Test
    void atIsScheduler() {
        assertThat(ScheduleExpression.parse("at(2022-12-31T23:59:59)", Dialect.SCHEDULER))
                .isEqualTo(new ScheduleExpression.At(LocalDateTime.parse("2022-12-31T23:59:59")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"at(2021-12-31T23:59:59Z)", "at(2021-12-31)", "at(2021-02-30T00:00:00)", "at(2021-12-31T24:00:00)",
            "at( 2021-12-31T23:59:59)"})
    void atRefused(String text) {
        assertThatThrownBy(() -> ScheduleExpression.parse(text, Dialect.SCHEDULER)).isInstanceOf(ScheduleExpression.Invalid.class);
    }
}
