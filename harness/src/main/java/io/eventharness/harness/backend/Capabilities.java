package io.eventharness.harness.backend;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a backend serves and can do: its {@link Feature}s, and the services it serves by signing name (as a request's
 * credential scope names them: {@code dynamodb}, {@code events}, ...), or all of them.
 *
 * @param features what it can do beyond the services' APIs
 * @param services the services it serves; null when it serves every AWS service (AWS itself, and LocalStack as far as
 *                 the harness can tell without asking)
 */
public record Capabilities(Set<Feature> features, Set<String> services) {
    /** What real AWS does: everything but a movable clock and the emulator's trail. */
    public static final Capabilities AWS = new Capabilities(EnumSet.of(Feature.SNS_TO_SQS, Feature.SNS_TO_LAMBDA,
            Feature.S3_NOTIFICATIONS, Feature.SQS_EVENT_SOURCE, Feature.KINESIS_EVENT_SOURCE, Feature.DYNAMODB_EVENT_SOURCE), null);
    /** LocalStack: as AWS, without a movable clock or a trail. */
    public static final Capabilities LOCALSTACK = AWS;

    public Capabilities {
        features = features.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(features));
        services = services == null ? null : Set.copyOf(new TreeSet<>(services));
    }

    /** What {@code GET /_harness/health} names: feature ids (unknown ones left out) and services. */
    public static Capabilities of(Collection<String> featureIds, Collection<String> services) {
        Set<Feature> f = EnumSet.noneOf(Feature.class);
        featureIds.forEach(id -> Feature.byId(id).ifPresent(f::add));
        return new Capabilities(f, services == null ? null : Set.copyOf(services));
    }

    public boolean supports(Feature f) {
        return features.contains(f);
    }

    public boolean serves(String service) {
        return services == null || services.contains(service.toLowerCase(Locale.ROOT));
    }

    /** What of {@code needed} and {@code neededServices} is missing here, in words ({@code "Lambda polling SQS queues
     * (event source mappings)"}, {@code "the service dynamodb"}); empty when nothing is. */
    public List<String> missing(Collection<Feature> needed, Collection<String> neededServices) {
        List<String> out = new ArrayList<>();
        needed.stream().filter(f -> !supports(f)).forEach(f -> out.add(f.description()));
        neededServices.stream().filter(s -> !serves(s)).forEach(s -> out.add("the service " + s));
        return out;
    }
}
