package example;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.LinkedHashMap;
import java.util.Map;

/** Returns what the Java runtime's {@link Context} says about the invocation and its container. */
public class ContextProbe implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("function_name", context.getFunctionName());
        out.put("function_version", context.getFunctionVersion());
        out.put("invoked_function_arn", context.getInvokedFunctionArn());
        out.put("memory_limit_in_mb", context.getMemoryLimitInMB());
        out.put("aws_request_id", context.getAwsRequestId());
        out.put("log_group_name", context.getLogGroupName());
        out.put("log_stream_name", context.getLogStreamName());
        out.put("remaining_time_in_millis", context.getRemainingTimeInMillis());
        return out;
    }
}
