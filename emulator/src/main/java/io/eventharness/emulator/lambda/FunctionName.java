package io.eventharness.emulator.lambda;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code FunctionName} as Lambda accepts it: a name ({@code my-function}), a name with qualifier
 * ({@code my-function:v1}), a partial ARN ({@code 000000000000:function:my-function}) or a full ARN
 * ({@code arn:aws:lambda:us-east-1:000000000000:function:my-function[:alias]}).
 */
record FunctionName(String name, String qualifier) {
    private static final Pattern FULL = Pattern.compile(
            "^arn:aws[a-zA-Z-]*:lambda:[a-z0-9-]+:(\\d{12}):function:([a-zA-Z0-9-_]+)(?::(\\$LATEST|[a-zA-Z0-9-_]+))?$");
    private static final Pattern PARTIAL = Pattern.compile("^(\\d{12}):function:([a-zA-Z0-9-_]+)(?::(\\$LATEST|[a-zA-Z0-9-_]+))?$");
    private static final Pattern PLAIN = Pattern.compile("^([a-zA-Z0-9-_]+)(?::(\\$LATEST|[a-zA-Z0-9-_]+))?$");
    static final Pattern NAME = Pattern.compile("[a-zA-Z0-9-_]{1,64}");

    static FunctionName parse(String value, String explicitQualifier) {
        if (value == null || value.isEmpty()) {
            throw LambdaErrors.validation("functionName", value, "Member must have length greater than or equal to 1");
        }
        Matcher m = FULL.matcher(value);
        String name;
        String qualifier;
        if (m.matches()) {
            name = m.group(2);
            qualifier = m.group(3);
        } else if ((m = PARTIAL.matcher(value)).matches()) {
            name = m.group(2);
            qualifier = m.group(3);
        } else if ((m = PLAIN.matcher(value)).matches()) {
            name = m.group(1);
            qualifier = m.group(2);
        } else {
            throw LambdaErrors.validation("functionName", value, "Member must satisfy regular expression pattern: "
                    + "(arn:(aws[a-zA-Z-]*)?:lambda:)?([a-z]{2}(-gov)?-[a-z]+-\\d{1}:)?(\\d{12}:)?(function:)?([a-zA-Z0-9-_]+)(:(\\$LATEST|[a-zA-Z0-9-_]+))?");
        }
        if (name.length() > 64) {
            throw LambdaErrors.validation("functionName", value, "Member must have length less than or equal to 64");
        }
        if (explicitQualifier != null && !explicitQualifier.isEmpty()) {
            if (qualifier != null && !qualifier.equals(explicitQualifier)) {
                throw LambdaErrors.invalidParameter("The derived qualifier from the function name does not match the specified qualifier.");
            }
            qualifier = explicitQualifier;
        }
        return new FunctionName(name, qualifier);
    }
}
