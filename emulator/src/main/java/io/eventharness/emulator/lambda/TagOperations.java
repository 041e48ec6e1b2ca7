package io.eventharness.emulator.lambda;

import io.eventharness.emulator.protocol.Call;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.services.lambda.model.ListTagsRequest;
import software.amazon.awssdk.services.lambda.model.ListTagsResponse;
import software.amazon.awssdk.services.lambda.model.TagResourceRequest;
import software.amazon.awssdk.services.lambda.model.TagResourceResponse;
import software.amazon.awssdk.services.lambda.model.UntagResourceRequest;
import software.amazon.awssdk.services.lambda.model.UntagResourceResponse;

/**
 * Tags of functions ({@code TagResource}, {@code UntagResource}, {@code ListTags}, and {@code Tags} on
 * {@code CreateFunction}): up to 50 per function, keys of 1–128 and values of up to 256 characters,
 * none starting with {@code aws:}. The resource is the function's unqualified ARN. Differs from AWS: code-signing
 * configurations and event source mappings cannot be tagged (they are not emulated).
 */
public final class TagOperations {
    /** The constraint Lambda names for a {@code Resource} that is not a function's unqualified ARN. */
    private static final String FUNCTION_ARN = "arn:aws[a-zA-Z-]*:lambda:[a-z0-9-]+:\\d{12}:function:[a-zA-Z0-9-_]+";

    private final LambdaFunctions functions;

    TagOperations(LambdaFunctions functions) {
        this.functions = functions;
    }

    public TagResourceResponse tagResource(TagResourceRequest r, Call call) {
        function(r.resource(), call).tag(validated(r.tags()));
        return TagResourceResponse.builder().build();
    }

    public UntagResourceResponse untagResource(UntagResourceRequest r, Call call) {
        LambdaFunction fn = function(r.resource(), call);
        if (r.tagKeys().isEmpty()) {
            throw LambdaErrors.required("tagKeys");
        }
        fn.untag(r.tagKeys());
        return UntagResourceResponse.builder().build();
    }

    public ListTagsResponse listTags(ListTagsRequest r, Call call) {
        return ListTagsResponse.builder().tags(function(r.resource(), call).tags()).build();
    }

    /** The tags, or the error Lambda gives for a key or value; the count is checked by {@link LambdaFunction#tag}. */
    static Map<String, String> validated(Map<String, String> tags) {
        for (Map.Entry<String, String> t : tags.entrySet()) {
            String key = t.getKey();
            String value = t.getValue() == null ? "" : t.getValue();
            if (key.isEmpty() || key.length() > 128 || value.length() > 256) {
                throw LambdaErrors.invalidParameter("Tag keys must be 1 to 128 characters and tag values at most 256 characters: "
                        + key);
            }
            if (key.toLowerCase(Locale.ROOT).startsWith("aws:")) {
                throw LambdaErrors.invalidParameter("Tag keys starting with 'aws:' are reserved for AWS use: " + key);
            }
        }
        return tags;
    }

    /** The function an unqualified function ARN names; ValidationException for anything else. */
    private LambdaFunction function(String resource, Call call) {
        if (FunctionName.functionArn(resource).filter(FunctionName::unqualified).isEmpty()) {
            throw LambdaErrors.validation("resource", resource, "Member must satisfy regular expression pattern: " + FUNCTION_ARN);
        }
        return functions.require(FunctionName.parse(resource, null).name(), call.region());
    }
}
