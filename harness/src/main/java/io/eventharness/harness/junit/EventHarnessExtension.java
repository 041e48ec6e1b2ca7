package io.eventharness.harness.junit;

import io.eventharness.harness.Clients;
import io.eventharness.harness.Cloud;
import io.eventharness.harness.Harness;
import io.eventharness.harness.backend.Backend;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The JUnit 5 side of {@code @EventHarness}: one {@link Harness} (backend) per JVM, shared by every
 * test class; one {@link Cloud} per test, injected into parameters and fields, closed (torn down)
 * after the test.
 */
public final class EventHarnessExtension implements BeforeEachCallback, AfterEachCallback, ParameterResolver {
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(EventHarnessExtension.class);

    static Harness harness(ExtensionContext context) {
        return Harness.shared();
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IllegalAccessException {
        Cloud cloud = cloud(context);
        for (Object instance : context.getRequiredTestInstances().getAllInstances()) {
            inject(instance, cloud);
        }
    }

    private static Cloud cloud(ExtensionContext context) {
        return context.getStore(NS).getOrComputeIfAbsent(Cloud.class,
                k -> harness(context).newCloud(context.getDisplayName()), Cloud.class);
    }

    private static void inject(Object instance, Cloud cloud) throws IllegalAccessException {
        for (Class<?> c = instance.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                int m = f.getModifiers();
                if (Modifier.isStatic(m) || f.isSynthetic()) {
                    continue;
                }
                Object value = valueFor(f.getType(), cloud);
                if (value == null) {
                    continue;
                }
                if (Modifier.isFinal(m)) {
                    throw new ExtensionConfigurationException("@EventHarness cannot inject final field " + c.getSimpleName() + "."
                            + f.getName() + ": make it non-final");
                }
                f.setAccessible(true);
                f.set(instance, value);
            }
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Cloud cloud = context.getStore(NS).remove(Cloud.class, Cloud.class);
        if (cloud != null) {
            cloud.close();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext p, ExtensionContext e) {
        Class<?> t = p.getParameter().getType();
        return t == Cloud.class || t == Clients.class || t == Backend.class || Clients.supports(t);
    }

    @Override
    public Object resolveParameter(ParameterContext p, ExtensionContext e) {
        if (e.getTestMethod().isEmpty()) {
            throw new ExtensionConfigurationException("@EventHarness injects " + p.getParameter().getType().getSimpleName()
                    + " into test methods and fields, not into constructors or lifecycle methods of the class");
        }
        return valueFor(p.getParameter().getType(), cloud(e));
    }

    private static Object valueFor(Class<?> type, Cloud cloud) {
        if (type == Cloud.class) {
            return cloud;
        } else if (type == Clients.class) {
            return cloud.clients();
        } else if (type == Backend.class) {
            return cloud.backend();
        } else if (Clients.supports(type)) {
            return cloud.clients().byType(type);
        }
        return null;
    }
}
