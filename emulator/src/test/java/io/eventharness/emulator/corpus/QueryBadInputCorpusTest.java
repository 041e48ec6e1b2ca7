package io.eventharness.emulator.corpus;

import static io.eventharness.emulator.corpus.BadRequest.query;

import io.eventharness.emulator.TestAws;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input for the query protocol of SNS, IAM and STS, sent as raw signed form POSTs: each must
 * get {@code <ErrorResponse>} with the code AWS gives, as a 4xx, promptly, and leave the server
 * serving. Codes follow the services' "Common Errors" pages (MissingAction, InvalidAction,
 * MalformedQueryString, InvalidParameterValue) and their model validation (ValidationError).
 */
class QueryBadInputCorpusTest {
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static final String TOPIC = "arn:aws:sns:us-east-1:000000000000:corpus-absent";
    private static final String ROLE_DOC = "%7B%22Version%22%3A%222012-10-17%22%2C%22Statement%22%3A%5B%5D%7D";
    private static String queueUrl;

    @BeforeAll
    static void queue() {
        queueUrl = TestAws.sqs().createQueue(b -> b.queueName(TestAws.unique("query-corpus"))).queueUrl();
    }

    /** The rows every query service shares, for {@code service} at API {@code version}, with a valid {@code action}. */
    private static Stream<BadRequest> common(String service, String version, String action) {
        String v = "&Version=" + version;
        return Stream.of(
                row(service, "missing Action", "Version=" + version, "MissingAction"),
                row(service, "empty Action", "Action=" + v, "MissingAction"),
                row(service, "unknown Action", "Action=NoSuchAction" + v, "InvalidAction"),
                row(service, "Action of another service", "Action=SendMessage" + v, "InvalidAction"),
                // Coral answers an operation asked for at an API version it does not have with InvalidAction
                row(service, "wrong Version", "Action=" + action + "&Version=2099-01-01", "InvalidAction"),
                row(service, "malformed percent-encoding", "Action=" + action + v + "&Marker=%zz", "MalformedQueryString"),
                row(service, "truncated percent-encoding", "Action=" + action + v + "&Marker=%4", "MalformedQueryString"),
                query(service + ": malformed percent-encoding in the URL", service, "/?Action=" + action + v + "&x=%zz", "",
                        400, Envelope.QUERY_XML, "MalformedQueryString"));
    }

    static Stream<BadRequest> snsCases() {
        String v = "&Version=2010-03-31";
        return Stream.concat(common("sns", "2010-03-31", "ListTopics"), Stream.of(
                row("sns", "CreateTopic without Name", "Action=CreateTopic" + v, "ValidationError"),
                row("sns", "Publish without Message", "Action=Publish" + v + "&TopicArn=" + TOPIC, "ValidationError"),
                row("sns", "Subscribe without Protocol", "Action=Subscribe" + v + "&TopicArn=" + TOPIC, "ValidationError"),
                row("sns", "boolean parameter not a boolean", "Action=Subscribe" + v + "&TopicArn=" + TOPIC
                        + "&Protocol=sqs&ReturnSubscriptionArn=maybe", "InvalidParameterValue"),
                row("sns", "map entry without a key", "Action=CreateTopic" + v + "&Name=t&Attributes.entry.1.value=x",
                        "InvalidParameterValue")));
    }

    static Stream<BadRequest> iamCases() {
        String v = "&Version=2010-05-08";
        return Stream.concat(common("iam", "2010-05-08", "ListRoles"), Stream.of(
                row("iam", "CreateRole without parameters", "Action=CreateRole" + v, "ValidationError"),
                row("iam", "CreateRole without a trust policy", "Action=CreateRole" + v + "&RoleName=r", "ValidationError"),
                row("iam", "GetRole without RoleName", "Action=GetRole" + v, "ValidationError"),
                row("iam", "integer parameter not a number", "Action=CreateRole" + v + "&RoleName=r&AssumeRolePolicyDocument="
                        + ROLE_DOC + "&MaxSessionDuration=an-hour", "InvalidParameterValue"),
                row("iam", "integer parameter overflowing", "Action=ListRoles" + v + "&MaxItems=99999999999999", "InvalidParameterValue"),
                row("iam", "integer parameter below its minimum", "Action=ListRoles" + v + "&MaxItems=0", "ValidationError"),
                row("iam", "list index not a number", "Action=TagRole" + v + "&RoleName=r&Tags.member.x.Key=k", "ValidationError")));
    }

    static Stream<BadRequest> stsCases() {
        String v = "&Version=2011-06-15";
        return Stream.concat(common("sts", "2011-06-15", "GetCallerIdentity"), Stream.of(
                row("sts", "AssumeRole without parameters", "Action=AssumeRole" + v, "ValidationError"),
                row("sts", "AssumeRole without RoleSessionName", "Action=AssumeRole" + v
                        + "&RoleArn=arn:aws:iam::000000000000:role/r", "ValidationError"),
                row("sts", "integer parameter not a number", "Action=GetSessionToken" + v + "&DurationSeconds=soon",
                        "InvalidParameterValue"),
                row("sts", "integer parameter overflowing", "Action=GetSessionToken" + v + "&DurationSeconds=99999999999999",
                        "InvalidParameterValue"),
                row("sts", "integer parameter out of range", "Action=GetSessionToken" + v + "&DurationSeconds=1",
                        "ValidationError")));
    }

    private static BadRequest row(String service, String name, String form, String code) {
        return query(service + ": " + name, service, "/", form, 400, Envelope.QUERY_XML, code);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource({"snsCases", "iamCases", "stsCases"})
    void answersWithTheQueryErrorAndKeepsServing(BadRequest bad) throws Exception {
        Corpus.assertRejected(HTTP, TestAws.emulator().endpoint(), bad, queueUrl);
        Corpus.assertStillServing(queueUrl);
    }
}
