package io.eventharness.harness.junit;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Predicate;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/**
 * Sets the fields of a test class that have a type an extension injects, and undoes it afterwards. JUnit
 * plumbing that knows nothing of what it injects: the extension says which types ({@code injectable}) and
 * gives the value for each ({@code values}, asked only when a field needs one). The rules:
 * <ul>
 *   <li>only a field left {@code null} is set: a value the class set itself is kept (a {@code static final}
 *       constant, say);</li>
 *   <li>a {@code final} field left {@code null} is rejected with an {@link ExtensionConfigurationException} that
 *       names it;</li>
 *   <li>instance fields of one instance shared by test methods running at once ({@code @TestInstance(PER_CLASS)}
 *       with concurrent methods) are rejected: the tests would share them;</li>
 *   <li>a static field belongs to one running class at a time: when a class starts while another class's value is
 *       still in the field (a base class's static field, with classes in parallel), it is rejected;</li>
 *   <li>{@link #undo} sets each field back to {@code null} if it still holds the value set, so the next test, or
 *       the next run of the class, gets a value of its own.</li>
 * </ul>
 *
 * <pre>{@code
 * FieldInjection fields = new FieldInjection("@EventHarness", t -> t == Cloud.class);
 * List<FieldInjection.Injected> set = new ArrayList<>();
 * fields.intoStatics(testClass, t -> classCloud, set);
 * ...
 * FieldInjection.undo(set);
 * }</pre>
 */
public final class FieldInjection {
    /** Static fields set and not undone yet, with the value set: another class finding one there is refused. */
    private static final Map<Field, Object> STATICS_IN_USE = new ConcurrentHashMap<>();

    /** One field set: which, on which instance ({@code null} for a static field), to what. */
    public record Injected(Field field, Object target, Object value) {
    }

    private final String by;
    private final Predicate<Class<?>> injectable;

    /**
     * @param by         who injects, for messages ({@code "@EventHarness"})
     * @param injectable the field types to set
     */
    public FieldInjection(String by, Predicate<Class<?>> injectable) {
        this.by = by;
        this.injectable = injectable;
    }

    /** Sets the static fields of {@code testClass} and its superclasses, adding each to {@code set} (for {@link #undo}). */
    public void intoStatics(Class<?> testClass, Function<Class<?>, Object> values, List<Injected> set) throws IllegalAccessException {
        for (Field f : fields(testClass, true)) {
            Object current = f.get(null);
            if (current != null) {
                if (STATICS_IN_USE.get(f) == current) {
                    throw new ExtensionConfigurationException(by + " cannot inject static field " + name(f) + " for "
                            + testClass.getSimpleName() + ": another test class that shares the field is running and holds it. "
                            + "Declare the static field in each test class, or make it an instance field (one per test).");
                }
                continue; // set by the class itself: keep it
            }
            rejectFinal(f);
            Object value = values.apply(f.getType());
            f.set(null, value);
            STATICS_IN_USE.put(f, value);
            set.add(new Injected(f, null, value));
        }
    }

    /**
     * Sets the instance fields of {@code instance} (its class and superclasses), adding each to {@code set}. With
     * {@code sharedAndConcurrent} (one instance, test methods running at once) a field left {@code null} is rejected.
     */
    public void intoInstance(Object instance, boolean sharedAndConcurrent, Function<Class<?>, Object> values,
                             List<Injected> set) throws IllegalAccessException {
        for (Field f : fields(instance.getClass(), false)) {
            if (f.get(instance) != null) {
                continue; // set by the test class itself: keep it
            }
            rejectFinal(f);
            if (sharedAndConcurrent) {
                throw new ExtensionConfigurationException(by + " cannot inject field " + name(f) + ": with @TestInstance(PER_CLASS) "
                        + "and concurrent test methods, one field would be shared by tests running at the same time. "
                        + "Take it as a test method parameter instead.");
            }
            Object value = values.apply(f.getType());
            f.set(instance, value);
            set.add(new Injected(f, instance, value));
        }
    }

    /** Sets each field back to {@code null} that still holds the value set (a test may have replaced it). */
    public static void undo(List<Injected> injected) throws IllegalAccessException {
        for (Injected i : injected) {
            if (i.field().get(i.target()) == i.value()) {
                i.field().set(i.target(), null);
            }
            if (i.target() == null) {
                STATICS_IN_USE.remove(i.field(), i.value());
            }
        }
    }

    private List<Field> fields(Class<?> type, boolean statics) {
        List<Field> out = new ArrayList<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers()) == statics && !f.isSynthetic() && injectable.test(f.getType())) {
                    f.setAccessible(true);
                    out.add(f);
                }
            }
        }
        return out;
    }

    private void rejectFinal(Field f) {
        if (Modifier.isFinal(f.getModifiers())) {
            throw new ExtensionConfigurationException(by + " cannot inject final field " + name(f) + ": make it non-final");
        }
    }

    private static String name(Field f) {
        return f.getDeclaringClass().getSimpleName() + "." + f.getName();
    }
}
