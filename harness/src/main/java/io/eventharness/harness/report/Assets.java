package io.eventharness.harness.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The pages' stylesheet and scripts ({@code report.css}, {@code report.js} and {@code index.js} beside this class),
 * inlined in every page.
 */
final class Assets {
    static final String CSS = read("report.css");
    static final String JS = read("report.js");
    static final String INDEX_JS = read("index.js");

    private Assets() {
    }

    private static String read(String name) {
        try (InputStream in = Assets.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the harness jar lacks io/eventharness/harness/report/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
