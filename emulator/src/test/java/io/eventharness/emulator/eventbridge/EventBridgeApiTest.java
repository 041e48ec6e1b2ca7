package io.eventharness.emulator.eventbridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventharness.emulator.TestAws;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.DescribeRuleResponse;
import software.amazon.awssdk.services.eventbridge.model.EventBridgeException;
import software.amazon.awssdk.services.eventbridge.model.InvalidEventPatternException;
import software.amazon.awssdk.services.eventbridge.model.LimitExceededException;
import software.amazon.awssdk.services.eventbridge.model.ResourceAlreadyExistsException;
import software.amazon.awssdk.services.eventbridge.model.ResourceNotFoundException;
import software.amazon.awssdk.services.eventbridge.model.RuleState;
import software.amazon.awssdk.services.eventbridge.model.Target;

/** Buses, rules and targets through the unmodified SDK, with AWS's answers and errors (as LocalStack recorded them on AWS). */
class EventBridgeApiTest {
    private final EventBridgeClient events = TestAws.events();

    private static String code(Throwable e) {
        return ((EventBridgeException) e).awsErrorDetails().errorCode();
    }

    private static String message(Throwable e) {
        return ((EventBridgeException) e).awsErrorDetails().errorMessage();
    }

    @Test
    void busesAreCreatedDescribedListedAndDeleted() {
        String name = TestAws.unique("bus");
        String arn = events.createEventBus(b -> b.name(name).description("orders")).eventBusArn();
        assertThat(arn).isEqualTo("arn:aws:events:us-east-1:000000000000:event-bus/" + name);
        assertThat(events.describeEventBus(b -> b.name(name)).description()).isEqualTo("orders");
        assertThat(events.describeEventBus(b -> b.name(arn)).name()).isEqualTo(name);
        assertThat(events.describeEventBus(b -> { }).arn()).isEqualTo("arn:aws:events:us-east-1:000000000000:event-bus/default");
        assertThat(events.listEventBuses(b -> b.namePrefix(name)).eventBuses()).extracting(x -> x.name()).containsExactly(name);
        assertThatThrownBy(() -> events.createEventBus(b -> b.name(name))).isInstanceOf(ResourceAlreadyExistsException.class)
                .satisfies(e -> assertThat(message(e)).isEqualTo("Event bus " + name + " already exists."));
        events.deleteEventBus(b -> b.name(name));
        assertThatThrownBy(() -> events.describeEventBus(b -> b.name(name))).isInstanceOf(ResourceNotFoundException.class)
                .satisfies(e -> assertThat(message(e)).isEqualTo("Event bus " + name + " does not exist."));
        assertThatThrownBy(() -> events.deleteEventBus(b -> b.name("default")))
                .satisfies(e -> assertThat(message(e)).isEqualTo("Cannot delete event bus default."));
    }

    @Test
    void rulesArePutDescribedListedEnabledDisabledAndDeleted() {
        String name = TestAws.unique("rule");
        String pattern = "{\"source\":[\"" + name + "\"]}";
        String arn = events.putRule(b -> b.name(name).eventPattern(pattern).description("d")).ruleArn();
        assertThat(arn).isEqualTo("arn:aws:events:us-east-1:000000000000:rule/" + name);
        DescribeRuleResponse d = events.describeRule(b -> b.name(name));
        assertThat(d.eventPattern()).isEqualTo(pattern);
        assertThat(d.state()).isEqualTo(RuleState.ENABLED);
        assertThat(d.eventBusName()).isEqualTo("default");
        assertThat(d.createdBy()).isEqualTo("000000000000");
        events.disableRule(b -> b.name(name));
        assertThat(events.listRules(b -> b.namePrefix(name)).rules()).singleElement()
                .satisfies(r -> assertThat(r.state()).isEqualTo(RuleState.DISABLED));
        events.enableRule(b -> b.name(name));
        events.putTargets(b -> b.rule(name).targets(t -> t.id("t1").arn("arn:aws:sqs:us-east-1:000000000000:nowhere")));
        assertThatThrownBy(() -> events.deleteRule(b -> b.name(name)))
                .satisfies(e -> assertThat(message(e)).isEqualTo("Rule can't be deleted since it has targets."));
        events.deleteRule(b -> b.name(name).force(true));
        assertThatThrownBy(() -> events.describeRule(b -> b.name(name))).isInstanceOf(ResourceNotFoundException.class)
                .satisfies(e -> assertThat(message(e)).isEqualTo("Rule " + name + " does not exist on EventBus default."));
    }

    @Test
    void aRuleOnACustomBusHasTheBusInItsArnAndNoSchedule() {
        String bus = TestAws.unique("bus");
        events.createEventBus(b -> b.name(bus));
        assertThat(events.putRule(b -> b.name("r").eventBusName(bus).eventPattern("{\"source\":[\"x\"]}")).ruleArn())
                .isEqualTo("arn:aws:events:us-east-1:000000000000:rule/" + bus + "/r");
        assertThatThrownBy(() -> events.putRule(b -> b.name("s").eventBusName(bus).scheduleExpression("rate(1 minute)")))
                .satisfies(e -> assertThat(message(e)).isEqualTo("ScheduleExpression is supported only on the default event bus."));
    }

    @Test
    void badSchedulesAndPatternsAreRefusedAsAwsWordsIt() {
        for (String s : new String[] {"rate(1 minutes)", "rate(10 seconds)", "cron(0 1 * * * *)", "cron(71 8 1 * ? *)", "at(2027-01-01T00:00:00)"}) {
            assertThatThrownBy(() -> events.putRule(b -> b.name("bad").scheduleExpression(s)))
                    .satisfies(e -> assertThat(code(e)).isEqualTo("ValidationException"))
                    .satisfies(e -> assertThat(message(e)).isEqualTo("Parameter ScheduleExpression is not valid."));
        }
        assertThatThrownBy(() -> events.putRule(b -> b.name("bad").eventPattern("{\"resources\": []}")))
                .isInstanceOf(InvalidEventPatternException.class)
                .satisfies(e -> assertThat(message(e)).startsWith("Event pattern is not valid. Reason: Empty arrays are not allowed"));
        assertThatThrownBy(() -> events.putRule(b -> b.name("bad").eventPattern("{\"my_key\": [{\"EXISTS\": true}]}")))
                .satisfies(e -> assertThat(message(e)).startsWith("Event pattern is not valid. Reason: Unrecognized match type EXISTS"));
        assertThatThrownBy(() -> events.putRule(b -> b.name("bad"))).satisfies(e -> assertThat(code(e)).isEqualTo("ValidationException"));
    }

    @Test
    void targetsArePutListedFoundByArnAndRemoved() {
        String name = TestAws.unique("rule");
        events.putRule(b -> b.name(name).eventPattern("{\"source\":[\"" + name + "\"]}"));
        String queue = "arn:aws:sqs:us-east-1:000000000000:" + name;
        Target t = Target.builder().id("q").arn(queue).inputPath("$.detail").retryPolicy(p -> p.maximumRetryAttempts(3))
                .deadLetterConfig(c -> c.arn(queue + "-dlq")).build();
        assertThat(events.putTargets(b -> b.rule(name).targets(t)).failedEntryCount()).isZero();
        assertThat(events.listTargetsByRule(b -> b.rule(name)).targets()).containsExactly(t);
        assertThat(events.listRuleNamesByTarget(b -> b.targetArn(queue)).ruleNames()).containsExactly(name);
        events.removeTargets(b -> b.rule(name).ids("q"));
        assertThat(events.listTargetsByRule(b -> b.rule(name)).targets()).isEmpty();
        events.deleteRule(b -> b.name(name));
    }

    @Test
    void targetsAreCheckedAsAwsChecksThem() {
        String name = TestAws.unique("rule");
        events.putRule(b -> b.name(name).eventPattern("{\"source\":[\"x\"]}"));
        String queue = "arn:aws:sqs:us-east-1:000000000000:q";
        assertThatThrownBy(() -> events.putTargets(b -> b.rule(name).targets(t -> t.id("!@#$@!#$").arn(queue))))
                .satisfies(e -> assertThat(message(e)).isEqualTo("1 validation error detected: Value '!@#$@!#$' at "
                        + "'targets.1.member.id' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\.\\-_A-Za-z0-9]+"));
        assertThatThrownBy(() -> events.putTargets(b -> b.rule(name).targets(t -> t.id("t").arn(queue).input("{}").inputPath("$.detail"))))
                .satisfies(e -> assertThat(message(e)).isEqualTo("Only one of Input, InputPath, or InputTransformer must be provided for target t."));
        assertThatThrownBy(() -> events.putTargets(b -> b.rule(name).targets(t -> t.id("t").arn(queue + ".fifo"))))
                .satisfies(e -> assertThat(message(e)).isEqualTo("Parameter(s) SqsParameters must be specified for target: t."));
        assertThatThrownBy(() -> events.putTargets(b -> b.rule(name).targets(t -> t.id("t").arn(queue)
                .inputTransformer(x -> x.inputPathsMap(java.util.Map.of("a", "$.detail")).inputTemplate("\"<a> <notdefinedkey>\"")))))
                .satisfies(e -> assertThat(message(e)).isEqualTo("InputTemplate for target t contains invalid placeholder notdefinedkey."));
        assertThatThrownBy(() -> events.putTargets(b -> b.rule(name).targets(t -> t.id("t").arn("arn:aws:kinesis:us-east-1:000000000000:stream/s"))))
                .satisfies(e -> assertThat(message(e)).contains("kinesis").contains("not supported by the emulator"));
        assertThatThrownBy(() -> events.putTargets(b -> b.rule(name).targets(t -> t.id("t").arn(queue).ecsParameters(p -> p.taskDefinitionArn("x")))))
                .satisfies(e -> assertThat(message(e)).contains("EcsParameters"));
        for (int i = 0; i < 5; i++) {
            String id = "t" + i;
            events.putTargets(b -> b.rule(name).targets(t -> t.id(id).arn(queue)));
        }
        assertThatThrownBy(() -> events.putTargets(b -> b.rule(name).targets(t -> t.id("t5").arn(queue))))
                .isInstanceOf(LimitExceededException.class)
                .satisfies(e -> assertThat(message(e)).isEqualTo("The requested resource exceeds the maximum number allowed."));
        events.putTargets(b -> b.rule(name).targets(t -> t.id("t4").arn(queue).input("{\"replaced\":true}")));
        assertThat(events.listTargetsByRule(b -> b.rule(name)).targets()).hasSize(5);
        events.deleteRule(b -> b.name(name).force(true));
    }

    @Test
    void rulesAndBusesAreTagged() {
        String name = TestAws.unique("rule");
        String arn = events.putRule(b -> b.name(name).eventPattern("{\"source\":[\"x\"]}").tags(t -> t.key("team").value("a"))).ruleArn();
        events.tagResource(b -> b.resourceARN(arn).tags(t -> t.key("env").value("test")));
        events.untagResource(b -> b.resourceARN(arn).tagKeys("team"));
        assertThat(events.listTagsForResource(b -> b.resourceARN(arn)).tags()).extracting(t -> t.key() + "=" + t.value())
                .containsExactly("env=test");
        events.deleteRule(b -> b.name(name));
    }
}
