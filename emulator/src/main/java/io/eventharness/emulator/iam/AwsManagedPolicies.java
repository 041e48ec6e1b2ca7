package io.eventharness.emulator.iam;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.eventharness.emulator.core.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * AWS managed policies the emulator knows the documents of ({@code aws-managed-policies.json}: the
 * Lambda execution roles and common full-access policies). AWS has over a thousand; any well-formed
 * {@code arn:aws:iam::aws:policy/…} ARN may be attached, but only these can be read with GetPolicy.
 */
final class AwsManagedPolicies {
    static final String ARN_PREFIX = "arn:aws:iam::aws:policy";
    private static final Instant CREATED = Instant.parse("2015-02-06T18:40:00Z");

    private AwsManagedPolicies() {
    }

    /** By ARN, in ARN order. */
    static Map<String, IamPolicy> load() {
        Map<String, IamPolicy> out = new TreeMap<>();
        try (InputStream in = AwsManagedPolicies.class.getResourceAsStream("aws-managed-policies.json")) {
            ObjectMapper json = Json.MAPPER;
            for (JsonNode p : json.readTree(in)) {
                String name = p.get("name").textValue();
                String path = p.get("path").textValue();
                String arn = ARN_PREFIX + path + name;
                String id = IamIds.stableId("ANPA", arn);
                out.put(arn, new IamPolicy(name, path, id, arn, json.writeValueAsString(p.get("document")),
                        p.get("description").textValue(), CREATED, true));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Collections.unmodifiableMap(out);
    }

    /** The name in an AWS managed policy ARN (its last path segment). */
    static String nameOf(String arn) {
        return arn.substring(arn.lastIndexOf('/') + 1);
    }
}
