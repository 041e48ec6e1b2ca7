package io.eventharness.emulator.iam;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.eventharness.emulator.core.Arn;
import io.eventharness.emulator.core.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * AWS managed policies the emulator knows the documents of ({@code aws-managed-policies.json}: the
 * Lambda execution roles and common full-access policies). AWS has over a thousand; any well-formed
 * {@code arn:aws:iam::aws:policy/…} ARN may be attached, but only these can be read with GetPolicy.
 */
final class AwsManagedPolicies {
    /** The account AWS managed policies live in, as their ARNs name it. */
    static final String OWNER = "aws";
    private static final Instant CREATED = Instant.parse("2015-02-06T18:40:00Z");

    private AwsManagedPolicies() {
    }

    /** Whether the ARN names an AWS managed policy ({@code arn:aws:iam::aws:policy/…}), known or not. */
    static boolean isAwsManaged(Arn policy) {
        return policy.account().equals(OWNER);
    }

    /** By ARN, in ARN order. */
    static Map<Arn, IamPolicy> load() {
        Map<Arn, IamPolicy> out = new TreeMap<>(java.util.Comparator.comparing(Arn::toString));
        try (InputStream in = AwsManagedPolicies.class.getResourceAsStream("aws-managed-policies.json")) {
            ObjectMapper json = Json.MAPPER;
            for (JsonNode p : json.readTree(in)) {
                String name = p.get("name").textValue();
                String path = p.get("path").textValue();
                Arn arn = new Arn("aws", "iam", "", OWNER, "policy" + path + name);
                String id = IamIds.stableId("ANPA", arn.toString());
                out.put(arn, new IamPolicy(name, path, id, arn, json.writeValueAsString(p.get("document")),
                        p.get("description").textValue(), CREATED, true, List.of()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Collections.unmodifiableMap(out);
    }
}
