package io.eventharness.emulator.s3;

import io.eventharness.emulator.core.Arn;
import io.eventharness.emulator.core.AwsException;
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
 * one suffix rule per filter (names in any case, stored as {@code Prefix} and {@code Suffix}), no two
 * configurations sharing an event type with overlapping filters, and destinations that exist and whose resource
 * policy lets S3 send to them. Configurations without an Id are given one, as S3 does.
 */
final class NotificationRules {
    private static final Pattern PARTITION = Pattern.compile("aws[a-z-]*");
    private static final Pattern REGION = Pattern.compile("[a-z0-9-]+");
    private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");
    static final String UNABLE_TO_VALIDATE = "Unable to validate the following destination configurations";

    /** One configuration reduced to what the checks need. */
    private record Target(Arn arn, List<String> events, String prefix, String suffix) {
    }

    /**
     * A configuration ready to store, and the queues and topics that get the {@code s3:TestEvent} message (none when
     * destination validation was skipped).
     */
    record Validated(NotificationConfiguration configuration, List<Arn> tested) {
    }

    /** How strictly destinations are checked. */
    enum DestinationCheck {
        /** {@code x-amz-skip-destination-validation}: no check at all, and no test message. */
        SKIPPED,
        /** Destinations must exist; their resource policies are not read (the emulator's relaxing switch). */
        EXISTENCE,
        /** Destinations must exist and allow S3, as in AWS. */
        EXISTENCE_AND_POLICY
    }

    private NotificationRules() {
    }

    static Validated validate(NotificationConfiguration c, S3Destinations destinations, DestinationCheck check, Arn bucket) {
        List<Target> targets = new ArrayList<>();
        List<QueueConfiguration> queues = new ArrayList<>();
        for (QueueConfiguration q : c.queueConfigurations()) {
            targets.add(target(q.queueArn(), "sqs", "Queue", q.eventsAsStrings(), q.filter()));
            queues.add(q.toBuilder().id(id(q.id())).filter(normalised(q.filter())).build());
        }
        List<TopicConfiguration> topics = new ArrayList<>();
        for (TopicConfiguration t : c.topicConfigurations()) {
            targets.add(target(t.topicArn(), "sns", "Topic", t.eventsAsStrings(), t.filter()));
            topics.add(t.toBuilder().id(id(t.id())).filter(normalised(t.filter())).build());
        }
        List<LambdaFunctionConfiguration> functions = new ArrayList<>();
        for (LambdaFunctionConfiguration f : c.lambdaFunctionConfigurations()) {
            targets.add(target(f.lambdaFunctionArn(), "lambda", "CloudFunction", f.eventsAsStrings(), f.filter()));
            functions.add(f.toBuilder().id(id(f.id())).filter(normalised(f.filter())).build());
        }
        for (int i = 0; i < targets.size(); i++) {
            for (int j = i + 1; j < targets.size(); j++) {
                if (overlap(targets.get(i), targets.get(j))) {
                    throw S3Errors.invalidArgument("Configurations overlap. Configurations on the same bucket cannot "
                            + "share a common event type.");
                }
            }
        }
        List<Arn> tested = new ArrayList<>();
        if (check != DestinationCheck.SKIPPED) {
            List<Arn> arns = targets.stream().map(Target::arn).distinct().toList();
            checkDestinations(arns, destinations, check == DestinationCheck.EXISTENCE_AND_POLICY, bucket);
            arns.stream().filter(a -> !a.service().equals("lambda")).forEach(tested::add);
        }
        NotificationConfiguration valid = c.toBuilder().queueConfigurations(queues).topicConfigurations(topics)
                .lambdaFunctionConfigurations(functions).build();
        return new Validated(valid, tested);
    }

    /**
     * S3's answer when destinations fail: one InvalidArgument listing each as {@code ArgumentNameN} (the ARN) and
     * {@code ArgumentValueN} (why), in the order of the configuration.
     */
    private static void checkDestinations(List<Arn> arns, S3Destinations destinations, boolean policies, Arn bucket) {
        AwsException failed = null;
        int n = 0;
        for (Arn arn : arns) {
            String why = null;
            String name = arn.toString();
            boolean function = arn.service().equals("lambda");
            if (!destinations.exists(arn)) {
                why = function ? "The destination Lambda does not exist" : "The destination " + noun(arn) + " does not exist";
            } else if (policies && !destinations.allowsS3(arn, bucket)) {
                name = function ? arn + ", null" : name;
                why = function ? "Not authorized to invoke function [" + arn + "]"
                        : "Permissions on the destination " + noun(arn) + " do not allow S3 to publish notifications from this bucket";
            }
            if (why != null) {
                failed = failed == null ? AwsException.of(400, "InvalidArgument", UNABLE_TO_VALIDATE) : failed;
                n++;
                failed.withMember("ArgumentName" + n, name).withMember("ArgumentValue" + n, why);
            }
        }
        if (failed != null) {
            throw failed;
        }
    }

    private static String noun(Arn destination) {
        return destination.service().equals("sqs") ? "queue" : "topic";
    }

    private static String id(String given) {
        return given != null ? given : Ids.uuid();
    }

    private static Target target(String text, String service, String argument, List<String> events,
                                 NotificationConfigurationFilter filter) {
        Arn arn = destination(text, service, argument);
        if (events.isEmpty()) {
            throw S3Errors.malformedXml(); // the schema requires at least one Event
        }
        for (String e : events) {
            if (Event.fromValue(e) == Event.UNKNOWN_TO_SDK_VERSION) {
                throw S3Errors.invalidArgument("The event is not supported for notifications", "Event", e);
            }
        }
        String prefix = null;
        String suffix = null;
        for (FilterRule r : rules(filter)) {
            String name = r.nameAsString() == null ? "" : r.nameAsString().toLowerCase(Locale.ROOT);
            String value = r.value() == null ? "" : r.value();
            if (name.equals("prefix")) {
                if (prefix != null) {
                    throw S3Errors.invalidArgument("Cannot specify more than one prefix rule in a filter.",
                            "FilterRule.Name", r.nameAsString());
                }
                prefix = value;
            } else if (name.equals("suffix")) {
                if (suffix != null) {
                    throw S3Errors.invalidArgument("Cannot specify more than one suffix rule in a filter.",
                            "FilterRule.Name", r.nameAsString());
                }
                suffix = value;
            } else {
                throw S3Errors.invalidArgument("filter rule name must be either prefix or suffix", "FilterRule.Name",
                        r.nameAsString());
            }
        }
        return new Target(arn, events, prefix == null ? "" : prefix, suffix == null ? "" : suffix);
    }

    private static List<FilterRule> rules(NotificationConfigurationFilter filter) {
        return filter == null || filter.key() == null ? List.of() : filter.key().filterRules();
    }

    /** Rule names as S3 stores and returns them, {@code Prefix} and {@code Suffix}, whatever case they came in. */
    private static NotificationConfigurationFilter normalised(NotificationConfigurationFilter filter) {
        if (filter == null || filter.key() == null) {
            return filter;
        }
        List<FilterRule> rules = filter.key().filterRules().stream().map(r -> r.toBuilder()
                .name(r.nameAsString().equalsIgnoreCase("prefix") ? "Prefix" : "Suffix").build()).toList();
        return filter.toBuilder().key(filter.key().toBuilder().filterRules(rules).build()).build();
    }

    /**
     * A destination's ARN: of the service the configuration names (a queue for QueueConfiguration, ...),
     * with a region and a 12-digit account; a function's resource is {@code function:name[:qualifier]}.
     */
    private static Arn destination(String text, String service, String argument) {
        Arn arn = Arn.tryParse(text).orElse(null);
        if (arn == null || !PARTITION.matcher(arn.partition()).matches() || !arn.service().equals(service)
                || !REGION.matcher(arn.region()).matches() || !ACCOUNT.matcher(arn.account()).matches()
                || (service.equals("lambda") && !arn.resource().startsWith("function:"))) {
            throw S3Errors.invalidArgument("The ARN could not be parsed", argument, text);
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
