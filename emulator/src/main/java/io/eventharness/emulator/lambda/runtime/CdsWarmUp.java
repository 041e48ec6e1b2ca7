package io.eventharness.emulator.lambda.runtime;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Not for the emulator: a function. {@link JavaClassDataSharing} copies this class into a task root and
 * runs it once in a training sandbox, so that the classes the runtime interface client loads for a POJO
 * handler (its event loop, its JSON serialization) are in the class-data archive later sandboxes map.
 */
public final class CdsWarmUp {
    /** Echoes the event through the RIC's POJO (de)serialization. */
    public Map<String, Object> handle(Map<String, Object> event) {
        Map<String, Object> out = new LinkedHashMap<>(event);
        out.put("warm", Boolean.TRUE);
        return out;
    }
}
