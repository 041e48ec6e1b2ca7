package example.schedule;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;

/** A heartbeat on a {@code rate(5 minutes)} rule: logs the time of each Scheduled Event and the rule that sent it. */
public class Tick implements RequestHandler<ScheduledEvent, String> {
    @Override
    public String handleRequest(ScheduledEvent event, Context context) {
        String line = "tick at " + event.getTime().toDateTime(org.joda.time.DateTimeZone.UTC) + " from " + event.getResources();
        System.out.println(line);
        return line;
    }
}
