package io.eventharness.emulator.protocol;

import java.util.List;

/**
 * An emulated service as the request pipeline sees it: its spec, and the objects whose public methods
 * {@code FooResponse foo(FooRequest[, Call])} are its operations (see {@link ServiceModel}). Each service
 * package has one class implementing this, named {@code <Name>Service}: it builds the service's state and its
 * operation objects, and offers the in-JVM API other services call (through {@code delivery/} for events).
 *
 * <pre>{@code
 * public final class SqsService implements EmulatedService {
 *     public static final ServiceSpec SPEC = ServiceSpec.awsJson("sqs", ...);
 *     private final SqsQueues queues;                 // the state: no HTTP, changed through its own methods
 *     public List<Object> operations() {
 *         return List.of(new QueueOperations(queues, ...), new MessageOperations(queues, ...));
 *     }
 * }
 * }</pre>
 */
public interface EmulatedService {
    ServiceSpec spec();

    /** The operation objects; every operation is a public method of exactly one of them. */
    List<?> operations();

    /**
     * What the service checks of every call before it finds out which operation it is, as AWS's front ends do (S3:
     * a presigned URL's expiry, on the emulator's clock); throws the service's error. Nothing, by default.
     */
    default void admit(Call call) {
    }

    /**
     * Cross-origin resource sharing as the service grants it (S3: by a bucket's CORS rules): the headers a request
     * from a browser ({@code Origin}) gets, empty when no rule allows it. A preflight ({@code OPTIONS}) is answered
     * with these headers alone, or the service's error when none allows it. By default nothing is granted and a
     * preflight gets 403.
     */
    default java.util.Map<String, String> crossOrigin(CrossOrigin request) {
        return CrossOrigin.refused(request);
    }
}
