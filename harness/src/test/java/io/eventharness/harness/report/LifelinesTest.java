package io.eventharness.harness.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** One lifeline per resource, named short, in first-seen order. */
class LifelinesTest {
    private static final String ACCOUNT = "arn:aws:%s:us-east-1:000000000000:%s";

    @Test
    void eachResourceIsNamedByItsKindAndItsNameWithoutTheTestsPrefix() {
        Lifelines l = new Lifelines("eh3k");
        l.lane(String.format(ACCOUNT, "lambda", "function:eh3k-2-thumbnailer:$LATEST"));
        l.lane(String.format(ACCOUNT, "sqs", "eh3k-2-results"));
        l.lane(String.format(ACCOUNT, "sns", "eh3k-1a-uploads"));
        l.lane("arn:aws:s3:::eh3k-2-photos");
        l.lane(String.format(ACCOUNT, "events", "event-bus/default"));
        l.lane(String.format(ACCOUNT, "events", "rule/orders-bus/eh3k-2-nightly"));
        l.lane(String.format(ACCOUNT, "scheduler", "schedule/default/eh3k-2-daily"));
        l.lane(String.format(ACCOUNT, "kinesis", "stream/eh3k-2-clicks"));
        l.lane(String.format(ACCOUNT, "dynamodb", "table/eh3k-2-totals/stream/2026-12-07T03:51:58.123"));
        l.lane(String.format(ACCOUNT, "dynamodb", "table/eh3k-2-totals")); // the table and its stream: one lifeline
        l.lane("Invoke API");
        assertThat(l.all()).extracting(Lifeline::kind, Lifeline::label).containsExactly(
                org.assertj.core.groups.Tuple.tuple("function", "thumbnailer"),
                org.assertj.core.groups.Tuple.tuple("queue", "results"),
                org.assertj.core.groups.Tuple.tuple("topic", "uploads"),
                org.assertj.core.groups.Tuple.tuple("bucket", "photos"),
                org.assertj.core.groups.Tuple.tuple("bus", "default"),
                org.assertj.core.groups.Tuple.tuple("rule", "nightly"),
                org.assertj.core.groups.Tuple.tuple("schedule", "daily"),
                org.assertj.core.groups.Tuple.tuple("stream", "clicks"),
                org.assertj.core.groups.Tuple.tuple("table", "totals"),
                org.assertj.core.groups.Tuple.tuple("other", "Invoke API"));
        assertThat(l.all().get(0).endpoint()).as("the full name, for the page's tooltip and legend")
                .isEqualTo(String.format(ACCOUNT, "lambda", "function:eh3k-2-thumbnailer:$LATEST"));
    }

    @Test
    void aQueuesUrlAndArnAFunctionsVersionsAndATopicsSubscriptionsShareTheirResourcesLifeline() {
        Lifelines l = new Lifelines("eh3k");
        int queue = l.lane("http://127.0.0.1:4566/000000000000/eh3k-2-results");
        int fn = l.lane(String.format(ACCOUNT, "lambda", "function:eh3k-2-f"));
        int topic = l.lane(String.format(ACCOUNT, "sns", "eh3k-2-alerts"));
        assertThat(l.lane(String.format(ACCOUNT, "sqs", "eh3k-2-results"))).isEqualTo(queue);
        assertThat(l.lane(String.format(ACCOUNT, "lambda", "function:eh3k-2-f:live"))).isEqualTo(fn);
        assertThat(l.functionLane("eh3k-2-f")).isEqualTo(fn);
        assertThat(l.lane(String.format(ACCOUNT, "sns", "eh3k-2-alerts:5f1c0b7e-0d2c-4c1e-9a43-8d2f6c1b2a10"))).isEqualTo(topic);
        assertThat(l.all()).hasSize(3);
    }

    @Test
    void aNameOfAnotherRunOrWithoutAPrefixStaysWhole() {
        Lifelines l = new Lifelines("eh3k");
        l.lane(String.format(ACCOUNT, "sqs", "eh9z-2-results"));
        l.lane(String.format(ACCOUNT, "sqs", "plain-queue"));
        assertThat(l.all()).extracting(Lifeline::label).containsExactly("eh9z-2-results", "plain-queue");
    }
}
