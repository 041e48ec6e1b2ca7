package io.eventharness.emulator.iam;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import io.eventharness.emulator.core.Json;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

/**
 * Checks policy documents the way IAM does when it stores them (the grammar of the IAM user guide's
 * "IAM JSON policy elements reference"; nothing is evaluated), and encodes them for responses, where
 * IAM returns every policy document URL-encoded (RFC 3986: spaces as {@code %20}).
 */
public final class PolicyDocuments {
    /** What a document is for: the elements it must and must not have differ. */
    public enum Kind {
        /** Identity-based (managed, inline, session): Action and Resource, no Principal. */
        IDENTITY,
        /** A role's trust policy: Action and Principal, no Resource. */
        TRUST
    }

    private static final ObjectReader JSON = Json.STRICT;
    private static final Set<String> VERSIONS = Set.of("2012-10-17", "2008-10-17");

    private PolicyDocuments() {
    }

    /** Throws {@code MalformedPolicyDocument} unless {@code document} is a well-formed policy of this kind. */
    public static void check(String document, Kind kind) {
        JsonNode root;
        try {
            root = JSON.readTree(document);
        } catch (IOException e) {
            throw IamErrors.malformedPolicy("This policy contains invalid Json");
        }
        if (root == null || !root.isObject()) {
            throw IamErrors.malformedPolicy("This policy contains invalid Json");
        }
        JsonNode version = root.get("Version");
        if (version != null && (!version.isTextual() || !VERSIONS.contains(version.textValue()))) {
            throw IamErrors.malformedPolicy("The policy must contain a valid version string");
        }
        JsonNode statements = root.get("Statement");
        if (statements == null || !(statements.isObject() || statements.isArray() && !statements.isEmpty())) {
            throw IamErrors.malformedPolicy("Syntax errors in policy.");
        }
        for (JsonNode s : statements.isArray() ? statements : List.of(statements)) {
            statement(s, kind);
        }
    }

    private static void statement(JsonNode s, Kind kind) {
        if (!s.isObject()) {
            throw IamErrors.malformedPolicy("Syntax errors in policy.");
        }
        JsonNode effect = s.get("Effect");
        if (effect == null) {
            throw IamErrors.malformedPolicy("Missing required field Effect");
        }
        if (!effect.isTextual() || !effect.textValue().equals("Allow") && !effect.textValue().equals("Deny")) {
            throw IamErrors.malformedPolicy("Invalid effect: " + effect.asText());
        }
        if (!s.has("Action") && !s.has("NotAction")) {
            throw IamErrors.malformedPolicy(kind == Kind.TRUST ? "Missing required field Action" : "Policy statement must contain actions.");
        }
        if (kind == Kind.TRUST) {
            if (s.has("Resource") || s.has("NotResource")) {
                throw IamErrors.malformedPolicy("Has prohibited field " + (s.has("Resource") ? "Resource" : "NotResource"));
            }
            if (!s.has("Principal") && !s.has("NotPrincipal")) {
                throw IamErrors.malformedPolicy("Missing required field Principal");
            }
        } else {
            if (s.has("Principal") || s.has("NotPrincipal")) {
                throw IamErrors.malformedPolicy("Policy document should not specify a principal.");
            }
            if (!s.has("Resource") && !s.has("NotResource")) {
                throw IamErrors.malformedPolicy("Policy statement must contain resources.");
            }
        }
    }

    /** The size IAM counts against its quotas: characters other than white space. */
    public static int size(String document) {
        int n = 0;
        for (int i = 0; i < document.length(); i++) {
            if (!Character.isWhitespace(document.charAt(i))) {
                n++;
            }
        }
        return n;
    }

    /** The document as IAM returns it: URL-encoded, spaces as {@code %20}. */
    public static String encode(String document) {
        return document == null ? null : URLEncoder.encode(document, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
