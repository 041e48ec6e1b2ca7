package io.eventharness.emulator.lambda;

import io.eventharness.emulator.core.Arn;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code FunctionName} as Lambda accepts it — a name ({@code my-function}), a name with qualifier
 * ({@code my-function:v1}), a partial ARN ({@code 000000000000:function:my-function}) or a full ARN
 * ({@code arn:aws:lambda:us-east-1:000000000000:function:my-function[:alias]}) — and the grammar of a function
 * ARN's resource, {@code function:<name>[:<qualifier>]}. Full ARNs are read with {@link Arn}; only the resource,
 * which is Lambda's own, is matched here.
 *
 * <pre>{@code
 * FunctionName n = FunctionName.parse("arn:aws:lambda:us-east-1:000000000000:function:resize:live", null);
 * n.name();                                    // "resize"
 * n.qualifier();                               // "live"
 * Arn fn = FunctionName.arn("us-east-1", "resize");
 * FunctionName.qualified(fn, "$LATEST");       // arn:aws:lambda:us-east-1:000000000000:function:resize:$LATEST
 * }</pre>
 *
 * @param qualifier {@code $LATEST}, a version number or an alias; null when the name carries none
 */
record FunctionName(String name, String qualifier) {
    static final Pattern NAME = Pattern.compile("[a-zA-Z0-9-_]{1,64}");
    /** The resource of a function ARN; the ARN of a version or alias has the qualifier. */
    private static final Pattern RESOURCE = Pattern.compile("function:([a-zA-Z0-9-_]+)(?::(\\$LATEST|[a-zA-Z0-9-_]+))?");
    private static final Pattern PARTIAL = Pattern.compile("\\d{12}:" + RESOURCE.pattern());
    private static final Pattern PLAIN = Pattern.compile("([a-zA-Z0-9-_]+)(?::(\\$LATEST|[a-zA-Z0-9-_]+))?");
    private static final Pattern PARTITION = Pattern.compile("aws[a-zA-Z-]*");
    private static final Pattern REGION = Pattern.compile("[a-z0-9-]+");
    private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");
    /** The constraint Lambda names when a {@code FunctionName} is none of the forms above. */
    private static final String CONSTRAINT = "(arn:(aws[a-zA-Z-]*)?:lambda:)?([a-z]{2}(-gov)?-[a-z]+-\\d{1}:)?(\\d{12}:)?"
            + "(function:)?([a-zA-Z0-9-_]+)(:(\\$LATEST|[a-zA-Z0-9-_]+))?";

    /**
     * Reads a {@code FunctionName} parameter; {@code explicitQualifier} is the operation's {@code Qualifier}, which
     * must agree with a qualifier in the name.
     *
     * @throws io.eventharness.emulator.core.AwsException ValidationException for a value of none of the four forms,
     *                                                    InvalidParameterValueException for two different qualifiers
     */
    static FunctionName parse(String value, String explicitQualifier) {
        if (value == null || value.isEmpty()) {
            throw LambdaErrors.validation("functionName", value, "Member must have length greater than or equal to 1");
        }
        Matcher m = functionArn(value).map(a -> RESOURCE.matcher(a.resource())).orElse(null);
        if (m == null && !(m = PARTIAL.matcher(value)).matches()) {
            m = PLAIN.matcher(value);
        }
        if (!m.matches()) {
            throw LambdaErrors.validation("functionName", value, "Member must satisfy regular expression pattern: " + CONSTRAINT);
        }
        String name = m.group(1);
        String qualifier = m.group(2);
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

    /**
     * The text as the ARN of a function, a version or an alias ({@code arn:aws…:lambda:<region>:<12 digits>:function:…});
     * empty for anything else.
     */
    static Optional<Arn> functionArn(String text) {
        return Arn.tryParse(text).filter(a -> a.service().equals("lambda") && PARTITION.matcher(a.partition()).matches()
                && REGION.matcher(a.region()).matches() && ACCOUNT.matcher(a.account()).matches()
                && RESOURCE.matcher(a.resource()).matches());
    }

    /** Whether the ARN names a function itself, without a version or alias. */
    static boolean unqualified(Arn functionArn) {
        Matcher m = RESOURCE.matcher(functionArn.resource());
        return m.matches() && m.group(2) == null;
    }

    /** The unqualified ARN of a function in the emulated account. */
    static Arn arn(String region, String name) {
        return Arn.of("lambda", region, "function:" + name);
    }

    /** The ARN of one version or alias of a function: {@code …:function:<name>:<qualifier>}. */
    static Arn qualified(Arn functionArn, String qualifier) {
        return functionArn.withResource(functionArn.resource() + ":" + qualifier);
    }
}
