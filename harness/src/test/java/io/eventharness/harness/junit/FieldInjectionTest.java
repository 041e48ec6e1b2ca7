package io.eventharness.harness.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/** The rules of field injection, on plain classes (what is injected does not matter: a StringBuilder here). */
class FieldInjectionTest {
    private static final FieldInjection FIELDS = new FieldInjection("@Test", t -> t == StringBuilder.class);

    static class Statics {
        static StringBuilder shared;
        static final StringBuilder CONSTANT = new StringBuilder("the class's own");
        static String notInjectable;
    }

    static class SubclassOfStatics extends Statics {
    }

    @Test
    void staticFieldsLeftNullAreSetAndSetBackToNullAfterwards() throws Exception {
        List<FieldInjection.Injected> set = new ArrayList<>();
        FIELDS.intoStatics(Statics.class, t -> new StringBuilder("injected"), set);
        try {
            assertThat(Statics.shared).hasToString("injected");
            assertThat(Statics.CONSTANT).as("a static final constant is the class's own").hasToString("the class's own");
            assertThat(set).singleElement().satisfies(i -> assertThat(i.target()).isNull());
        } finally {
            FieldInjection.undo(set);
        }
        assertThat(Statics.shared).isNull();
    }

    @Test
    void aStaticFieldHeldByAnotherRunningClassIsRefusedByName() throws Exception {
        List<FieldInjection.Injected> first = new ArrayList<>();
        FIELDS.intoStatics(Statics.class, t -> new StringBuilder("first"), first);
        try {
            assertThatThrownBy(() -> FIELDS.intoStatics(SubclassOfStatics.class, t -> new StringBuilder("second"), new ArrayList<>()))
                    .isInstanceOf(ExtensionConfigurationException.class)
                    .hasMessageContaining("static field Statics.shared for SubclassOfStatics")
                    .hasMessageContaining("another test class that shares the field is running");
            assertThat(Statics.shared).hasToString("first");
        } finally {
            FieldInjection.undo(first);
        }
        List<FieldInjection.Injected> later = new ArrayList<>();
        FIELDS.intoStatics(SubclassOfStatics.class, t -> new StringBuilder("later"), later);
        assertThat(Statics.shared).as("once the first class is done, the next one gets the field").hasToString("later");
        FieldInjection.undo(later);
    }

    @Test
    void aStaticValueTheClassSetItselfIsKeptAndLeftAfterwards() throws Exception {
        StringBuilder mine = new StringBuilder("mine");
        Statics.shared = mine;
        try {
            List<FieldInjection.Injected> set = new ArrayList<>();
            FIELDS.intoStatics(Statics.class, t -> new StringBuilder("injected"), set);
            assertThat(set).isEmpty();
            FieldInjection.undo(set);
            assertThat(Statics.shared).isSameAs(mine);
        } finally {
            Statics.shared = null;
        }
    }

    static class Instance {
        StringBuilder field;
        final StringBuilder given = new StringBuilder("given");
    }

    static class FinalLeftNull {
        final StringBuilder field = null;
    }

    @Test
    void instanceFieldsFollowTheSameRules() throws Exception {
        Instance instance = new Instance();
        List<FieldInjection.Injected> set = new ArrayList<>();
        FIELDS.intoInstance(instance, false, t -> new StringBuilder("injected"), set);
        assertThat(instance.field).hasToString("injected");
        assertThat(instance.given).hasToString("given");
        instance.field = new StringBuilder("replaced by the test");
        FieldInjection.undo(set);
        assertThat(instance.field).as("a value the test put there itself is left").hasToString("replaced by the test");

        assertThatThrownBy(() -> FIELDS.intoInstance(new FinalLeftNull(), false, t -> new StringBuilder(), new ArrayList<>()))
                .isInstanceOf(ExtensionConfigurationException.class)
                .hasMessage("@Test cannot inject final field FinalLeftNull.field: make it non-final");
        assertThatThrownBy(() -> FIELDS.intoInstance(new Instance(), true, t -> new StringBuilder(), new ArrayList<>()))
                .isInstanceOf(ExtensionConfigurationException.class)
                .hasMessageContaining("Instance.field").hasMessageContaining("PER_CLASS");
    }
}
