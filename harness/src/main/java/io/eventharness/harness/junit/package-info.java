/**
 * JUnit plumbing that knows nothing of what it injects: {@link io.eventharness.harness.junit.FieldInjection} sets
 * a test class's static and instance fields of the types an extension names, with the rules (only fields left
 * {@code null}, no {@code final} ones, none shared by tests or classes running at once) and undoes it afterwards. The
 * {@code @EventHarness} extension itself lives in the API package, beside the annotation that names it.
 *
 * <p>Imports JUnit; nothing of the harness.
 */
package io.eventharness.harness.junit;
