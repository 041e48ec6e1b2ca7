package io.eventharness.emulator;

import io.eventharness.emulator.http.Headers;
import io.eventharness.emulator.http.HttpRequest;
import io.eventharness.emulator.pipeline.FrontDoor;
import io.eventharness.emulator.routing.ServiceBinding;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * What a service's first request needs, prepared before it comes: once the services are built, a background
 * thread builds each service's model, codecs and routes ({@link ServiceBinding#warmUp()}) and then serves it one
 * read-only request through the pipeline, in-process ({@link FrontDoor#serveUnlogged}): the protocol's parser and
 * writer (Jackson, the XML parser), the request and response shapes of a list operation and the service's own
 * classes are then loaded and initialised. The requests change nothing (they list), leave nothing in the trail and
 * are not in the request log. A service whose warm-up fails is reported by its first real request. Before each step
 * the warm-up waits while a client's request is being served ({@link FrontDoor#awaitNoClientRequest()}): the first
 * requests, which come while it runs, need both cores more than it does.
 */
final class WarmUp {
    /** One read-only request per service, by signing name and {@code X-Amz-Target} where two share one. */
    private record Probe(String service, String method, String path, String query, Map<String, String> headers, String body) {
    }

    private static final String JSON_10 = "application/x-amz-json-1.0";
    private static final String JSON_11 = "application/x-amz-json-1.1";
    private static final String FORM = "application/x-www-form-urlencoded";

    /** In the order services are most often first asked for. */
    private static final List<Probe> PROBES = List.of(
            new Probe("s3", "GET", "/", null, Map.of(), ""),
            json("sqs", JSON_10, "AmazonSQS.ListQueues"),
            json("dynamodb", JSON_10, "DynamoDB_20120810.ListTables"),
            new Probe("lambda", "GET", "/2015-03-31/functions/", null, Map.of(), ""),
            form("sns", "Action=ListTopics&Version=2010-03-31"),
            json("kinesis", JSON_11, "Kinesis_20131202.ListStreams"),
            json("logs", JSON_11, "Logs_20140328.DescribeLogGroups"),
            form("iam", "Action=ListRoles&Version=2010-05-08"),
            form("sts", "Action=GetCallerIdentity&Version=2011-06-15"),
            json("events", JSON_11, "AWSEvents.ListEventBuses"),
            new Probe("scheduler", "GET", "/schedules", null, Map.of(), ""),
            json("dynamodb", JSON_10, "DynamoDBStreams_20120810.ListStreams"));

    private WarmUp() {
    }

    private static Probe json(String service, String contentType, String target) {
        return new Probe(service, "POST", "/", null, Map.of("Content-Type", contentType, "X-Amz-Target", target), "{}");
    }

    private static Probe form(String service, String body) {
        return new Probe(service, "POST", "/", null, Map.of("Content-Type", FORM), body);
    }

    /** Service by service: its bindings' models, codecs and routes, then its probe through the pipeline. */
    static void run(List<ServiceBinding> bindings, FrontDoor frontDoor) throws InterruptedException {
        for (Probe p : PROBES) {
            frontDoor.awaitNoClientRequest();
            bindings.stream().filter(b -> b.name().equals(p.service())).forEach(WarmUp::warmUp);
            frontDoor.awaitNoClientRequest();
            try {
                Headers h = new Headers().add("Host", "localhost")
                        .add("Authorization", "AWS4-HMAC-SHA256 Credential=warm-up/20000101/us-east-1/" + p.service()
                                + "/aws4_request, SignedHeaders=host, Signature=0");
                p.headers().forEach(h::add);
                frontDoor.serveUnlogged(new HttpRequest(p.method(), p.path(), p.query(), h, p.body().getBytes(StandardCharsets.UTF_8)));
            } catch (RuntimeException | LinkageError e) {
                // reported by the first request that needs this service
            }
        }
        bindings.forEach(WarmUp::warmUp); // any without a probe
    }

    private static void warmUp(ServiceBinding b) {
        try {
            b.warmUp();
        } catch (RuntimeException | LinkageError e) {
            // as above
        }
    }
}
