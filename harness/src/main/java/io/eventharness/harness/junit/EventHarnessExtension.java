package io.eventharness.harness.junit;

import io.eventharness.harness.Clients;
import io.eventharness.harness.Cloud;
import io.eventharness.harness.Harness;
import io.eventharness.harness.NeedsClock;
import io.eventharness.harness.backend.Backend;
import io.eventharness.harness.backend.BackendConfig;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.platform.commons.support.AnnotationSupport;
import org.opentest4j.TestAbortedException;

/**
 * The JUnit 5 side of {@code @EventHarness}: one {@link Harness} (backend) per JVM, shared by every
 * test class; one {@link Cloud} per test, injected into parameters and fields, closed (torn down)
 * after the test. Usage is through the annotation:
 *
 * <pre>{@code
 * @EventHarness
 * class OrdersIT {
 *   Cloud cloud;                                   // injected before each test, unless already set
 *   @Test void queues(SqsClient sqs, Harness harness) { ... }
 * }
 * }</pre>
 *
 * <ul>
 *   <li>The backend is the JUnit configuration parameter {@code harness.backend} (which JUnit also reads
 *       from system properties and {@code junit-platform.properties}), else {@code HARNESS_BACKEND}, else
 *       embedded.</li>
 *   <li>If the backend cannot start (no Docker for LocalStack, say), the first test that needs it fails with
 *       the reason; the following ones are skipped with a pointer to it instead of repeating it.</li>
 *   <li>Fields are injected only when {@code null}: a value the test class set itself is kept. Injected
 *       fields are reset after each test, so with {@code @TestInstance(PER_CLASS)} each test gets its own.</li>
 *   <li>{@code PER_CLASS} with concurrent test methods would share injected fields between concurrent tests:
 *       that combination is rejected with an {@link ExtensionConfigurationException}; take the
 *       {@code Cloud} as a method parameter instead.</li>
 *   <li>{@link NeedsClock} tests are skipped up front on backends without a movable clock.</li>
 * </ul>
 */
public final class EventHarnessExtension implements ExecutionCondition, BeforeEachCallback, AfterEachCallback, ParameterResolver {
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(EventHarnessExtension.class);
    private static final Set<RuntimeException> REPORTED = Collections.synchronizedSet(Collections.newSetFromMap(new IdentityHashMap<>()));

    /** One field this extension set on one test instance. */
    private record Injected(Object instance, Field field, Object value) {
    }

    /** The backend the tests of this run use: configuration parameter, then environment, then embedded. */
    static String selectedBackend(ExtensionContext context) {
        return context.getConfigurationParameter(BackendConfig.BACKEND_PROPERTY)
                .filter(v -> !v.isBlank() && !v.startsWith("${"))
                .map(v -> v.trim().toLowerCase(Locale.ROOT))
                .orElseGet(() -> BackendConfig.fromEnvironment().backend());
    }

    static Harness harness(ExtensionContext context) {
        String backend = selectedBackend(context);
        try {
            return Harness.shared(backend);
        } catch (RuntimeException e) {
            if (REPORTED.add(e)) {
                throw e;
            }
            throw new TestAbortedException("the " + backend + " backend is unavailable: see the first test that needed it");
        }
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        Optional<NeedsClock> needs = context.getElement().flatMap(e -> AnnotationSupport.findAnnotation(e, NeedsClock.class));
        if (needs.isEmpty()) {
            return ConditionEvaluationResult.enabled("no @NeedsClock");
        }
        String backend = selectedBackend(context);
        if (BackendConfig.hasMovableClock(backend)) {
            return ConditionEvaluationResult.enabled("the " + backend + " backend has a movable clock");
        }
        String why = needs.get().value();
        return ConditionEvaluationResult.disabled("@NeedsClock: this test moves the clock (cloud.advance), which only the "
                + "embedded backend can do; the backend is " + backend + (why.isBlank() ? "" : " (" + why + ")"));
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IllegalAccessException {
        Cloud cloud = cloud(context);
        boolean sharedAndConcurrent = context.getTestInstanceLifecycle().orElse(TestInstance.Lifecycle.PER_METHOD)
                == TestInstance.Lifecycle.PER_CLASS && context.getExecutionMode() == ExecutionMode.CONCURRENT;
        List<Injected> injected = new ArrayList<>();
        context.getStore(NS).put(Injected.class, injected);
        for (Object instance : context.getRequiredTestInstances().getAllInstances()) {
            inject(instance, cloud, sharedAndConcurrent, injected);
        }
    }

    private static Cloud cloud(ExtensionContext context) {
        return context.getStore(NS).getOrComputeIfAbsent(Cloud.class,
                k -> harness(context).newCloud(context.getDisplayName()), Cloud.class);
    }

    private static void inject(Object instance, Cloud cloud, boolean sharedAndConcurrent, List<Injected> injected)
            throws IllegalAccessException {
        for (Class<?> c = instance.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                int m = f.getModifiers();
                if (Modifier.isStatic(m) || f.isSynthetic() || !injectable(f.getType())) {
                    continue;
                }
                if (Modifier.isFinal(m)) {
                    throw new ExtensionConfigurationException("@EventHarness cannot inject final field " + c.getSimpleName() + "."
                            + f.getName() + ": make it non-final");
                }
                f.setAccessible(true);
                if (f.get(instance) != null) {
                    continue; // set by the test class itself: keep it
                }
                if (sharedAndConcurrent) {
                    throw new ExtensionConfigurationException("@EventHarness cannot inject field " + c.getSimpleName() + "."
                            + f.getName() + ": with @TestInstance(PER_CLASS) and concurrent test methods, one field would be "
                            + "shared by tests running at the same time. Take it as a test method parameter instead.");
                }
                Object value = valueFor(f.getType(), cloud);
                f.set(instance, value);
                injected.add(new Injected(instance, f, value));
            }
        }
    }

    @Override
    public void afterEach(ExtensionContext context) throws IllegalAccessException {
        @SuppressWarnings("unchecked")
        List<Injected> injected = context.getStore(NS).remove(Injected.class, List.class);
        if (injected != null) {
            for (Injected i : injected) {
                if (i.field().get(i.instance()) == i.value()) {
                    i.field().set(i.instance(), null); // the next test of a PER_CLASS instance gets its own
                }
            }
        }
        Cloud cloud = context.getStore(NS).remove(Cloud.class, Cloud.class);
        if (cloud != null) {
            cloud.close();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext p, ExtensionContext e) {
        return injectable(p.getParameter().getType());
    }

    @Override
    public Object resolveParameter(ParameterContext p, ExtensionContext e) {
        Class<?> type = p.getParameter().getType();
        if (type == Harness.class) {
            return harness(e);
        }
        if (e.getTestMethod().isEmpty()) {
            throw new ExtensionConfigurationException("@EventHarness injects " + type.getSimpleName()
                    + " into test methods and fields, not into constructors or class-level lifecycle methods (only Harness is)");
        }
        return valueFor(type, cloud(e));
    }

    private static boolean injectable(Class<?> t) {
        return t == Cloud.class || t == Clients.class || t == Backend.class || t == Harness.class || Clients.supports(t);
    }

    private static Object valueFor(Class<?> type, Cloud cloud) {
        if (type == Cloud.class) {
            return cloud;
        } else if (type == Harness.class) {
            return cloud.harness();
        } else if (type == Clients.class) {
            return cloud.clients();
        } else if (type == Backend.class) {
            return cloud.backend();
        }
        return cloud.clients().byType(type);
    }
}
