package io.eventharness.harness.observe;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventharness.harness.Cloud;
import io.eventharness.harness.DeployedFunction;
import io.eventharness.harness.EventHarness;
import io.eventharness.harness.PythonFunction;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Which invocations a trigger caused: with a trail, those whose request ids its invocation hops show; without one
 * (LocalStack, AWS), every invocation of the target.
 */
@EventHarness
class TriggerViewTest {
    private static final String RULE = "arn:aws:events:us-east-1:000000000000:rule/nightly";

    @Test
    void requestIdsAreReadFromTheInvocationHopsOnly() {
        assertThat(TriggerView.requestIds(List.of(
                "00:00:00.001  events:Rule  " + RULE + " -> arn:aws:lambda:us-east-1:000000000000:function:f  [delivered]  {}",
                "00:00:00.120  lambda:InvokeAsync  " + RULE + " -> arn:aws:lambda:us-east-1:000000000000:function:f:$LATEST  "
                        + "[ok (cold, request 11111111-aaaa)]  {\"request\": \"not this\"}",
                "00:01:00.050  lambda:InvokeAsync  " + RULE + " -> arn:aws:lambda:us-east-1:000000000000:function:f:$LATEST  "
                        + "[error ValueError (warm, request 22222222-bbbb): {\"errorMessage\": \"x\"}]  {}")))
                .containsExactly("11111111-aaaa", "22222222-bbbb");
    }

    @Test
    void withoutATrailEveryInvocationOfTheTargetCountsAndWithOneOnlyTheTriggers(Cloud cloud) {
        DeployedFunction fn = cloud.deploy(PythonFunction.from("src/test/resources/functions/event-printer").handler("handler.handle"));
        String first = fn.invoke("{\"n\": 1}").requestId();
        fn.invoke("{\"n\": 2}");
        LogView log = cloud.logsOf(fn);

        TriggerView noTrail = new TriggerView(RULE, log, null, cloud.await());
        assertThat(noTrail.await().invocations(2)).hasSize(2);
        assertThat(noTrail.hops()).isEmpty();
        TriggerView oneHop = new TriggerView(RULE, log, () -> List.of("lambda:InvokeAsync  " + RULE + " -> f  [ok (warm, request "
                + first + ")]"), cloud.await());
        assertThat(oneHop.invocations()).extracting(Invocation::requestId).containsExactly(first);
    }
}
