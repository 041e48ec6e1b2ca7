package io.eventharness.emulator.corpus;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Sends a protocol's generated mutants over one keep-alive connection and judges each answer: never a 5xx (but
 * {@code 501 NotImplemented} in the protocol's envelope), never later than {@link Corpus#DEADLINE}, never a connection
 * closed without an answer; a 4xx always in an AWS error envelope (the one its content type names, with a code and a
 * message); a mutant that is certainly invalid always a 4xx. Prints one line per protocol:
 * {@code [corpus] awsJson: 1,500 generated malformed requests tried ...}.
 */
final class CorpusRun {
    /** The seed of every corpus: a failure names its mutant, and the same seed makes it again. */
    static final long SEED = 0x5EED_C0DEL;

    /** What one protocol's run saw. */
    record Report(String protocol, int tried, int refused, int accepted, int notImplemented, int connections, long millis,
                  Map<String, Integer> perService, List<String> failures) {
        String line() {
            return String.format(Locale.ROOT, "[corpus] %s: %,d generated malformed requests tried %s over %d keep-alive "
                            + "connection(s) in %.1f s: %,d refused with a 4xx, %,d accepted, %,d not implemented (501), "
                            + "%d failed; seed %#x", protocol, tried, perService, connections, millis / 1000.0, refused, accepted,
                    notImplemented, failures.size(), SEED);
        }
    }

    private CorpusRun() {
    }

    /** The mutants of each operation, interleaved so that {@code budget} of them cover every operation. */
    static List<Mutant> sample(Map<String, List<Mutant>> byOperation, int budget, long seed) {
        List<List<Mutant>> lists = new ArrayList<>();
        for (Map.Entry<String, List<Mutant>> e : new TreeMap<>(byOperation).entrySet()) {
            List<Mutant> l = new ArrayList<>(e.getValue());
            java.util.Collections.shuffle(l, new Random(seed ^ e.getKey().hashCode()));
            lists.add(l);
        }
        List<Mutant> out = new ArrayList<>();
        for (int round = 0; out.size() < budget; round++) {
            boolean any = false;
            for (List<Mutant> l : lists) {
                if (round < l.size() && out.size() < budget) {
                    out.add(l.get(round));
                    any = true;
                }
            }
            if (!any) {
                break;
            }
        }
        return out;
    }

    static Report run(String protocol, URI endpoint, List<Mutant> mutants, Envelope expected) {
        long start = System.nanoTime();
        int refused = 0;
        int accepted = 0;
        int notImplemented = 0;
        Map<String, Integer> perService = new LinkedHashMap<>();
        List<String> failures = new ArrayList<>();
        int timeout = (int) Corpus.DEADLINE.toMillis();
        try (KeepAlive connection = new KeepAlive(endpoint.getHost(), endpoint.getPort(), timeout)) {
            for (int i = 0; i < mutants.size(); i++) {
                Mutant m = mutants.get(i);
                perService.merge(m.name().substring(0, m.name().indexOf(' ')), 1, Integer::sum);
                long sent = System.nanoTime();
                RawHttp.Answer a;
                try {
                    a = connection.send(m.wire().method(), m.wire().target(), m.wire().headers(), m.wire().body());
                } catch (IOException e) {
                    if (m.expect() != Mutant.Expect.HTTP_ERROR || e instanceof java.net.SocketTimeoutException) {
                        failures.add(i + " " + m + ": no answer (" + e.getMessage() + ")"
                                + (i > 0 ? ", after " + mutants.get(i - 1) : ""));
                    }
                    continue;
                }
                long millis = (System.nanoTime() - sent) / 1_000_000;
                String why = judge(m, a, expected);
                if (millis > Corpus.DEADLINE.toMillis()) {
                    why = "answered after " + millis + " ms";
                }
                if (why != null) {
                    failures.add(i + " " + m + ": " + why);
                } else if (a.status() == 501) {
                    notImplemented++;
                } else if (a.status() >= 400) {
                    refused++;
                } else {
                    accepted++;
                }
            }
            Report r = new Report(protocol, mutants.size(), refused, accepted, notImplemented, connection.connections(),
                    (System.nanoTime() - start) / 1_000_000, perService, failures);
            System.out.println(r.line());
            writeFailures(protocol, failures);
            return r;
        }
    }

    /** Every failure, one a line, in {@code target/corpus/<protocol>.txt} (the assertion shows the first ones). */
    private static void writeFailures(String protocol, List<String> failures) {
        try {
            java.nio.file.Path dir = java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "corpus"));
            java.nio.file.Files.write(dir.resolve(protocol.split(" ")[0] + ".txt"), failures);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Null when the answer is acceptable, else what is wrong with it. */
    static String judge(Mutant m, RawHttp.Answer a, Envelope expected) {
        int s = a.status();
        String shown = new String(a.body(), 0, Math.min(a.body().length, 300), StandardCharsets.UTF_8);
        if (s >= 500 && s != 501) {
            return "status " + s + ": " + shown;
        }
        if (m.expect() == Mutant.Expect.REJECTED && (s < 400 || s > 499)) {
            return "status " + s + " where a 4xx was due: " + shown;
        }
        if (s < 400 || m.expect() == Mutant.Expect.HTTP_ERROR || m.wire().method().equals("HEAD")) {
            return null;
        }
        Envelope e = envelopeOf(a);
        if (e == null) {
            return "status " + s + " in no AWS envelope (Content-Type " + a.header("Content-Type").orElse("none") + "): " + shown;
        }
        if (m.expect() == Mutant.Expect.REJECTED && e != expected) {
            return "status " + s + " in the " + e + " envelope, not " + expected + ": " + shown;
        }
        try {
            String code = e.code(a);
            if (code == null || code.isBlank()) {
                return "status " + s + " without an error code: " + shown;
            }
            if (s == 501 && !code.equals("NotImplemented")) {
                return "status 501 with code " + code + ": " + shown;
            }
        } catch (IOException bad) {
            return "status " + s + ", not a " + e + " error (" + bad.getMessage() + "): " + shown;
        }
        return null;
    }

    /** The envelope a response's content type names. */
    static Envelope envelopeOf(RawHttp.Answer a) {
        String ct = a.header("Content-Type").orElse("");
        if (ct.startsWith("application/x-amz-json-")) {
            return Envelope.AWS_JSON;
        } else if (ct.startsWith("application/x-amz-cbor")) {
            return Envelope.CBOR;
        } else if (ct.startsWith("text/xml")) {
            return Envelope.QUERY_XML;
        } else if (ct.startsWith("application/xml")) {
            return Envelope.REST_XML;
        } else if (ct.startsWith("application/json")) {
            return Envelope.REST_JSON;
        }
        return null;
    }
}
