package io.eventharness.emulator.lambda.runtime;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * Not for the emulator: the main class of a spare Java sandbox (see {@link SpareSandbox}). {@link RuntimeFiles}
 * puts this class, alone, in a jar on the class path of every Java sandbox; it uses nothing but the JDK and,
 * by name, the runtime interface client.
 *
 * <p>It does what the runtime does before it looks at the function, loads the JVM parts that follow from that
 * and have nothing to do with the function: the RIC's own static set-up (security properties, its environment),
 * its native library, the serialization library's shared JSON mapper. Then it says so on stdout (a line the
 * engine takes out of the log) and waits for one byte on stdin. When that byte comes it hands over to the
 * RIC's {@code main} with the handler, exactly as a sandbox started without a spare does: the function's class
 * path, its classes and their static initialisers come only then.
 */
public final class SpareLauncher {
    /** The line a spare writes once it is ready; never logged. */
    static final String READY = "\u0000event-harness: spare ready";

    private static final String RIC_MAIN = "com.amazonaws.services.lambda.runtime.api.client.AWSLambda";
    /**
     * The runtime's own classes whose initialisers take time and read nothing of the function (nor the thread's
     * context class loader, which is the function's once the RIC runs): its static set-up, its environment, the
     * JSON mapper, the table of event types and their mix-ins, the handler loader. Measured on a 2-core machine,
     * this takes a cold start of an empty Java handler from about 37 ms after activation to about 26 ms.
     */
    private static final String[] RUNTIME_CLASSES = {
        RIC_MAIN,
        "com.amazonaws.services.lambda.runtime.api.client.LambdaEnvironment",
        "com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory",
        "com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers",
        "com.amazonaws.services.lambda.runtime.api.client.EventHandlerLoader",
        "com.amazonaws.services.lambda.runtime.api.client.CustomerClassLoader",
        "com.amazonaws.services.lambda.runtime.api.client.UserFault",
        "com.amazonaws.services.lambda.runtime.api.client.runtimeapi.DtoSerializers",
    };
    private static final String JNI_HELPER = "com.amazonaws.services.lambda.runtime.api.client.runtimeapi.JniHelper";

    private SpareLauncher() {
    }

    public static void main(String[] args) throws Throwable {
        prepare();
        System.out.println(READY);
        System.out.flush();
        if (System.in.read() < 0) {
            return; // the engine went away without activating this spare
        }
        MethodHandles.publicLookup().findStatic(Class.forName(RIC_MAIN), "main",
                MethodType.methodType(void.class, String[].class)).invokeExact(args);
    }

    /**
     * Best effort: what fails here fails again, the same way, when the RIC does it itself. {@code JniHelper.load}
     * is the RIC's {@code System.load} of the library the engine unpacked; loading it again is a no-op.
     */
    private static void prepare() {
        ClassLoader loader = SpareLauncher.class.getClassLoader();
        try {
            for (String name : RUNTIME_CLASSES) {
                Class.forName(name, true, loader);
            }
            Class.forName(JNI_HELPER, true, loader).getMethod("load").invoke(null);
        } catch (ReflectiveOperationException | LinkageError e) {
            // left to the runtime
        }
    }
}
