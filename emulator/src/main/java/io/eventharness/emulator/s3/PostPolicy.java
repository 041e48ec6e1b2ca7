package io.eventharness.emulator.s3;

import com.fasterxml.jackson.databind.JsonNode;
import io.eventharness.emulator.core.AwsException;
import io.eventharness.emulator.core.Json;
import io.eventharness.emulator.protocol.FormUpload;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Iterator;
import java.util.Map;

/**
 * The policy of a browser's form upload, as S3 checks it ("Creating a POST policy" in the S3 API reference): a
 * base64 JSON document with an {@code expiration} (checked on the emulator's clock) and {@code conditions} that the
 * form must meet: exact matches ({@code {"acl": "private"}}, {@code ["eq", "$key", "a"]}), prefixes
 * ({@code ["starts-with", "$key", "uploads/"]}) and the file's size ({@code ["content-length-range", 0, 1048576]}).
 * A form without a policy is an anonymous upload, which only a public bucket would take: who may write is the
 * permissions' matter, not checked yet. The policy's signature is not checked either; a form with a policy must
 * carry one. Form fields the policy does not name are not refused.
 */
final class PostPolicy {
    private PostPolicy() {
    }

    static void check(FormUpload form, String bucket, Instant now, long size) {
        String encoded = form.field("policy");
        if (encoded == null) {
            return;
        }
        if (form.field("signature") == null && form.field("x-amz-signature") == null) {
            throw missingField("Signature");
        }
        if (form.field("awsaccesskeyid") == null && form.field("x-amz-credential") == null) {
            throw missingField("AWSAccessKeyId");
        }
        JsonNode policy;
        try {
            policy = Json.MAPPER.readTree(Base64.getDecoder().decode(encoded.trim().getBytes(StandardCharsets.US_ASCII)));
        } catch (Exception e) {
            throw invalidPolicy("Invalid Policy: Invalid JSON.");
        }
        if (policy == null || !policy.isObject()) {
            throw invalidPolicy("Invalid Policy: Invalid JSON.");
        }
        JsonNode expiration = policy.get("expiration");
        if (expiration == null || !expiration.isTextual()) {
            throw invalidPolicy("Invalid Policy: Policy missing expiration.");
        }
        Instant expires;
        try {
            expires = Instant.parse(expiration.asText());
        } catch (DateTimeParseException e) {
            throw invalidPolicy("Invalid Policy: Invalid 'expiration' value: '" + expiration.asText() + "'");
        }
        if (!now.isBefore(expires)) {
            throw S3Errors.accessDenied("Invalid according to Policy: Policy expired.");
        }
        JsonNode conditions = policy.get("conditions");
        if (conditions == null || !conditions.isArray() || conditions.isEmpty()) {
            throw invalidPolicy("Invalid Policy: Policy missing conditions.");
        }
        for (JsonNode c : conditions) {
            checkCondition(c, form, bucket, size);
        }
    }

    private static void checkCondition(JsonNode c, FormUpload form, String bucket, long size) {
        if (c.isObject() && c.isEmpty()) {
            throw invalidPolicy("Invalid Policy: Invalid Simple-Condition: Simple-Conditions must have exactly one property specified.");
        }
        if (c.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> it = c.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!value(form, bucket, e.getKey()).equals(e.getValue().asText())) {
                    throw failed(c);
                }
            }
            return;
        }
        if (!c.isArray() || c.isEmpty() || !c.get(0).isTextual()) {
            throw invalidPolicy("Invalid Policy: Invalid Condition: " + c);
        }
        String op = c.get(0).asText().toLowerCase(java.util.Locale.ROOT); // "StArTs-WiTh" is starts-with
        if (op.equals("content-length-range")) {
            if (c.size() != 3 || !c.get(1).canConvertToLong() || !c.get(2).canConvertToLong()) {
                throw invalidPolicy("Invalid Policy: Invalid 'content-length-range' condition: " + c);
            }
            if (size < c.get(1).asLong()) {
                throw AwsException.of(400, "EntityTooSmall", "Your proposed upload is smaller than the minimum allowed size");
            }
            if (size > c.get(2).asLong()) {
                throw AwsException.of(400, "EntityTooLarge", "Your proposed upload exceeds the maximum allowed size");
            }
            return;
        }
        if (!op.equals("eq") && !op.equals("starts-with") || c.size() != 3 || !c.get(1).isTextual()
                || !c.get(1).asText().startsWith("$")) {
            throw invalidPolicy("Invalid Policy: Invalid Condition: " + c);
        }
        String actual = value(form, bucket, c.get(1).asText().substring(1));
        String expected = c.get(2).asText();
        if (op.equals("eq") ? !actual.equals(expected) : !actual.startsWith(expected)) {
            throw failed(c);
        }
    }

    /** The form's value for a condition's field: the bucket posted to, the key, or the field ("" when absent). */
    private static String value(FormUpload form, String bucket, String field) {
        if (field.equalsIgnoreCase("bucket")) {
            return bucket;
        }
        if (field.equalsIgnoreCase("key")) {
            return form.key();
        }
        String v = form.field(field);
        return v == null ? "" : v;
    }

    private static AwsException failed(JsonNode condition) {
        return S3Errors.accessDenied("Invalid according to Policy: Policy Condition failed: " + condition);
    }

    private static AwsException invalidPolicy(String message) {
        return AwsException.of(400, "InvalidPolicyDocument", message);
    }

    private static AwsException missingField(String name) {
        return S3Errors.invalidArgument("Bucket POST must contain a field named '" + name + "'.  If it is specified, "
                + "please check the order of the fields.", name, "");
    }
}
