package io.eventharness.harness.backend;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The versions this harness was built and tested with ({@code versions.properties}, filled in by the build). */
final class Versions {
    /** Of {@code org.testcontainers:testcontainers-localstack}, the optional dependency of the LocalStack backend. */
    static final String TESTCONTAINERS = read("testcontainers");

    private Versions() {
    }

    private static String read(String key) {
        Properties p = new Properties();
        try (InputStream in = Versions.class.getResourceAsStream("versions.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException ignored) {
            // the message names the dependency without its version
        }
        String v = p.getProperty(key);
        return v == null || v.startsWith("${") ? "<version>" : v;
    }
}
