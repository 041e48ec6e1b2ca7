package io.eventharness.emulator.sns;

import static io.eventharness.emulator.sns.SnsFixture.array;
import static io.eventharness.emulator.sns.SnsFixture.attrs;
import static io.eventharness.emulator.sns.SnsFixture.number;
import static io.eventharness.emulator.sns.SnsFixture.string;
import static org.assertj.core.api.Assertions.assertThat;

import io.eventharness.emulator.TestAws;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;

/** Each kind of filter rule, in both scopes, delivered and filtered out, through SNS → SQS. */
class SnsFilterPolicyTest {
    private static final String ATTRS = "MessageAttributes";
    private static final String BODY = "MessageBody";
    private final SnsFixture f = new SnsFixture();

    static Stream<Arguments> attributeCases() {
        return Stream.of(
                Arguments.of("exact string", "{\"color\":[\"red\"]}", attrs("color", string("red")), true),
                Arguments.of("exact string, other value", "{\"color\":[\"red\"]}", attrs("color", string("blue")), false),
                Arguments.of("exact string, no attribute", "{\"color\":[\"red\"]}", attrs(), false),
                Arguments.of("exact string is case-sensitive", "{\"color\":[\"red\"]}", attrs("color", string("RED")), false),
                Arguments.of("array is OR", "{\"color\":[\"red\",\"green\"]}", attrs("color", string("green")), true),
                Arguments.of("keys are AND", "{\"a\":[\"x\"],\"b\":[\"y\"]}", attrs("a", string("x")), false),
                Arguments.of("keys are AND, both", "{\"a\":[\"x\"],\"b\":[\"y\"]}", attrs("a", string("x"), "b", string("y")), true),
                Arguments.of("exact number", "{\"price\":[100]}", attrs("price", number("100.0")), true),
                Arguments.of("exact number, other", "{\"price\":[100]}", attrs("price", number("101")), false),
                Arguments.of("exact number is not a string", "{\"price\":[100]}", attrs("price", string("100")), false),
                Arguments.of("prefix", "{\"color\":[{\"prefix\":\"re\"}]}", attrs("color", string("red")), true),
                Arguments.of("prefix, no", "{\"color\":[{\"prefix\":\"re\"}]}", attrs("color", string("blue")), false),
                Arguments.of("suffix", "{\"file\":[{\"suffix\":\".png\"}]}", attrs("file", string("a.png")), true),
                Arguments.of("suffix, no", "{\"file\":[{\"suffix\":\".png\"}]}", attrs("file", string("a.jpg")), false),
                Arguments.of("anything-but values", "{\"color\":[{\"anything-but\":[\"red\",\"blue\"]}]}", attrs("color", string("green")), true),
                Arguments.of("anything-but values, excluded", "{\"color\":[{\"anything-but\":[\"red\",\"blue\"]}]}", attrs("color", string("red")), false),
                Arguments.of("anything-but needs the attribute", "{\"color\":[{\"anything-but\":\"red\"}]}", attrs(), false),
                Arguments.of("anything-but numbers", "{\"n\":[{\"anything-but\":[1,2]}]}", attrs("n", number("3")), true),
                Arguments.of("anything-but numbers, excluded", "{\"n\":[{\"anything-but\":[1,2]}]}", attrs("n", number("2")), false),
                Arguments.of("anything-but prefix", "{\"c\":[{\"anything-but\":{\"prefix\":\"re\"}}]}", attrs("c", string("blue")), true),
                Arguments.of("anything-but prefix, excluded", "{\"c\":[{\"anything-but\":{\"prefix\":\"re\"}}]}", attrs("c", string("red")), false),
                Arguments.of("anything-but suffix", "{\"c\":[{\"anything-but\":{\"suffix\":\"ed\"}}]}", attrs("c", string("blue")), true),
                Arguments.of("anything-but suffix, excluded", "{\"c\":[{\"anything-but\":{\"suffix\":\"ed\"}}]}", attrs("c", string("red")), false),
                Arguments.of("numeric range", "{\"p\":[{\"numeric\":[\">\",0,\"<=\",100]}]}", attrs("p", number("50.5")), true),
                Arguments.of("numeric range, upper bound", "{\"p\":[{\"numeric\":[\">\",0,\"<=\",100]}]}", attrs("p", number("100")), true),
                Arguments.of("numeric range, above", "{\"p\":[{\"numeric\":[\">\",0,\"<=\",100]}]}", attrs("p", number("150")), false),
                Arguments.of("numeric range, lower bound excluded", "{\"p\":[{\"numeric\":[\">\",0,\"<=\",100]}]}", attrs("p", number("0")), false),
                Arguments.of("numeric equals", "{\"p\":[{\"numeric\":[\"=\",0.1]}]}", attrs("p", number("0.10")), true),
                Arguments.of("numeric needs a Number", "{\"p\":[{\"numeric\":[\"<\",10]}]}", attrs("p", string("5")), false),
                Arguments.of("exists true", "{\"k\":[{\"exists\":true}]}", attrs("k", string("v")), true),
                Arguments.of("exists true, absent", "{\"k\":[{\"exists\":true}]}", attrs("other", string("v")), false),
                Arguments.of("exists false, absent", "{\"k\":[{\"exists\":false}]}", attrs("other", string("v")), true),
                Arguments.of("exists false, present", "{\"k\":[{\"exists\":false}]}", attrs("k", string("v")), false),
                Arguments.of("equals-ignore-case", "{\"c\":[{\"equals-ignore-case\":\"RED\"}]}", attrs("c", string("rEd")), true),
                Arguments.of("equals-ignore-case, no", "{\"c\":[{\"equals-ignore-case\":\"RED\"}]}", attrs("c", string("blue")), false),
                Arguments.of("cidr", "{\"ip\":[{\"cidr\":\"10.0.0.0/24\"}]}", attrs("ip", string("10.0.0.7")), true),
                Arguments.of("cidr, outside", "{\"ip\":[{\"cidr\":\"10.0.0.0/24\"}]}", attrs("ip", string("10.0.1.7")), false),
                Arguments.of("cidr, IPv6", "{\"ip\":[{\"cidr\":\"2001:db8::/32\"}]}", attrs("ip", string("2001:db8::1")), true),
                Arguments.of("$or, second branch", "{\"$or\":[{\"a\":[\"x\"]},{\"b\":[\"y\"]}]}", attrs("b", string("y")), true),
                Arguments.of("$or, no branch", "{\"$or\":[{\"a\":[\"x\"]},{\"b\":[\"y\"]}]}", attrs("a", string("z")), false),
                Arguments.of("String.Array, any element", "{\"c\":[\"red\"]}", attrs("c", array("[\"blue\",\"red\"]")), true),
                Arguments.of("String.Array, none", "{\"c\":[\"red\"]}", attrs("c", array("[\"blue\"]")), false),
                Arguments.of("String.Array of numbers", "{\"n\":[{\"numeric\":[\">\",5]}]}", attrs("n", array("[1, 7]")), true),
                Arguments.of("Binary attributes are ignored", "{\"b\":[{\"exists\":true}]}", attrs("b",
                        MessageAttributeValue.builder().dataType("Binary").binaryValue(SdkBytes.fromUtf8String("x")).build()), false));
    }

    static Stream<Arguments> bodyCases() {
        return Stream.of(
                Arguments.of("nested key", "{\"order\":{\"status\":[\"paid\"]}}", "{\"order\":{\"status\":\"paid\"}}", true),
                Arguments.of("nested key, other value", "{\"order\":{\"status\":[\"paid\"]}}", "{\"order\":{\"status\":\"open\"}}", false),
                Arguments.of("nested key, missing", "{\"order\":{\"status\":[\"paid\"]}}", "{\"status\":\"paid\"}", false),
                Arguments.of("arrays of objects in the body", "{\"items\":{\"sku\":[{\"prefix\":\"A\"}]}}",
                        "{\"items\":[{\"sku\":\"B1\"},{\"sku\":\"A2\"}]}", true),
                Arguments.of("array of values in the body", "{\"tags\":[\"x\"]}", "{\"tags\":[\"y\",\"x\"]}", true),
                Arguments.of("numeric", "{\"total\":[{\"numeric\":[\">=\",10]}]}", "{\"total\":12.5}", true),
                Arguments.of("numeric, below", "{\"total\":[{\"numeric\":[\">=\",10]}]}", "{\"total\":5}", false),
                Arguments.of("boolean", "{\"paid\":[true]}", "{\"paid\":true}", true),
                Arguments.of("boolean is not a string", "{\"paid\":[true]}", "{\"paid\":\"true\"}", false),
                Arguments.of("null", "{\"coupon\":[null]}", "{\"coupon\":null}", true),
                Arguments.of("exists false", "{\"coupon\":[{\"exists\":false}]}", "{\"total\":1}", true),
                Arguments.of("exists false, present", "{\"coupon\":[{\"exists\":false}]}", "{\"coupon\":\"X\"}", false),
                Arguments.of("suffix", "{\"key\":[{\"suffix\":\".csv\"}]}", "{\"key\":\"in/a.csv\"}", true),
                Arguments.of("anything-but", "{\"state\":[{\"anything-but\":[\"draft\"]}]}", "{\"state\":\"draft\"}", false),
                Arguments.of("equals-ignore-case", "{\"s\":[{\"equals-ignore-case\":\"ok\"}]}", "{\"s\":\"OK\"}", true),
                Arguments.of("cidr", "{\"src\":{\"ip\":[{\"cidr\":\"192.168.0.0/16\"}]}}", "{\"src\":{\"ip\":\"192.168.4.2\"}}", true),
                Arguments.of("$or with nesting", "{\"$or\":[{\"a\":{\"b\":[\"x\"]}},{\"c\":[\"y\"]}]}", "{\"a\":{\"b\":\"x\"}}", true),
                Arguments.of("$or with nesting, none", "{\"$or\":[{\"a\":{\"b\":[\"x\"]}},{\"c\":[\"y\"]}]}", "{\"a\":{\"b\":\"y\"}}", false),
                Arguments.of("a body that is not JSON", "{\"a\":[\"x\"]}", "just text", false));
    }

    @ParameterizedTest(name = "MessageAttributes: {0}")
    @MethodSource("attributeCases")
    void attributeScope(String name, String policy, Map<String, MessageAttributeValue> attributes, boolean delivered) {
        Setup s = setup(ATTRS, policy);
        f.sns.publish(b -> b.topicArn(s.topic).message("m").messageAttributes(attributes));
        assertThat(f.drain(s.queue)).as(name).hasSize(delivered ? 1 : 0);
    }

    @ParameterizedTest(name = "MessageBody: {0}")
    @MethodSource("bodyCases")
    void bodyScope(String name, String policy, String body, boolean delivered) {
        Setup s = setup(BODY, policy);
        f.sns.publish(b -> b.topicArn(s.topic).message(body));
        assertThat(f.drain(s.queue)).as(name).hasSize(delivered ? 1 : 0);
    }

    @Test
    void bodyScopeReadsTheSqsMessageOfAJsonStructure() {
        Setup s = setup(BODY, "{\"kind\":[\"sqs\"]}");
        f.sns.publish(b -> b.topicArn(s.topic).messageStructure("json")
                .message("{\"default\":\"{\\\"kind\\\":\\\"default\\\"}\",\"sqs\":\"{\\\"kind\\\":\\\"sqs\\\"}\"}"));
        assertThat(f.drain(s.queue)).hasSize(1);
    }

    @Test
    void aFilteredMessageIsRecordedInTheTrail() {
        Setup s = setup(ATTRS, "{\"color\":[\"red\"]}");
        long since = TestAws.emulator().trail().lastSeq();
        f.sns.publish(b -> b.topicArn(s.topic).message("blue one").messageAttributes(attrs("color", string("blue"))));
        f.sns.publish(b -> b.topicArn(s.topic).message("red one").messageAttributes(attrs("color", string("red"))));
        var entries = TestAws.emulator().trail().since(since).stream().filter(e -> e.source().equals(s.topic)).toList();
        assertThat(entries).extracting(e -> e.outcome() + ":" + e.summary())
                .containsExactly("filtered:blue one", "delivered:" + entries.get(1).summary());
        assertThat(entries.get(1).summary()).contains("red one");
        assertThat(entries.get(0).target()).isEqualTo(f.arnOf(s.queue));
    }

    @Test
    void changingThePolicyTakesEffectAtOnce() {
        Setup s = setup(ATTRS, "{\"color\":[\"red\"]}");
        f.sns.setSubscriptionAttributes(b -> b.subscriptionArn(s.subscription).attributeName("FilterPolicy")
                .attributeValue("{\"color\":[\"blue\"]}"));
        f.sns.publish(b -> b.topicArn(s.topic).message("m").messageAttributes(attrs("color", string("blue"))));
        assertThat(f.drain(s.queue)).hasSize(1);
        f.sns.setSubscriptionAttributes(b -> b.subscriptionArn(s.subscription).attributeName("FilterPolicy").attributeValue(""));
        f.sns.publish(b -> b.topicArn(s.topic).message("m"));
        assertThat(f.drain(s.queue)).as("no policy: everything").hasSize(1);
    }

    private record Setup(String topic, String queue, String subscription) {
    }

    private Setup setup(String scope, String policy) {
        String topic = f.topic();
        String queue = f.queue();
        String sub = f.subscribe(topic, queue, Map.of("FilterPolicyScope", scope, "FilterPolicy", policy));
        return new Setup(topic, queue, sub);
    }
}
