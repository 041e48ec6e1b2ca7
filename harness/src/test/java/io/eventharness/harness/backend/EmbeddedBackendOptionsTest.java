package io.eventharness.harness.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code -Dharness.policies}: policies are stored by default, enforced on request, anything else is refused by name. */
class EmbeddedBackendOptionsTest {

    @Test
    void policiesAreStoredUnlessEnforced() {
        assertThat(EmbeddedBackend.options("stored")).isEmpty();
        assertThat(EmbeddedBackend.options("enforce")).isEqualTo(Map.of("enforcePolicies", "true"));
        assertThatThrownBy(() -> EmbeddedBackend.options("on")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("harness.policies=on: use 'stored'");
    }
}
