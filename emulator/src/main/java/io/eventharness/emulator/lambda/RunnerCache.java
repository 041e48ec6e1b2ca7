package io.eventharness.emulator.lambda;

import io.eventharness.emulator.lambda.runtime.FunctionConfig;
import io.eventharness.emulator.lambda.runtime.FunctionRunner;
import io.eventharness.emulator.lambda.runtime.Invocation;
import io.eventharness.emulator.lambda.runtime.InvocationResult;
import io.eventharness.emulator.lambda.runtime.LambdaEngine;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@link FunctionEngine} over {@link LambdaEngine}: one {@link FunctionRunner} (pool of sandboxes)
 * per function version, replaced when the version's configuration changes.
 */
final class RunnerCache implements FunctionEngine {
    private final LambdaEngine engine;
    private final Map<String, FunctionRunner> runners = new ConcurrentHashMap<>();

    RunnerCache(LambdaEngine engine) {
        this.engine = engine;
    }

    @Override
    public InvocationResult invoke(FunctionConfig config, Invocation invocation, int maxConcurrency) {
        FunctionRunner r = runners.compute(config.qualifiedArn(), (k, old) -> {
            if (old != null && old.config().equals(config)) {
                return old;
            }
            if (old != null) {
                old.close();
            }
            return engine.runner(config, maxConcurrency);
        });
        if (r.maxConcurrency() != maxConcurrency) {
            r.setMaxConcurrency(maxConcurrency);
        }
        return r.invoke(invocation);
    }

    @Override
    public void retire(String functionArn) {
        for (Iterator<Map.Entry<String, FunctionRunner>> it = runners.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, FunctionRunner> e = it.next();
            if (e.getKey().equals(functionArn) || e.getKey().startsWith(functionArn + ":")) {
                it.remove();
                e.getValue().close();
            }
        }
    }

    @Override
    public void close() {
        runners.clear();
        engine.close();
    }
}
