package io.eventharness.harness.report;

import java.net.URI;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One lifeline of the sequence diagram: a resource (function, queue, topic, bucket, bus, rule, schedule, stream, table)
 * or a caller that is none ({@code Invoke API}, {@code PutEvents}). A queue's ARN and its URL are one lifeline, and so
 * are a function's versions and aliases, a topic and its subscriptions, and a DynamoDB table and its stream.
 *
 * @param key      what makes two endpoints one lifeline ({@code sqs:orders}, {@code lambda:thumbnailer})
 * @param kind     {@code function}, {@code queue}, {@code topic}, {@code bucket}, {@code bus}, {@code rule},
 *                 {@code schedule}, {@code stream} (Kinesis), {@code table} (DynamoDB), {@code other}
 * @param label    the short name drawn: the resource's name without the run's and test's prefix
 * @param endpoint the first endpoint seen for it, in full (an ARN, a URL, a name)
 */
public record Lifeline(String key, String kind, String label, String endpoint) {
    /** {@code arn:partition:service:region:account:resource}: the resource may hold further colons and slashes. */
    private static final Pattern ARN = Pattern.compile("^arn:[^:]+:([^:]+):[^:]*:[^:]*:(.+)$");

    /**
     * The lifeline of an endpoint as the trail names it.
     *
     * @param namePrefix a pattern matching the {@code <run prefix>-<id>-} that starts the run's resource names
     */
    static Lifeline of(String endpoint, Pattern namePrefix) {
        String e = endpoint == null ? "" : endpoint;
        Matcher arn = ARN.matcher(e);
        if (arn.matches()) {
            return ofArn(arn.group(1), arn.group(2), e, namePrefix);
        }
        if (e.startsWith("http://") || e.startsWith("https://")) {
            String[] path = URI.create(e).getPath().split("/"); // a queue URL: .../<account>/<name>
            String name = path.length == 0 ? e : path[path.length - 1];
            return new Lifeline("sqs:" + name, "queue", shorten(name, namePrefix), e);
        }
        return new Lifeline("other:" + e, "other", e.isEmpty() ? "(unknown)" : e, e);
    }

    /** The lifeline of a function known by its name (one whose invocations the trail does not show). */
    static Lifeline function(String name, Pattern namePrefix) {
        return named("lambda", "function", name, name, namePrefix);
    }

    private static Lifeline ofArn(String service, String resource, String endpoint, Pattern namePrefix) {
        String[] parts = resource.split("[:/]");
        return switch (service) {
            case "lambda" -> named("lambda", "function", parts.length > 1 ? parts[1] : resource, endpoint, namePrefix);
            case "sqs" -> named("sqs", "queue", parts[0], endpoint, namePrefix);
            case "sns" -> named("sns", "topic", parts[0], endpoint, namePrefix); // a subscription: its topic's lifeline
            case "s3" -> named("s3", "bucket", parts[0], endpoint, namePrefix);
            case "events" -> parts[0].equals("rule") ? named("events-rule", "rule", parts[parts.length - 1], endpoint, namePrefix)
                    : named("events", "bus", parts[parts.length - 1], endpoint, namePrefix);
            case "scheduler" -> named("scheduler", "schedule", parts[parts.length - 1], endpoint, namePrefix);
            case "kinesis" -> named("kinesis", "stream", parts.length > 1 ? parts[1] : resource, endpoint, namePrefix);
            // table/<name>, table/<name>/stream/<label>: a table and its stream are one lifeline
            case "dynamodb" -> named("dynamodb", "table", parts.length > 1 ? parts[1] : resource, endpoint, namePrefix);
            default -> named(service, "other", parts[parts.length - 1], endpoint, namePrefix);
        };
    }

    private static Lifeline named(String service, String kind, String name, String endpoint, Pattern namePrefix) {
        return new Lifeline(service + ":" + name, kind, shorten(name, namePrefix), endpoint);
    }

    private static String shorten(String name, Pattern namePrefix) {
        String s = namePrefix.matcher(name).replaceFirst("");
        return s.isEmpty() ? name : s;
    }
}
