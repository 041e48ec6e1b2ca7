package io.eventharness.emulator.lambda;

import io.eventharness.emulator.lambda.mappings.EventSourceMappings;
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
 * Tags of functions and event source mappings ({@code TagResource}, {@code UntagResource}, {@code ListTags}, and
 * {@code Tags} on {@code CreateFunction} and {@code CreateEventSourceMapping}): up to 50 per resource, keys of 1–128
 * and values of up to 256 characters, none starting with {@code aws:}. The resource is the function's unqualified
 * ARN, or the mapping's ARN. Differs from AWS: code-signing configurations cannot be tagged (they are not emulated).
 */
public final class TagOperations {
    /** The constraint Lambda names for a {@code Resource} that is neither a function's unqualified ARN nor a mapping's. */
    private static final String RESOURCE_ARN = "arn:(aws[a-zA-Z-]*):lambda:(eusc-)?[a-z]{2}((-gov)|(-iso([a-z]?)))?-[a-z]+-\\d{1}:"
            + "\\d{12}:(function:[a-zA-Z0-9-_]+(:(\\$LATEST|[a-zA-Z0-9-_]+))?|layer:([a-zA-Z0-9-_]+)|code-signing-config:csc-[a-z0-9]{17}"
            + "|event-source-mapping:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|capacity-provider:[a-zA-Z0-9-_]+)";

    private final LambdaFunctions functions;
    private final EventSourceMappings mappings;

    TagOperations(LambdaFunctions functions, EventSourceMappings mappings) {
        this.functions = functions;
        this.mappings = mappings;
    }

    public TagResourceResponse tagResource(TagResourceRequest r, Call call) {
        Map<String, String> tags = validated(r.tags());
        if (EventSourceMappings.isMappingArn(r.resource())) {
            mappings.tag(r.resource(), tags);
        } else {
            function(r.resource(), call).tag(tags);
        }
        return TagResourceResponse.builder().build();
    }

    public UntagResourceResponse untagResource(UntagResourceRequest r, Call call) {
        if (EventSourceMappings.isMappingArn(r.resource())) {
            mappings.untag(r.resource(), requiredKeys(r));
        } else {
            LambdaFunction fn = function(r.resource(), call);
            fn.untag(requiredKeys(r));
        }
        return UntagResourceResponse.builder().build();
    }

    private static java.util.List<String> requiredKeys(UntagResourceRequest r) {
        if (r.tagKeys().isEmpty()) {
            throw LambdaErrors.required("tagKeys");
        }
        return r.tagKeys();
    }

    public ListTagsResponse listTags(ListTagsRequest r, Call call) {
        Map<String, String> tags = EventSourceMappings.isMappingArn(r.resource()) ? mappings.tags(r.resource())
                : function(r.resource(), call).tags();
        return ListTagsResponse.builder().tags(tags).build();
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

    /** The function an unqualified function ARN names; ValidationException for anything else (a mapping's ARN aside). */
    private LambdaFunction function(String resource, Call call) {
        if (FunctionName.functionArn(resource).filter(FunctionName::unqualified).isEmpty()) {
            throw LambdaErrors.validation("resource", resource, "Member must satisfy regular expression pattern: " + RESOURCE_ARN);
        }
        return functions.require(FunctionName.parse(resource, null).name(), call.region());
    }
}
