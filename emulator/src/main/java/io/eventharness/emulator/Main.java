package io.eventharness.emulator;

import java.net.BindException;
import java.nio.channels.UnresolvedAddressException;
import java.util.concurrent.CountDownLatch;

/**
 * The standalone emulator: {@code java -jar emulator.jar [--port N] [--host H]}.
 *
 * <p>Prints {@code Event Harness emulator listening on http://H:P} and then {@code Ready.} once the
 * port answers requests; stops cleanly on SIGTERM or Ctrl-C (exit status 143/130, as the JVM
 * reports a signal, after printing {@code Stopped.}). Exit status 2 means bad arguments, 1 that the
 * emulator could not start (port in use, unknown host); both with a one-line message on stderr.
 */
public final class Main {
    static final String USAGE = "usage: java -jar emulator.jar [--port N] [--host H]\n"
            + "  --port N  the port to listen on (default 4566; 0 picks any free port)\n"
            + "  --host H  the address to listen on (default 127.0.0.1; 0.0.0.0 for every interface)";

    private Main() {
    }

    public static void main(String[] args) throws InterruptedException {
        Emulator.Builder b = Emulator.builder();
        String host = "127.0.0.1";
        String port = "4566";
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> port = value(args, ++i, "--port");
                case "--host" -> host = value(args, ++i, "--host");
                case "-h", "--help" -> {
                    System.out.println(USAGE);
                    return;
                }
                default -> usageError("unknown argument: " + args[i]);
            }
        }
        b.withPort(parsePort(port)).withHost(host);
        Emulator emulator;
        try {
            emulator = b.build().start();
        } catch (IllegalStateException e) {
            System.err.println("error: " + startFailure(e, host, port));
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            emulator.close();
            System.out.println("Stopped.");
            System.out.flush();
            stopped.countDown();
        }, "emulator-shutdown"));
        System.out.println("Event Harness emulator listening on " + emulator.endpoint());
        System.out.println("Ready.");
        System.out.flush();
        stopped.await();
    }

    /** One line a person can act on, instead of Jetty's stack of causes. */
    static String startFailure(Throwable e, String host, String port) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BindException) {
                return "cannot listen on " + host + ":" + port + ": " + t.getMessage().toLowerCase(java.util.Locale.ROOT)
                        + " (choose another port with --port N, or --port 0 for any free port)";
            }
            if (t instanceof UnresolvedAddressException) {
                return "cannot listen on " + host + ":" + port + ": unknown host " + host;
            }
        }
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return "cannot start the emulator on " + host + ":" + port + ": " + root;
    }

    private static int parsePort(String s) {
        try {
            int p = Integer.parseInt(s);
            if (p >= 0 && p <= 65535) {
                return p;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        usageError("--port needs a number from 0 to 65535, got '" + s + "'");
        return -1;
    }

    private static String value(String[] args, int i, String flag) {
        if (i >= args.length || args[i].startsWith("--")) {
            usageError(flag + " needs a value");
        }
        return args[i];
    }

    private static void usageError(String message) {
        System.err.println("error: " + message);
        System.err.println(USAGE);
        System.exit(2);
    }
}
