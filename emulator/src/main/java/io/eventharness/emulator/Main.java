package io.eventharness.emulator;

import java.util.concurrent.CountDownLatch;

/**
 * The standalone emulator: {@code java -jar emulator.jar [--port N] [--host H]}. Prints {@code Ready.}
 * once it serves; stops cleanly on SIGTERM or Ctrl-C.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) throws InterruptedException {
        Emulator.Builder b = Emulator.builder();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> b.withPort(Integer.parseInt(value(args, ++i, "--port")));
                case "--host" -> b.withHost(value(args, ++i, "--host"));
                case "-h", "--help" -> {
                    System.out.println("usage: java -jar emulator.jar [--port N (default 4566, 0 = any free port)] [--host H (default 127.0.0.1)]");
                    return;
                }
                default -> {
                    System.err.println("unknown argument: " + args[i] + " (try --help)");
                    System.exit(2);
                }
            }
        }
        Emulator emulator = b.build().start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            emulator.close();
            stopped.countDown();
        }, "emulator-shutdown"));
        System.out.println("Event Harness emulator listening on " + emulator.endpoint());
        System.out.println("Ready.");
        System.out.flush();
        stopped.await();
    }

    private static String value(String[] args, int i, String flag) {
        if (i >= args.length) {
            System.err.println(flag + " needs a value");
            System.exit(2);
        }
        return args[i];
    }
}
