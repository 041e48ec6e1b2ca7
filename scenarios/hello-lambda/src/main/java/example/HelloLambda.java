package example;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;

/**
 * The Java twin of the book's {@code myfunc01_handler}: logs x and y, returns {@code {"result": x / y}}
 * as a JSON string, and fails like Python does when y is 0.
 */
public class HelloLambda implements RequestHandler<Map<String, Object>, String> {
    @Override
    public String handleRequest(Map<String, Object> event, Context context) {
        int x = Integer.parseInt(String.valueOf(event.get("x")));
        int y = Integer.parseInt(String.valueOf(event.get("y")));
        System.out.println("x = " + x);
        System.out.println("y = " + y);
        if (y == 0) {
            throw new ArithmeticException("division by zero");
        }
        return "{\"result\": " + ((double) x / y) + "}";
    }
}
