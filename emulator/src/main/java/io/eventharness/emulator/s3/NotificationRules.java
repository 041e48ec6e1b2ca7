package io.eventharness.emulator.s3;

import io.eventharness.emulator.core.Arn;
import io.eventharness.emulator.core.Ids;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.s3.model.Event;
import software.amazon.awssdk.services.s3.model.FilterRule;
import software.amazon.awssdk.services.s3.model.LambdaFunctionConfiguration;
import software.amazon.awssdk.services.s3.model.NotificationConfiguration;
import software.amazon.awssdk.services.s3.model.NotificationConfigurationFilter;
import software.amazon.awssdk.services.s3.model.QueueConfiguration;
import software.amazon.awssdk.services.s3.model.TopicConfiguration;

/**
 * Validates a bucket notification configuration the way PutBucketNotificationConfiguration does
 * ("Amazon S3 Event Notifications" in the S3 user guide): known event types, at most one prefix and
 * one suffix rule per filter, no two configurations sharing an event type with overlapping filters,
 * and destinations that exist. Configurations without an Id are given one, as S3 does.
 */
final class NotificationRules {
    private static final Pattern PARTITION = Pattern.compile("aws[a-z-]*");
    private static final Pattern REGION = Pattern.compile("[a-z0-9-]+");
    private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");

    /** One configuration reduced to what the checks need. */
    private record Target(Arn arn, List<String> events, String prefix, String suffix) {
    }

    private NotificationRules() {
    }

    static NotificationConfiguration validate(NotificationConfiguration c, S3Destinations destinations,
                                              boolean skipDestinationValidation) {
        List<Target> targets = new ArrayList<>();
        List<QueueConfiguration> queues = new ArrayList<>();
        for (QueueConfiguration q : c.queueConfigurations()) {
            targets.add(target(q.queueArn(), "sqs", q.eventsAsStrings(), q.filter()));
            queues.add(q.id() != null ? q : q.toBuilder().id(Ids.uuid()).build());
        }
        List<TopicConfiguration> topics = new ArrayList<>();
        for (TopicConfiguration t : c.topicConfigurations()) {
            targets.add(target(t.topicArn(), "sns", t.eventsAsStrings(), t.filter()));
            topics.add(t.id() != null ? t : t.toBuilder().id(Ids.uuid()).build());
        }
        List<LambdaFunctionConfiguration> functions = new ArrayList<>();
        for (LambdaFunctionConfiguration f : c.lambdaFunctionConfigurations()) {
            targets.add(target(f.lambdaFunctionArn(), "lambda", f.eventsAsStrings(), f.filter()));
            functions.add(f.id() != null ? f : f.toBuilder().id(Ids.uuid()).build());
        }
        for (int i = 0; i < targets.size(); i++) {
            for (int j = i + 1; j < targets.size(); j++) {
                if (overlap(targets.get(i), targets.get(j))) {
                    throw S3Errors.invalidArgument("Configurations overlap. Configurations on the same bucket cannot "
                            + "share a common event type.");
                }
            }
        }
        if (!skipDestinationValidation) {
            List<String> missing = targets.stream().map(Target::arn).filter(a -> !destinations.exists(a))
                    .map(Arn::toString).toList();
            if (!missing.isEmpty()) {
                throw S3Errors.invalidArgument("Unable to validate the following destination configurations: "
                        + String.join(", ", missing));
            }
        }
        return c.toBuilder().queueConfigurations(queues).topicConfigurations(topics)
                .lambdaFunctionConfigurations(functions).build();
    }

    private static Target target(String text, String service, List<String> events, NotificationConfigurationFilter filter) {
        Arn arn = destination(text, service);
        if (events.isEmpty()) {
            throw S3Errors.invalidArgument("Unable to validate the following destination configurations: "
                    + arn + " (no event types)");
        }
        for (String e : events) {
            if (Event.fromValue(e) == Event.UNKNOWN_TO_SDK_VERSION) {
                throw S3Errors.invalidArgument("The event is not supported for notifications: " + e);
            }
        }
        String prefix = null;
        String suffix = null;
        if (filter != null && filter.key() != null) {
            for (FilterRule r : filter.key().filterRules()) {
                String name = r.nameAsString() == null ? "" : r.nameAsString().toLowerCase(Locale.ROOT);
                String value = r.value() == null ? "" : r.value();
                if (name.equals("prefix")) {
                    if (prefix != null) {
                        throw S3Errors.invalidArgument("Cannot specify more than one prefix rule in a filter.");
                    }
                    prefix = value;
                } else if (name.equals("suffix")) {
                    if (suffix != null) {
                        throw S3Errors.invalidArgument("Cannot specify more than one suffix rule in a filter.");
                    }
                    suffix = value;
                } else {
                    throw S3Errors.invalidArgument("filter rule name must be either prefix or suffix");
                }
            }
        }
        return new Target(arn, events, prefix == null ? "" : prefix, suffix == null ? "" : suffix);
    }

    /**
     * A destination's ARN: of the service the configuration names (a queue for QueueConfiguration, ...),
     * with a region and a 12-digit account; a function's resource is {@code function:name[:qualifier]}.
     */
    private static Arn destination(String text, String service) {
        Arn arn = Arn.tryParse(text).orElse(null);
        if (arn == null || !PARTITION.matcher(arn.partition()).matches() || !arn.service().equals(service)
                || !REGION.matcher(arn.region()).matches() || !ACCOUNT.matcher(arn.account()).matches()
                || (service.equals("lambda") && !arn.resource().startsWith("function:"))) {
            throw S3Errors.invalidArgument("The ARN is not well formed: " + text);
        }
        return arn;
    }

    /** Two configurations overlap when they share an event type and some key could match both filters. */
    private static boolean overlap(Target a, Target b) {
        boolean sharedEvent = a.events.stream().anyMatch(x -> b.events.stream().anyMatch(y -> eventsOverlap(x, y)));
        boolean prefixes = a.prefix.startsWith(b.prefix) || b.prefix.startsWith(a.prefix);
        boolean suffixes = a.suffix.endsWith(b.suffix) || b.suffix.endsWith(a.suffix);
        return sharedEvent && prefixes && suffixes;
    }

    /** {@code s3:ObjectCreated:*} covers {@code s3:ObjectCreated:Put}. */
    private static boolean eventsOverlap(String x, String y) {
        if (x.equals(y)) {
            return true;
        }
        String fx = family(x);
        String fy = family(y);
        return fx.equals(fy) && (x.endsWith(":*") || y.endsWith(":*"));
    }

    private static String family(String event) {
        int last = event.lastIndexOf(':');
        return last > 2 ? event.substring(0, last) : event;
    }
}
