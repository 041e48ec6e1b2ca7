package io.eventharness.emulator.corpus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.eventharness.emulator.protocol.ServiceSpec;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * The generated corpus of one service: for each operation the emulator serves, a valid request made from the SDK's
 * model ({@link ModelValues}) and marshalled by the SDK's own client ({@link WireCapture}), then mutated member by
 * member and as a whole. Deterministic: each operation's random choices come from {@link CorpusRun#SEED} and its name.
 */
final class Generator {
    /** How a service's requests are put on the wire, and so how they are mutated. */
    enum Kind { AWS_JSON, CBOR, QUERY, SQS_QUERY, REST_JSON, REST_XML }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ModelValues values;
    private final WireCapture capture;

    Generator(ModelValues values, WireCapture capture) {
        this.values = values;
        this.capture = capture;
    }

    /**
     * The mutants of each operation of {@code operations}, named {@code <label> <Operation> ...}.
     *
     * @param client a client built with {@link WireCapture#client}
     */
    Map<String, List<Mutant>> of(String label, Object client, Class<?> clientInterface, ServiceSpec spec,
                                 Collection<String> operations, Kind kind) {
        Map<String, List<Mutant>> out = new LinkedHashMap<>();
        for (String op : operations) {
            Method method = method(clientInterface, op);
            if (method == null) {
                continue;
            }
            SdkRequest request = (SdkRequest) values.request(op, method.getParameterTypes()[0]);
            WireCapture.Wire wire = method.getParameterCount() == 1 ? capture.capture(client, method, request)
                    : capture.captureWithBody(client, method, request, RequestBody.fromString("hello corpus"));
            if (wire == null) {
                continue; // the SDK refused the request itself
            }
            if (kind == Kind.SQS_QUERY) {
                wire = toForm(wire, op, spec);
            }
            String prefix = label + " " + op + " ";
            Random random = new Random(CorpusRun.SEED ^ (label + op).hashCode());
            List<Mutant> mutants = new ArrayList<>(switch (kind) {
                case AWS_JSON, CBOR -> {
                    JsonMutations json = kind == Kind.CBOR ? JsonMutations.IN_CBOR : JsonMutations.IN_JSON;
                    List<Mutant> l = new ArrayList<>(json.of(prefix, wire));
                    l.addAll(json.document(prefix, wire, random));
                    l.addAll(targets(prefix, wire, spec));
                    yield l;
                }
                case QUERY, SQS_QUERY -> FormMutations.of(prefix, wire, random);
                case REST_JSON -> {
                    List<Mutant> l = new ArrayList<>(RestMutations.of(prefix, wire, (SdkPojo) request, random));
                    if (wire.body().length > 0 && wire.body()[0] == '{') {
                        l.addAll(JsonMutations.IN_JSON.of(prefix, wire));
                        l.addAll(JsonMutations.IN_JSON.document(prefix, wire, random));
                    }
                    yield l;
                }
                case REST_XML -> {
                    List<Mutant> l = new ArrayList<>(RestMutations.of(prefix, wire, (SdkPojo) request, random));
                    if (XmlMutations.isXml(wire.body())) {
                        l.addAll(XmlMutations.of(prefix, wire, random));
                    }
                    if (wire.headers().keySet().stream().anyMatch(h -> h.equalsIgnoreCase("x-amz-decoded-content-length"))) {
                        l.addAll(XmlMutations.chunked(prefix, wire));
                    }
                    yield l;
                }
            });
            mutants.addAll(HeaderMutations.of(prefix, wire, spec.signingName()));
            out.put(label + " " + op, mutants);
        }
        return out;
    }

    /** Unknown and malformed {@code X-Amz-Target}s. */
    private static List<Mutant> targets(String prefix, WireCapture.Wire w, ServiceSpec spec) {
        String target = w.headers().get("X-Amz-Target");
        if (target == null) {
            return List.of();
        }
        String op = target.substring(target.indexOf('.') + 1);
        String p = spec.targetPrefix();
        List<Mutant> out = new ArrayList<>();
        out.add(Mutant.rejected(prefix + "target: unknown operation", Mutant.header(w, "X-Amz-Target", p + ".NoSuchOperation")));
        out.add(Mutant.rejected(prefix + "target: no operation", Mutant.header(w, "X-Amz-Target", p + ".")));
        out.add(Mutant.rejected(prefix + "target: no dot", Mutant.header(w, "X-Amz-Target", p)));
        out.add(Mutant.rejected(prefix + "target: lower case", Mutant.header(w, "X-Amz-Target", p + "." + op.toLowerCase())));
        out.add(Mutant.rejected(prefix + "target: huge", Mutant.header(w, "X-Amz-Target", p + "." + "X".repeat(30_000))));
        out.add(Mutant.rejected(prefix + "target: missing", Mutant.header(w, "X-Amz-Target", null)));
        out.add(Mutant.any(prefix + "target: another service's prefix", Mutant.header(w, "X-Amz-Target", "Bogus_20990101." + op)));
        out.add(Mutant.any(prefix + "target: two dots", Mutant.header(w, "X-Amz-Target", p + ".x." + op)));
        return out;
    }

    private static Method method(Class<?> client, String op) {
        String name = Character.toLowerCase(op.charAt(0)) + op.substring(1);
        Method withBody = null;
        for (Method m : client.getMethods()) {
            Class<?>[] p = m.getParameterTypes();
            if (!m.getName().equals(name) || p.length == 0 || !SdkRequest.class.isAssignableFrom(p[0])) {
                continue;
            }
            if (p.length == 1) {
                return m;
            }
            if (p.length == 2 && p[1] == RequestBody.class) {
                withBody = m;
            }
        }
        return withBody;
    }

    /**
     * An SQS request as the AWS CLI and boto3 send it (the query protocol), from the SDK's JSON: members by their
     * legacy query names ({@code Attribute.1.Name}, {@code SendMessageBatchRequestEntry.1.Id}).
     */
    private static WireCapture.Wire toForm(WireCapture.Wire json, String op, ServiceSpec spec) {
        List<FormMutations.Pair> pairs = new ArrayList<>();
        pairs.add(new FormMutations.Pair("Action", op));
        pairs.add(new FormMutations.Pair("Version", "2012-11-05"));
        try {
            JsonNode doc = JSON.readTree(json.body());
            for (Iterator<Map.Entry<String, JsonNode>> it = doc.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                flatten(pairs, op + "Request." + e.getKey(), e.getKey(), e.getValue(), spec.queryNames());
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", json.headers().get("Authorization"));
        headers.put("Content-Type", "application/x-www-form-urlencoded; charset=utf-8");
        return new WireCapture.Wire("POST", "/", headers, FormMutations.form(pairs));
    }

    private static void flatten(List<FormMutations.Pair> out, String qualified, String member, JsonNode v,
                                Map<String, ServiceSpec.QueryName> names) {
        ServiceSpec.QueryName q = names.getOrDefault(qualified, names.get(member.substring(member.lastIndexOf('.') + 1)));
        String key = q != null ? member.substring(0, member.lastIndexOf('.') + 1) + q.name() : member;
        if (v.isArray()) {
            int i = 1;
            for (JsonNode e : v) {
                flatten(out, key + "." + i, key + "." + i++, e, names);
            }
        } else if (v.isObject() && q != null && q.keyName() != null) {
            int i = 1;
            for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); i++) {
                Map.Entry<String, JsonNode> e = it.next();
                out.add(new FormMutations.Pair(key + "." + i + "." + q.keyName(), WireCapture.encode(e.getKey())));
                flatten(out, key + "." + i + "." + q.valueName(), key + "." + i + "." + q.valueName(), e.getValue(), names);
            }
        } else if (v.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                flatten(out, e.getKey(), key + "." + e.getKey(), e.getValue(), names);
            }
        } else {
            out.add(new FormMutations.Pair(WireCapture.encode(key).replace("%2E", "."), WireCapture.encode(v.asText())));
        }
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
