package io.eventharness.emulator.pipeline;

import java.util.Locale;

/**
 * Where the front door tells each request it served, once answered (the standalone emulator's {@code --request-log}):
 * <pre>
 * POST /  sqs CreateQueue  200  3.2 ms
 * GET /_harness/health  admin health  200  0.4 ms
 * POST /  dynamodb -  501  0.6 ms
 * </pre>
 * Called on the thread that served the request; a request no service serves has {@code -} for its operation.
 */
@FunctionalInterface
public interface RequestLog {
    void served(Served request);

    /**
     * One request, answered.
     *
     * @param path      the path, without the query (which may hold a presigned URL's signature)
     * @param service   the service's signing name, {@code admin}, what an unserved request asked for, or {@code -}
     * @param operation the operation, the admin route, or {@code -}
     * @param millis    from the request's arrival at the front door to its answer
     */
    record Served(String method, String path, String service, String operation, int status, double millis) {
        /** {@code METHOD path  service operation  status  N.N ms}. */
        public String line() {
            return method + " " + path + "  " + service + " " + operation + "  " + status + "  "
                    + String.format(Locale.ROOT, "%.1f ms", millis);
        }
    }
}
