package io.eventharness.emulator.lambda;

import io.eventharness.emulator.protocol.Call;
import java.util.Map;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.lambda.model.ListTagsRequest;
import software.amazon.awssdk.services.lambda.model.ListTagsResponse;
import software.amazon.awssdk.services.lambda.model.TagResourceRequest;
import software.amazon.awssdk.services.lambda.model.TagResourceResponse;
import software.amazon.awssdk.services.lambda.model.UntagResourceRequest;
import software.amazon.awssdk.services.lambda.model.UntagResourceResponse;

/**
 * Tags of functions ({@code TagResource}, {@code UntagResource}, {@code ListTags}, and {@code Tags} on
 * {@code CreateFunction}): up to 50 per function, keys of 1–128 and values of up to 256 characters,
 * none starting with {@code aws:}. The resource is the function's unqualified ARN; code-signing
 * configurations and event source mappings are not emulated.
 */
final class FunctionTags {
    private static final Pattern FUNCTION_ARN = Pattern.compile("arn:aws[a-zA-Z-]*:lambda:[a-z0-9-]+:\\d{12}:function:[a-zA-Z0-9-_]+");

    private FunctionTags() {
    }

    static TagResourceResponse tag(LambdaService svc, TagResourceRequest r, Call call) {
        LambdaFunction fn = function(svc, r.resource(), call);
        fn.tag(validated(r.tags()));
        return TagResourceResponse.builder().build();
    }

    static UntagResourceResponse untag(LambdaService svc, UntagResourceRequest r, Call call) {
        LambdaFunction fn = function(svc, r.resource(), call);
        if (r.tagKeys().isEmpty()) {
            throw LambdaErrors.required("tagKeys");
        }
        fn.untag(r.tagKeys());
        return UntagResourceResponse.builder().build();
    }

    static ListTagsResponse list(LambdaService svc, ListTagsRequest r, Call call) {
        return ListTagsResponse.builder().tags(function(svc, r.resource(), call).tags()).build();
    }

    /** The tags, or the error Lambda gives for a key or value. */
    static Map<String, String> validated(Map<String, String> tags) {
        for (Map.Entry<String, String> t : tags.entrySet()) {
            String key = t.getKey();
            String value = t.getValue() == null ? "" : t.getValue();
            if (key.isEmpty() || key.length() > 128 || value.length() > 256) {
                throw LambdaErrors.invalidParameter("Tag keys must be 1 to 128 characters and tag values at most 256 characters: "
                        + key);
            }
            if (key.toLowerCase(java.util.Locale.ROOT).startsWith("aws:")) {
                throw LambdaErrors.invalidParameter("Tag keys starting with 'aws:' are reserved for AWS use: " + key);
            }
        }
        return tags; // the count is checked by LambdaFunction.tag, against the tags it has already
    }

    private static LambdaFunction function(LambdaService svc, String arn, Call call) {
        if (arn == null || !FUNCTION_ARN.matcher(arn).matches()) {
            throw LambdaErrors.validation("resource", arn, "Member must satisfy regular expression pattern: "
                    + FUNCTION_ARN.pattern());
        }
        return svc.function(FunctionName.parse(arn, null).name(), call);
    }
}
