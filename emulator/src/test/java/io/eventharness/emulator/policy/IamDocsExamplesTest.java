package io.eventharness.emulator.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.eventharness.emulator.core.Arn;
import io.eventharness.emulator.core.Json;
import io.eventharness.emulator.policy.AppliedPolicies.Source;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The examples of AWS's IAM user guide, each with the outcome the guide gives it ({@code iam-docs-examples.json}:
 * the page, the policies, the principal, the request and the expected decision, and for some the policy type that
 * decides, the statement, AWS's message or the statement that would allow it).
 */
class IamDocsExamplesTest {

    static Stream<Arguments> examples() throws IOException {
        try (InputStream in = IamDocsExamplesTest.class.getResourceAsStream("iam-docs-examples.json")) {
            List<Arguments> out = new ArrayList<>();
            for (JsonNode e : Json.MAPPER.readTree(in)) {
                out.add(Arguments.of(e.get("name").asText(), e));
            }
            return out.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void decidesAsTheGuideSays(String name, JsonNode e) {
        Decision d = PolicyEvaluator.evaluate(request(e), policies(e));

        assertThat(d.outcome()).as(e.get("doc").asText()).isEqualTo(Decision.Outcome.valueOf(e.get("expect").asText()));
        if (e.has("deciding")) {
            assertThat(d.type()).isEqualTo(Decision.PolicyType.valueOf(e.get("deciding").asText()));
        }
        if (e.has("sid")) {
            assertThat(d.statement().sid()).isEqualTo(e.get("sid").asText());
        }
        if (e.has("message")) {
            assertThat(d.message()).isEqualTo(e.get("message").asText());
        }
        if (e.has("allowing")) {
            assertThat(d.allowingStatement()).isEqualTo(e.get("allowing").asText());
        }
    }

    static AccessRequest request(JsonNode e) {
        Instant now = Instant.parse(e.path("now").asText("2026-11-25T00:00:00Z"));
        AccessRequest r = AccessRequest.of(principal(e.get("principal")), e.get("action").asText(), e.get("resource").asText(), now);
        Iterator<Map.Entry<String, JsonNode>> keys = e.path("context").fields();
        while (keys.hasNext()) {
            Map.Entry<String, JsonNode> k = keys.next();
            List<String> values = new ArrayList<>();
            if (k.getValue().isArray()) {
                k.getValue().forEach(v -> values.add(v.asText()));
            } else {
                values.add(k.getValue().asText());
            }
            r = r.withAll(k.getKey(), values);
        }
        return r;
    }

    static Principal principal(JsonNode p) {
        if (p.has("root")) {
            return Principal.root();
        }
        if (p.has("service")) {
            return Principal.service(p.get("service").asText());
        }
        String account = p.get("account").asText();
        if (p.has("user")) {
            return Principal.user(new Arn("aws", "iam", "", account, "user/" + p.get("user").asText()), "AIDAEXAMPLE");
        }
        return Principal.roleSession(new Arn("aws", "iam", "", account, "role/" + p.get("role").asText()),
                p.path("roleId").asText("AROAEXAMPLE"), p.get("session").asText());
    }

    static AppliedPolicies policies(JsonNode e) {
        List<Source> identity = new ArrayList<>();
        int i = 0;
        for (JsonNode d : e.path("identity")) {
            identity.add(Source.of("identity policy " + ++i, d.toString()));
        }
        List<Source> session = new ArrayList<>();
        for (JsonNode d : e.path("session")) {
            session.add(Source.of("session policy", d.toString()));
        }
        return AppliedPolicies.identity(identity)
                .withResource(e.has("resourcePolicy") ? Source.of("resource policy", e.get("resourcePolicy").toString()) : null)
                .withBoundary(e.has("boundary") ? Source.of("boundary", e.get("boundary").toString()) : null)
                .withSession(session);
    }
}
