package io.eventharness.emulator;

import io.eventharness.emulator.core.Account;
import io.eventharness.emulator.lambda.LambdaService;
import io.eventharness.emulator.pipeline.RequestLog;
import io.eventharness.emulator.routing.ServiceBinding;
import java.net.BindException;
import java.util.List;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * The standalone emulator: {@code java -jar emulator.jar [--port N] [--host H] [--lambda-keep-alive D]
 * [--lambda-async-workers N] [--skip-s3-destination-policy-check] [--verify-signatures] [--enforce-policies]
 * [--request-log]}.
 *
 * <p>Prints {@code Event Harness emulator listening on http://H:P}, a banner of what it serves (region, account,
 * credentials, services, the admin endpoint) and then {@code Ready.} once the port answers requests; with
 * {@code --request-log}, one line per request on stdout ({@link RequestLog.Served#line()}). Stops on SIGTERM or
 * Ctrl-C within a second or two, whatever its functions are doing (exit status 143/130, as the JVM reports a
 * signal, after printing {@code Stopped.}). Exit status 2 means bad arguments, 1 that the emulator could not start
 * (port in use, unknown host); both with a one-line message on stderr.
 */
public final class Main {
    static final String USAGE = "usage: java -jar emulator.jar [--port N] [--host H] [--lambda-keep-alive D] [--lambda-async-workers N]\n"
            + "       [--skip-s3-destination-policy-check] [--verify-signatures] [--enforce-policies] [--request-log]\n"
            + "  --port N                  the port to listen on (default 4566; 0 picks any free port)\n"
            + "  --host H                  the address to listen on (default 127.0.0.1; 0.0.0.0 for every interface)\n"
            + "  --lambda-keep-alive D     how long an idle Lambda sandbox stays warm, in emulator time\n"
            + "                            (default 10m; e.g. 0, 90s, 10m, 2h, or ISO-8601 like PT10M)\n"
            + "  --lambda-async-workers N  asynchronous invocations that run at once; more wait in the queue\n"
            + "                            (default " + LambdaService.defaultAsyncWorkers() + " here: max(4, 2 x cores))\n"
            + "  --skip-s3-destination-policy-check\n"
            + "                            save S3 notification configurations whose destinations do not allow S3\n"
            + "                            (no AddPermission, no queue or topic policy), and deliver to them anyway\n"
            + "  --verify-signatures       refuse requests not signed (SigV4) with a known key and its secret: test/test\n"
            + "                            (the root user), IAM users' access keys, STS's temporary credentials\n"
            + "  --enforce-policies        let IAM's policies (identity-based and resource-based) decide what each caller\n"
            + "                            may do; a denied call gets the service's AccessDenied\n"
            + "  --request-log             print one line per request: method, path, service, operation, status, time";

    private Main() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (java.util.Arrays.asList(args).contains("--help") || java.util.Arrays.asList(args).contains("-h")) {
            System.out.println(USAGE);
            return;
        }
        QuickJit.startIfWanted();
        Emulator.Builder b;
        try {
            b = parse(args);
        } catch (IllegalArgumentException e) {
            usageError(e.getMessage());
            return;
        }
        String host = b.settings().host();
        String port = String.valueOf(b.settings().port());
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
        System.out.println(banner(emulator));
        System.out.println("Ready.");
        System.out.flush();
        stopped.await();
    }

    /** What a user needs to point a client at it: the endpoint first (its own line), then the rest. */
    static String banner(Emulator emulator) {
        String endpoint = emulator.endpoint().toString();
        List<String> services = emulator.services().bindings().stream().map(ServiceBinding::name).distinct().sorted().toList();
        return "Event Harness emulator listening on " + endpoint + "\n"
                + "  region       " + emulator.region() + "\n"
                + "  account      " + Account.ID + "\n"
                + "  credentials  " + credentials(emulator.settings()) + " (export AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test"
                + " AWS_DEFAULT_REGION=" + emulator.region() + ")\n"
                + "  policies     " + (emulator.settings().enforcePolicies() ? "enforced (IAM's policies decide; test/test is the root user)"
                        : "stored, not enforced (--enforce-policies enforces them)") + "\n"
                + "  services     " + String.join(", ", services) + "\n"
                + "  admin        " + endpoint + "/_harness/health (clock, trail, settle: see the README)\n"
                + "  request log  " + (emulator.settings().requestLog() != null ? "on (one line per request below)"
                        : "off (--request-log turns it on)");
    }

    private static String credentials(Emulator.Settings s) {
        return s.verifySignatures() ? "signatures verified: test/test (the root user), IAM users' and STS's keys"
                : "any, not checked";
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

    /**
     * The builder the arguments describe.
     *
     * @throws IllegalArgumentException with a one-line message for a bad argument
     */
    static Emulator.Builder parse(String... args) {
        Emulator.Builder b = Emulator.builder();
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            switch (flag) {
                case "--port" -> b = b.withPort(parsePort(value(args, ++i, flag)));
                case "--host" -> b = b.withHost(value(args, ++i, flag));
                case "--lambda-keep-alive" -> b = b.withLambdaKeepAlive(parseDuration(value(args, ++i, flag), flag));
                case "--lambda-async-workers" -> b = b.withLambdaAsyncWorkers(parseCount(value(args, ++i, flag), flag));
                case "--skip-s3-destination-policy-check" -> b = b.withS3DestinationPolicyCheck(false);
                case "--verify-signatures" -> b = b.withSignatureVerification(true);
                case "--enforce-policies" -> b = b.withPolicyEnforcement(true);
                case "--request-log" -> b = b.withRequestLog(r -> System.out.println(r.line()));
                default -> throw new IllegalArgumentException("unknown argument: " + flag);
            }
        }
        return b;
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
        throw new IllegalArgumentException("--port needs a number from 0 to 65535, got '" + s + "'");
    }

    private static int parseCount(String s, String flag) {
        try {
            int n = Integer.parseInt(s);
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(flag + " needs a whole number of at least 1, got '" + s + "'");
    }

    /** {@code 0}, {@code 500ms}, {@code 90s}, {@code 10m}, {@code 2h}, {@code 1d}, or ISO-8601 ({@code PT10M}). */
    static Duration parseDuration(String s, String flag) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d{1,9})(ms|s|m|h|d)?").matcher(s);
        try {
            if (m.matches()) {
                long n = Long.parseLong(m.group(1));
                String unit = m.group(2);
                if (unit == null && n != 0) {
                    throw new IllegalArgumentException(flag + " needs a unit (ms, s, m, h, d), got '" + s + "'");
                }
                return switch (unit == null ? "s" : unit) {
                    case "ms" -> Duration.ofMillis(n);
                    case "s" -> Duration.ofSeconds(n);
                    case "m" -> Duration.ofMinutes(n);
                    case "h" -> Duration.ofHours(n);
                    default -> Duration.ofDays(n);
                };
            }
            Duration d = Duration.parse(s);
            if (!d.isNegative()) {
                return d;
            }
        } catch (java.time.format.DateTimeParseException e) {
            // reported below
        }
        throw new IllegalArgumentException(flag + " needs a duration such as 90s, 10m or 2h, got '" + s + "'");
    }

    private static String value(String[] args, int i, String flag) {
        if (i >= args.length || args[i].startsWith("--")) {
            throw new IllegalArgumentException(flag + " needs a value");
        }
        return args[i];
    }

    private static void usageError(String message) {
        System.err.println("error: " + message);
        System.err.println(USAGE);
        System.exit(2);
    }
}
