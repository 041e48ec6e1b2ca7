package io.eventharness.harness;

import io.eventharness.harness.backend.Backend;
import io.eventharness.harness.backend.BackendConfig;
import io.eventharness.harness.backend.Capabilities;
import io.eventharness.harness.backend.Feature;
import io.eventharness.harness.junit.FieldInjection;
import java.lang.reflect.Constructor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
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
 * The JUnit 5 side of {@code @EventHarness}. JUnit's stores own every lifecycle:
 * <ul>
 *   <li>one {@link Harness} (backend) per JVM, shared by every test class, held in the launcher session's store
 *       and closed by JUnit when the run ends (see {@link SharedHarnesses});</li>
 *   <li>a class's {@link Cloud} in the class's store, closed (torn down) after the class: it goes to
 *       {@code static} fields and to parameters of {@code @BeforeAll} and {@code @AfterAll} methods, made when
 *       one of them first asks;</li>
 *   <li>each test's {@link Cloud} in the test's store, closed after the test: it goes to instance fields and to
 *       parameters of the test and of its {@code @BeforeEach} and {@code @AfterEach} methods.</li>
 * </ul>
 *
 * <pre>{@code
 * @EventHarness
 * class OrdersIT {
 *   static SqsClient sqs;                          // the class's Cloud's client: what it creates lives for the class
 *   static String queue;
 *   Cloud cloud;                                   // this test's, injected before each test
 *
 *   @BeforeAll static void once(Cloud shared) { queue = sqs.createQueue(b -> b.queueName(shared.name("orders"))).queueUrl(); }
 *   @Test void queues(SnsClient sns, Harness harness) { ... }
 * }
 * }</pre>
 *
 * <ul>
 *   <li>The backend is the JUnit configuration parameter {@code harness.backend} (which JUnit also reads
 *       from system properties and {@code junit-platform.properties}), else {@code HARNESS_BACKEND}, else
 *       embedded.</li>
 *   <li>If the backend cannot start (no Docker for LocalStack, say), the first test that needs it fails with
 *       the reason; the following ones are skipped with a pointer to it instead of repeating it.</li>
 *   <li>Fields are injected only when {@code null}: a value the test class set itself is kept. Injected fields are
 *       reset after the test (instance fields) or the class (static fields), so with {@code @TestInstance(PER_CLASS)}
 *       each test gets its own, and a class run again gets a new class Cloud.</li>
 *   <li>{@code PER_CLASS} with concurrent test methods would share injected instance fields between concurrent
 *       tests: that combination is rejected with an {@link ExtensionConfigurationException}; take the {@code Cloud}
 *       as a method parameter instead. So is a static field that two classes running at once share.</li>
 *   <li>Constructors get only the {@link Harness}: a constructor runs per test or per class depending on the
 *       lifecycle, so which Cloud it should get is not clear.</li>
 *   <li>{@link Needs} and {@link NeedsClock} tests are skipped up front on backends without what they name.</li>
 *   <li>When a test ends, before its Cloud tears down, its HTML report and a line of the run's index are written
 *       ({@code target/event-harness/<run>/}; the configuration parameter {@code harness.report} says when: see
 *       {@link io.eventharness.harness.report.ReportMode}), and a failure gains the line {@code report: file:///…}.</li>
 * </ul>
 */
public final class EventHarnessExtension
        implements ExecutionCondition, BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback, ParameterResolver {
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(EventHarnessExtension.class);
    private static final Set<RuntimeException> REPORTED = Collections.synchronizedSet(Collections.newSetFromMap(new IdentityHashMap<>()));
    private static final FieldInjection FIELDS = new FieldInjection("@EventHarness", EventHarnessExtension::injectable);
    /** What each backend can do, by name, told once per JVM (for the endpoint backend, one request to it). */
    private static final Map<String, Optional<Capabilities>> CAPABILITIES = new ConcurrentHashMap<>();

    /** What this extension keeps in the stores: the session's hold on a backend, the Clouds, the fields it set. */
    private record SharedHarnessKey(String backend) {
    }

    private enum Key { CLASS_CLOUD, TEST_CLOUD, STATIC_FIELDS, INSTANCE_FIELDS }

    /** The backend the tests of this run use: configuration parameter, then environment, then embedded. */
    static String selectedBackend(ExtensionContext context) {
        return context.getConfigurationParameter(BackendConfig.BACKEND_PROPERTY)
                .filter(v -> !v.isBlank() && !v.startsWith("${"))
                .map(v -> v.trim().toLowerCase(Locale.ROOT))
                .orElseGet(() -> BackendConfig.fromEnvironment().backend());
    }

    /** The shared harness, held by this run's launcher session from the first call until JUnit closes the session. */
    static Harness harness(ExtensionContext context) {
        String backend = selectedBackend(context);
        try {
            return context.getStore(ExtensionContext.StoreScope.LAUNCHER_SESSION, NS).getOrComputeIfAbsent(
                    new SharedHarnessKey(backend), k -> Harness.lease(backend), SharedHarnesses.Lease.class).harness();
        } catch (RuntimeException e) {
            if (REPORTED.add(e)) {
                throw e;
            }
            throw new TestAbortedException("the " + backend + " backend is unavailable: see the first test that needed it");
        }
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        Optional<NeedsClock> clock = context.getElement().flatMap(e -> AnnotationSupport.findAnnotation(e, NeedsClock.class));
        Optional<Needs> needs = context.getElement().flatMap(e -> AnnotationSupport.findAnnotation(e, Needs.class));
        if (clock.isEmpty() && needs.isEmpty()) {
            return ConditionEvaluationResult.enabled("no @Needs");
        }
        String backend = selectedBackend(context);
        Optional<Capabilities> caps = CAPABILITIES.computeIfAbsent(backend,
                b -> BackendConfig.fromEnvironment().withBackend(b).capabilities());
        if (caps.isEmpty()) {
            return ConditionEvaluationResult.enabled("what the " + backend + " backend can do is told when it starts");
        }
        if (clock.isPresent() && !caps.get().supports(Feature.CLOCK)) {
            String why = clock.get().value();
            return ConditionEvaluationResult.disabled("@NeedsClock: this test moves the clock (cloud.advance), which only the "
                    + "emulator can do; the backend is " + backend + (why.isBlank() ? "" : " (" + why + ")"));
        }
        if (needs.isEmpty()) {
            return ConditionEvaluationResult.enabled("the " + backend + " backend has a movable clock");
        }
        List<String> missing = caps.get().missing(List.of(needs.get().value()), List.of(needs.get().services()));
        if (missing.isEmpty()) {
            return ConditionEvaluationResult.enabled("the " + backend + " backend has what @Needs names");
        }
        String why = needs.get().reason();
        String who = context.getTestMethod().isPresent() ? "this test needs " : "the tests of this class need ";
        return ConditionEvaluationResult.disabled("@Needs: " + who + String.join(" and ", missing) + ", which the "
                + backend + " backend does not have" + (why.isBlank() ? "" : " (" + why + ")"));
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IllegalAccessException {
        List<FieldInjection.Injected> injected = new ArrayList<>();
        context.getStore(NS).put(Key.STATIC_FIELDS, injected);
        FIELDS.intoStatics(context.getRequiredTestClass(), type -> valueFor(type, context, () -> classCloud(context)), injected);
    }

    @Override
    public void afterAll(ExtensionContext context) throws IllegalAccessException {
        undo(context, Key.STATIC_FIELDS);
        // the class's Cloud closes with the class's store, after this
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IllegalAccessException {
        Cloud cloud = testCloud(context);
        boolean sharedAndConcurrent = context.getTestInstanceLifecycle().orElse(TestInstance.Lifecycle.PER_METHOD)
                == TestInstance.Lifecycle.PER_CLASS && context.getExecutionMode() == ExecutionMode.CONCURRENT;
        List<FieldInjection.Injected> injected = new ArrayList<>();
        context.getStore(NS).put(Key.INSTANCE_FIELDS, injected);
        for (Object instance : context.getRequiredTestInstances().getAllInstances()) {
            FIELDS.intoInstance(instance, sharedAndConcurrent, type -> valueFor(type, context, () -> cloud), injected);
        }
        TestReports.started(context, cloud);
    }

    @Override
    public void afterEach(ExtensionContext context) throws IllegalAccessException {
        TestReports.ended(context, context.getStore(NS).get(Key.TEST_CLOUD, Cloud.class)); // before the Cloud tears down
        undo(context, Key.INSTANCE_FIELDS); // the next test of a PER_CLASS instance gets its own
        // the test's Cloud closes with the test's store, after this
    }

    private static void undo(ExtensionContext context, Key key) throws IllegalAccessException {
        @SuppressWarnings("unchecked")
        List<FieldInjection.Injected> injected = context.getStore(NS).remove(key, List.class);
        if (injected != null) {
            FieldInjection.undo(injected);
        }
    }

    /** The class's Cloud, made on first use and kept in the class's store (JUnit closes it after the class). */
    private static Cloud classCloud(ExtensionContext context) {
        ExtensionContext classContext = context;
        while (classContext.getTestMethod().isPresent() && classContext.getParent().isPresent()) {
            classContext = classContext.getParent().get();
        }
        ExtensionContext c = classContext;
        return c.getStore(NS).getOrComputeIfAbsent(Key.CLASS_CLOUD, k -> harness(c).newCloud(c.getDisplayName(), null), Cloud.class);
    }

    /**
     * The test's Cloud, kept in the test's store (JUnit closes it after the test); it tells the story of the
     * nearest class Cloud made so far (its class's, or an enclosing class's for a {@code @Nested} test) too.
     */
    private static Cloud testCloud(ExtensionContext context) {
        return context.getStore(NS).getOrComputeIfAbsent(Key.TEST_CLOUD,
                k -> harness(context).newCloud(context.getDisplayName(), context.getStore(NS).get(Key.CLASS_CLOUD, Cloud.class)),
                Cloud.class);
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
        if (p.getDeclaringExecutable() instanceof Constructor) {
            throw new ExtensionConfigurationException("@EventHarness injects " + type.getSimpleName() + " into fields and into "
                    + "test and lifecycle methods, not into constructors (only Harness is): take a Cloud per test as a test "
                    + "method parameter or instance field, one per class as a @BeforeAll parameter or static field");
        }
        boolean classLevel = e.getTestMethod().isEmpty(); // @BeforeAll, @AfterAll
        return valueFor(type, e, classLevel ? () -> classCloud(e) : () -> testCloud(e));
    }

    private static boolean injectable(Class<?> t) {
        return t == Cloud.class || t == Clients.class || t == Backend.class || t == Harness.class || Clients.supports(t);
    }

    private static Object valueFor(Class<?> type, ExtensionContext context, Supplier<Cloud> cloud) {
        if (type == Harness.class) {
            return harness(context);
        } else if (type == Backend.class) {
            return harness(context).backend();
        } else if (type == Cloud.class) {
            return cloud.get();
        } else if (type == Clients.class) {
            return cloud.get().clients();
        }
        return cloud.get().clients().byType(type);
    }
}
