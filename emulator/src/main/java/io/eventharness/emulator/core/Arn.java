package io.eventharness.emulator.core;

import java.util.Optional;

/**
 * An Amazon Resource Name, {@code arn:<partition>:<service>:<region>:<account>:<resource>}, as
 * <a href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference-arns.html">the IAM reference</a>
 * defines it. The one place ARNs are parsed and built: no other code splits them.
 *
 * <pre>{@code
 * Arn q = Arn.parse("arn:aws:sqs:us-east-1:000000000000:orders");
 * q.service();       // "sqs"
 * q.resource();      // "orders"
 * Arn fn = Arn.of("lambda", "eu-west-1", "function:resize");
 * fn.resourceType(); // "function"
 * fn.resourceId();   // "resize"
 * }</pre>
 *
 * <p>The resource part keeps every character after the fifth colon: {@code function:name:qualifier},
 * {@code role/path/name}, {@code table/t/stream/label}. Global services (IAM, S3) leave the region empty,
 * S3 also the account.
 */
public record Arn(String partition, String service, String region, String account, String resource) {

    public Arn {
        if (partition == null || service == null || region == null || account == null || resource == null) {
            throw new IllegalArgumentException("an ARN has five parts besides 'arn'; one is missing");
        }
    }

    /** An ARN in the emulated account: {@code arn:aws:<service>:<region>:000000000000:<resource>}. */
    public static Arn of(String service, String region, String resource) {
        return new Arn("aws", service, region, Account.ID, resource);
    }

    /** A global ARN in the emulated account (IAM, STS): {@code arn:aws:<service>::000000000000:<resource>}. */
    public static Arn global(String service, String resource) {
        return new Arn("aws", service, "", Account.ID, resource);
    }

    /**
     * Parses an ARN; throws {@link IllegalArgumentException} naming what is wrong. The resource may hold
     * colons ({@code function:name:1}).
     */
    public static Arn parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("an ARN is required");
        }
        String[] p = text.split(":", 6);
        if (p.length < 6 || !p[0].equals("arn") || p[1].isEmpty() || p[2].isEmpty() || p[5].isEmpty()) {
            throw new IllegalArgumentException("not an ARN (arn:partition:service:region:account:resource): " + text);
        }
        return new Arn(p[1], p[2], p[3], p[4], p[5]);
    }

    /** The ARN, or empty when the text is null or not an ARN. */
    public static Optional<Arn> tryParse(String text) {
        if (text == null || !text.startsWith("arn:")) {
            return Optional.empty();
        }
        try {
            return Optional.of(parse(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The service of an ARN ({@code sqs}), or empty for text that is not an ARN. */
    public static String serviceOf(String text) {
        return tryParse(text).map(Arn::service).orElse("");
    }

    /** Whether this ARN is of the emulated account (a global ARN too). */
    public boolean inEmulatedAccount() {
        return account.equals(Account.ID);
    }

    /**
     * The resource type, where the resource has one: {@code function} of {@code function:name},
     * {@code role} of {@code role/path/name}; the whole resource when it has no separator (an SQS queue).
     */
    public String resourceType() {
        int i = separator();
        return i < 0 ? resource : resource.substring(0, i);
    }

    /**
     * The resource without its type: {@code name:qualifier} of {@code function:name:qualifier},
     * {@code path/name} of {@code role/path/name}; the whole resource when it has no type (an SQS queue, an SNS
     * topic).
     */
    public String resourceId() {
        int i = separator();
        return i < 0 ? resource : resource.substring(i + 1);
    }

    /**
     * The last segment of the resource, after its last {@code /} or {@code :}: a role's name without its
     * path, a subscription's id, a function's qualifier when it has one.
     */
    public String resourceName() {
        int i = Math.max(resource.lastIndexOf('/'), resource.lastIndexOf(':'));
        return resource.substring(i + 1);
    }

    /** The same ARN with another resource. */
    public Arn withResource(String newResource) {
        return new Arn(partition, service, region, account, newResource);
    }

    private int separator() {
        int colon = resource.indexOf(':');
        int slash = resource.indexOf('/');
        if (colon < 0) {
            return slash;
        }
        return slash < 0 ? colon : Math.min(colon, slash);
    }

    @Override
    public String toString() {
        return "arn:" + partition + ":" + service + ":" + region + ":" + account + ":" + resource;
    }
}
