package io.eventharness.emulator.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The cron-utils definition behind {@link AwsCron} has AWS's semantics, as the EventBridge guide documents them
 * (day-of-week 1 is Sunday, {@code L}, {@code W}, {@code #}, the year field), and AWS's refusals.
 */
class AwsCronTest {
    /** Friday 30 January 2026, noon. */
    private static final LocalDateTime FRIDAY = LocalDateTime.parse("2026-01-30T12:00:00");

    private static List<LocalDateTime> next(String fields, int n) {
        AwsCron c = AwsCron.parse(fields);
        List<LocalDateTime> out = new ArrayList<>();
        LocalDateTime t = FRIDAY;
        for (int i = 0; i < n; i++) {
            t = c.next(t).orElseThrow();
            out.add(t);
        }
        return out;
    }

    @Test
    void dailyAtMidnightIsNeverBeforeMidnightAndOncePerDay() {
        AwsCron daily = AwsCron.parse("0 0 * * ? *");
        assertThat(daily.next(LocalDateTime.parse("2026-03-01T23:59:59"))).contains(LocalDateTime.parse("2026-03-02T00:00"));
        assertThat(daily.next(LocalDateTime.parse("2026-03-02T00:00"))).contains(LocalDateTime.parse("2026-03-03T00:00"));
    }

    @Test
    void dayOfWeekOneIsSundayAndSevenSaturday() {
        assertThat(next("0 0 ? * 1 *", 2)).allSatisfy(t -> assertThat(t.getDayOfWeek()).isEqualTo(DayOfWeek.SUNDAY));
        assertThat(next("0 0 ? * 7 *", 2)).allSatisfy(t -> assertThat(t.getDayOfWeek()).isEqualTo(DayOfWeek.SATURDAY));
        assertThat(next("0 0 ? * SUN *", 1)).isEqualTo(next("0 0 ? * 1 *", 1));
        assertThat(next("0 18 ? * MON-FRI *", 5)).extracting(LocalDateTime::getDayOfWeek)
                .containsExactly(DayOfWeek.FRIDAY, DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY);
    }

    @Test
    void lastDayOfTheMonthAndLastFridayOfTheMonth() {
        assertThat(next("0 9 L * ? *", 3)).containsExactly(LocalDateTime.parse("2026-01-31T09:00"),
                LocalDateTime.parse("2026-02-28T09:00"), LocalDateTime.parse("2026-03-31T09:00"));
        assertThat(next("15 10 ? * 6L 2002-2030", 2)).containsExactly(LocalDateTime.parse("2026-02-27T10:15"),
                LocalDateTime.parse("2026-03-27T10:15"));
    }

    @Test
    void nearestWeekdayAndNthDayOfWeek() {
        // 15 February and 15 March 2026 are Sundays: the nearest weekday is Monday the 16th; 15 April is a Wednesday
        assertThat(next("0 9 15W * ? *", 3)).containsExactly(LocalDateTime.parse("2026-02-16T09:00"),
                LocalDateTime.parse("2026-03-16T09:00"), LocalDateTime.parse("2026-04-15T09:00"));
        assertThat(next("0 2 ? * SAT#3 *", 2)).containsExactly(LocalDateTime.parse("2026-02-21T02:00"),
                LocalDateTime.parse("2026-03-21T02:00"));
        assertThat(next("0 2 ? * 3#2 *", 1)).containsExactly(LocalDateTime.parse("2026-02-10T02:00")); // 2nd Tuesday
    }

    @Test
    void theYearFieldLimitsTheYearsAndEnds() {
        // every 5 minutes at 05:xx on Sunday to Thursday of the first five days of January 2027 (the 1st is a Friday)
        assertThat(next("0/5 5 ? JAN 1-5 2027", 2)).containsExactly(LocalDateTime.parse("2027-01-03T05:00"),
                LocalDateTime.parse("2027-01-03T05:05"));
        assertThat(AwsCron.parse("0 0 1 1 ? 2025").next(FRIDAY)).isEmpty();
    }

    @Test
    void rangesListsAndStepsAsScheduler() {
        assertThat(next("1-31/30 1-1 ? * 1,7 *", 3)).containsExactly(LocalDateTime.parse("2026-01-31T01:01"),
                LocalDateTime.parse("2026-01-31T01:31"), LocalDateTime.parse("2026-02-01T01:01"));
        assertThat(next("0-59/10 0-23/2 ? * * *", 2)).containsExactly(LocalDateTime.parse("2026-01-30T12:10"),
                LocalDateTime.parse("2026-01-30T12:20"));
    }

    /** AWS refuses these (recorded against AWS: test_events_schedule, test_scheduler). */
    @ParameterizedTest
    @ValueSource(strings = {"0 1 * * * *", "7 20 * * NOT *", "INVALID", "0 dummy ? * MON-FRI *", "71 8 1 * ? *", "",
            "0 0 ? * ? *", "0 0 * * ?", "0 0 * * ? * *", "0  0 * * ? *", "0 24 * * ? *", "0 0 ? * 8 *", "0 0 * 13 ? *",
            "0 0 * * ? 1969", "0 0 * * ? 2200"})
    void refused(String fields) {
        assertThatThrownBy(() -> AwsCron.parse(fields)).isInstanceOf(ScheduleExpression.Invalid.class);
    }
}
