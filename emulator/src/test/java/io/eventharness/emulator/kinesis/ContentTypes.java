package io.eventharness.emulator.kinesis;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/** Records the Content-Type of every request a client sends and every response it receives. */
final class ContentTypes implements ExecutionInterceptor {
    final List<String> requests = new CopyOnWriteArrayList<>();
    final List<String> responses = new CopyOnWriteArrayList<>();

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        requests.add(context.httpRequest().firstMatchingHeader("Content-Type").orElse("(none)"));
    }

    @Override
    public void afterTransmission(Context.AfterTransmission context, ExecutionAttributes attributes) {
        responses.add(context.httpResponse().firstMatchingHeader("Content-Type").orElse("(none)"));
    }
}
