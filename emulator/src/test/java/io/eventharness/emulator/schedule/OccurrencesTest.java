package io.eventharness.emulator.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventharness.emulator.schedule.ScheduleExpression.Dialect;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** When expressions fall due, in UTC and across daylight-saving changes as Scheduler documents them. */
class OccurrencesTest {
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York"); // 2026: 8 March 02:00 -> 03:00, 1 November 02:00 -> 01:00
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");         // 2026: 29 March 02:00 -> 03:00

    private static Occurrences of(String expression, ZoneId zone, Instant anchor, boolean fromAnchor) {
        return Occurrences.of(ScheduleExpression.parse(expression, Dialect.SCHEDULER), zone, anchor, fromAnchor);
    }

    private static List<Instant> first(Occurrences o, Instant from, int n) {
        List<Instant> out = new ArrayList<>();
        Instant t = from;
        for (int i = 0; i < n; i++) {
            Instant next = o.atOrAfter(t).orElseThrow();
            out.add(next);
            t = next.plusMillis(1);
        }
        return out;
    }

    private static Instant utc(String s) {
        return Instant.parse(s);
    }

    @Test
    void ratesCountFromTheAnchorInAbsoluteTime() {
        Instant created = utc("2026-03-07T12:00:30Z");
        // rules: one period after creation; Scheduler without StartDate: at once
        assertThat(first(of("rate(5 minutes)", ZoneOffset.UTC, created, false), created, 2))
                .containsExactly(utc("2026-03-07T12:05:30Z"), utc("2026-03-07T12:10:30Z"));
        assertThat(first(of("rate(5 minutes)", ZoneOffset.UTC, created, true), created, 2))
                .containsExactly(created, utc("2026-03-07T12:05:30Z"));
        // a day is 24 hours across the spring-forward night, whatever the zone
        assertThat(first(of("rate(1 day)", NEW_YORK, created, true), created, 3))
                .containsExactly(created, utc("2026-03-08T12:00:30Z"), utc("2026-03-09T12:00:30Z"));
        // asked later: the next of the same series
        assertThat(of("rate(5 minutes)", ZoneOffset.UTC, created, true).atOrAfter(utc("2026-03-07T12:07:00Z")))
                .contains(utc("2026-03-07T12:10:30Z"));
    }

    @Test
    void aCronTimeThatDoesNotExistIsSkipped() {
        assertThat(first(of("cron(30 2 * * ? *)", NEW_YORK, null, false), utc("2026-03-07T00:00:00Z"), 2))
                .containsExactly(utc("2026-03-07T07:30:00Z"), utc("2026-03-09T06:30:00Z")); // 7 March EST, 9 March EDT
    }

    @Test
    void aCronTimeThatHappensTwiceFiresOnce() {
        assertThat(first(of("cron(30 1 * * ? *)", NEW_YORK, null, false), utc("2026-10-31T12:00:00Z"), 2))
                .containsExactly(utc("2026-11-01T05:30:00Z"), utc("2026-11-02T06:30:00Z"));
        // hourly: 00:30 and 01:30 EDT, then 02:30 EST; 01:30 EST does not fire
        assertThat(first(of("cron(30 * * * ? *)", NEW_YORK, null, false), utc("2026-11-01T04:00:00Z"), 3))
                .containsExactly(utc("2026-11-01T04:30:00Z"), utc("2026-11-01T05:30:00Z"), utc("2026-11-01T07:30:00Z"));
        // asked during the second pass of the repeated hour: the next wall time after it
        assertThat(of("cron(30 * * * ? *)", NEW_YORK, null, false).atOrAfter(utc("2026-11-01T06:10:00Z")))
                .contains(utc("2026-11-01T07:30:00Z"));
    }

    @Test
    void atIsReadInTheZoneAcrossTheChange() {
        assertThat(of("at(2026-03-28T10:00:00)", PARIS, null, false).atOrAfter(utc("2026-03-01T00:00:00Z")))
                .contains(utc("2026-03-28T09:00:00Z")); // CET, UTC+1
        assertThat(of("at(2026-03-29T10:00:00)", PARIS, null, false).atOrAfter(utc("2026-03-01T00:00:00Z")))
                .contains(utc("2026-03-29T08:00:00Z")); // CEST, UTC+2
        assertThat(of("at(2026-03-29T02:30:00)", PARIS, null, false).atOrAfter(utc("2026-03-01T00:00:00Z")))
                .contains(utc("2026-03-29T01:30:00Z")); // in the gap: when it ends (03:30 CEST)
        assertThat(of("at(2026-03-29T10:00:00)", PARIS, null, false).atOrAfter(utc("2026-03-29T08:00:01Z"))).isEmpty();
    }

    @Test
    void cronInUtcForRules() {
        Occurrences daily = Occurrences.of(ScheduleExpression.parse("cron(0 0 * * ? *)", Dialect.RULE), ZoneOffset.UTC, null, false);
        assertThat(daily.atOrAfter(utc("2026-05-01T23:59:59Z"))).contains(utc("2026-05-02T00:00:00Z"));
        assertThat(daily.atOrAfter(utc("2026-05-02T00:00:00Z"))).contains(utc("2026-05-02T00:00:00Z"));
    }
}
