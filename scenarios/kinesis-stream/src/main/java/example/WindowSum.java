package example;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import com.amazonaws.services.lambda.runtime.events.KinesisTimeWindowEvent;
import com.amazonaws.services.lambda.runtime.events.TimeWindowEventResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Sums the events' values per tumbling window ({@code TumblingWindowInSeconds}): each invocation adds its records to
 * the state Lambda passes along, and the window's final invocation ({@code isFinalInvokeForWindow}, no records) writes
 * the sum to the totals table, as item {@code <device>#windows} whose {@code windows} list gets
 * {@code {start, sum, count}}.
 */
public class WindowSum implements RequestHandler<KinesisTimeWindowEvent, TimeWindowEventResponse> {

    @Override
    public TimeWindowEventResponse handleRequest(KinesisTimeWindowEvent event, Context context) {
        Map<String, String> state = new HashMap<>(event.getState() == null ? Map.of() : event.getState());
        long sum = Long.parseLong(state.getOrDefault("sum", "0"));
        long count = Long.parseLong(state.getOrDefault("count", "0"));
        for (KinesisEvent.KinesisEventRecord r : event.getRecords() == null ? List.<KinesisEvent.KinesisEventRecord>of() : event.getRecords()) {
            JsonNode e = Totals.event(r.getKinesis().getData());
            sum += e.path("value").asLong();
            count++;
            state.put("device", e.path("device").asText());
        }
        state.put("sum", Long.toString(sum));
        state.put("count", Long.toString(count));
        String start = event.getWindow().getStart();
        if (Boolean.TRUE.equals(event.getIsFinalInvokeForWindow())) {
            System.out.println("window " + start + " of " + state.get("device") + " ends: sum " + sum + " of " + count + " event(s)");
            if (state.containsKey("device")) {
                long s = sum;
                long c = count;
                Totals.DYNAMO.updateItem(b -> b.tableName(Totals.TABLE).key(Map.of("pk", Totals.s(state.get("device") + "#windows")))
                        .updateExpression("SET #windows = list_append(if_not_exists(#windows, :none), :w)")
                        .expressionAttributeNames(Map.of("#windows", "windows"))
                        .expressionAttributeValues(Map.of(":none", AttributeValue.builder()
                                .l(List.of()).build(), ":w", AttributeValue.builder()
                                .l(AttributeValue.builder().m(Map.of("start", Totals.s(start),
                                        "sum", Totals.n(s), "count", Totals.n(c))).build()).build())));
            }
            return TimeWindowEventResponse.builder().withState(Map.of()).build();
        }
        System.out.println("window " + start + ": " + count + " event(s) so far, sum " + sum);
        return TimeWindowEventResponse.builder().withState(state).build();
    }
}
