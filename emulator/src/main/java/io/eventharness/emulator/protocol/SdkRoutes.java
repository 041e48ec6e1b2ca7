package io.eventharness.emulator.protocol;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.protocols.core.OperationInfo;
import software.amazon.awssdk.core.protocol.MarshallLocation;
import software.amazon.awssdk.core.traits.RequiredTrait;
import software.amazon.awssdk.core.util.VersionInfo;

/**
 * What the SDK declares of every operation of a REST service's client: its method and URI template (from the
 * marshaller's {@code SDK_OPERATION_BINDING}), the query parameters and headers its request shape requires, and the
 * members bound to the path. Routing a REST request needs these for every operation, implemented or not (the 501 for a
 * more specific unimplemented route); read from the SDK's classes they cost the loading and initialising of
 * thousands of them (S3: ~2,000 classes, most of a second on the first S3 request).
 *
 * <p>So the build writes them ahead of time, one table per client, into the emulator's classes
 * ({@code META-INF/eventharness/sdk-routes/<Client>.tsv}, by {@link #main}); {@link #of} reads that table when it
 * was written for the SDK version on the class path, and otherwise (an IDE's build, another SDK) reads the classes,
 * as before. {@code SdkRoutesTest} checks that both ways agree.
 */
public final class SdkRoutes {
    private static final String RESOURCE = "/META-INF/eventharness/sdk-routes/";
    private static final Map<Class<?>, SdkRoutes> CACHE = new ConcurrentHashMap<>();

    /**
     * One SDK operation's route facts.
     *
     * @param pathMembers the request members bound to the path, by location name: the URI's labels, and for S3
     *                    {@code Bucket}, which the SDK puts in the host or the path itself
     * @param streaming   whether the client's method takes the body apart from the request ({@code putObject(request,
     *                    RequestBody)}), as streaming operations do
     */
    public record Entry(String name, String method, String uri, List<String> requiredQuery, List<String> requiredHeaders,
                        List<String> pathMembers, boolean streaming) {
        public Entry {
            requiredQuery = List.copyOf(requiredQuery);
            requiredHeaders = List.copyOf(requiredHeaders);
            pathMembers = List.copyOf(pathMembers);
        }

        public RouteTemplate route() {
            return RouteTemplate.parse(method, uri, requiredQuery, requiredHeaders);
        }
    }

    private final Map<String, Entry> entries;

    private SdkRoutes(Map<String, Entry> entries) {
        this.entries = entries;
    }

    /** The routes of a client's operations, by name, in name order; read once per client and JVM. */
    public static SdkRoutes of(Class<?> sdkClient) {
        return CACHE.computeIfAbsent(sdkClient, c -> {
            SdkRoutes written = read(c);
            return written != null ? written : compute(c);
        });
    }

    public Entry entry(String operation) {
        return entries.get(operation);
    }

    public Map<String, Entry> entries() {
        return entries;
    }

    /** From the SDK's classes: every operation of the client, its marshaller and its request shape. */
    static SdkRoutes compute(Class<?> sdkClient) {
        TreeSet<String> names = new TreeSet<>();
        TreeSet<String> unary = new TreeSet<>();
        String modelPackage = null;
        for (Method m : sdkClient.getMethods()) {
            Class<?>[] p = m.getParameterTypes();
            if (p.length >= 1 && SdkRequest.class.isAssignableFrom(p[0])) {
                String s = p[0].getSimpleName();
                names.add(s.substring(0, s.length() - "Request".length()));
                if (p.length == 1) {
                    unary.add(s.substring(0, s.length() - "Request".length()));
                }
                modelPackage = p[0].getPackageName();
            }
        }
        Map<String, Entry> out = new LinkedHashMap<>();
        for (String name : names) {
            OperationInfo info = operationInfo(sdkClient.getPackageName() + ".transform", name);
            Class<?> req = load(modelPackage + "." + name + "Request");
            if (info == null || req == null) {
                continue;
            }
            List<String> query = new ArrayList<>();
            List<String> headers = new ArrayList<>();
            List<String> path = new ArrayList<>();
            for (SdkField<?> f : Shapes.builderOf(req).sdkFields()) {
                if (f.location() == MarshallLocation.PATH || f.location() == MarshallLocation.GREEDY_PATH) {
                    path.add(f.locationName());
                }
                if (f.containsTrait(RequiredTrait.class)) {
                    if (f.location() == MarshallLocation.QUERY_PARAM) {
                        query.add(f.locationName());
                    } else if (f.location() == MarshallLocation.HEADER) {
                        headers.add(f.locationName());
                    }
                }
            }
            out.put(name, new Entry(name, info.httpMethod().name(), info.requestUri(), query, headers, path, !unary.contains(name)));
        }
        return new SdkRoutes(out);
    }

    private static OperationInfo operationInfo(String transformPackage, String op) {
        try {
            Class<?> marshaller = Class.forName(transformPackage + "." + op + "RequestMarshaller");
            Field f = marshaller.getDeclaredField("SDK_OPERATION_BINDING");
            f.setAccessible(true);
            return (OperationInfo) f.get(null);
        } catch (ReflectiveOperationException e) {
            return null;
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            return null;
        }
    }

    private static String header() {
        return "# sdk " + VersionInfo.SDK_VERSION;
    }

    /** The table the build wrote for this client and this SDK version, or null. */
    static SdkRoutes read(Class<?> sdkClient) {
        try (InputStream in = SdkRoutes.class.getResourceAsStream(RESOURCE + sdkClient.getSimpleName() + ".tsv")) {
            if (in == null) {
                return null;
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            if (!header().equals(r.readLine())) {
                return null; // written for another SDK
            }
            Map<String, Entry> out = new LinkedHashMap<>();
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                String[] f = line.split("\t", -1);
                out.put(f[0], new Entry(f[0], f[1], f[2], list(f[3]), list(f[4]), list(f[5]), f[6].equals("streaming")));
            }
            return new SdkRoutes(out);
        } catch (IOException | RuntimeException e) {
            return null; // unreadable: the classes say the same, slower
        }
    }

    private static List<String> list(String s) {
        return s.isEmpty() ? List.of() : List.of(s.split(","));
    }

    /** The table's text: a header naming the SDK version, then a line per operation. */
    String text() {
        StringBuilder b = new StringBuilder(header()).append('\n');
        for (Entry e : entries.values()) {
            b.append(e.name()).append('\t').append(e.method()).append('\t').append(e.uri()).append('\t')
                    .append(String.join(",", e.requiredQuery())).append('\t').append(String.join(",", e.requiredHeaders()))
                    .append('\t').append(String.join(",", e.pathMembers())).append('\t')
                    .append(e.streaming() ? "streaming" : "").append('\n');
        }
        return b.toString();
    }

    /**
     * The build's step (process-classes): {@code SdkRoutes <classes directory> <SDK client class>...} writes each
     * client's table under the classes directory.
     */
    public static void main(String[] args) throws ClassNotFoundException {
        Path dir = Path.of(args[0], RESOURCE.substring(1));
        try {
            Files.createDirectories(dir);
            for (int i = 1; i < args.length; i++) {
                Class<?> client = Class.forName(args[i]);
                Files.writeString(dir.resolve(client.getSimpleName() + ".tsv"), compute(client).text());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
