package io.eventharness.emulator.iam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventharness.emulator.TestAws;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.EntityAlreadyExistsException;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.iam.model.LimitExceededException;
import software.amazon.awssdk.services.iam.model.ListRolesResponse;
import software.amazon.awssdk.services.iam.model.MalformedPolicyDocumentException;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.Role;
import software.amazon.awssdk.services.iam.model.Tag;

class IamRolesTest {
    /** Spaces, a plus sign and non-ASCII text survive the round trip through URL encoding. */
    static final String TRUST = "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [{\"Sid\": \"a+b ünï\", \"Effect\": \"Allow\","
            + " \"Principal\": {\"Service\": \"lambda.amazonaws.com\"}, \"Action\": \"sts:AssumeRole\"}]\n}";

    private final IamClient iam = TestAws.iam();

    static String decode(String urlEncoded) {
        return URLDecoder.decode(urlEncoded, StandardCharsets.UTF_8);
    }

    private String createRole(String path) {
        String name = TestAws.unique("role");
        iam.createRole(b -> b.roleName(name).path(path).assumeRolePolicyDocument(TRUST));
        return name;
    }

    @Test
    void createGetDeleteRole() {
        String name = TestAws.unique("lambda-exec");
        Role created = iam.createRole(b -> b.roleName(name).path("/service-role/").assumeRolePolicyDocument(TRUST)
                .description("runs orders").maxSessionDuration(7200).tags(Tag.builder().key("team").value("orders").build())).role();
        assertThat(created.arn()).isEqualTo("arn:aws:iam::000000000000:role/service-role/" + name);
        assertThat(created.roleId()).startsWith("AROA").hasSize(21);
        assertThat(created.path()).isEqualTo("/service-role/");
        assertThat(created.createDate()).isNotNull();
        // IAM sends policy documents URL-encoded; the Java SDK hands them over as they came
        assertThat(created.assumeRolePolicyDocument()).startsWith("%7B%0A%20%20%22Version%22");
        assertThat(decode(created.assumeRolePolicyDocument())).isEqualTo(TRUST);

        Role got = iam.getRole(b -> b.roleName(name)).role();
        assertThat(got.roleId()).isEqualTo(created.roleId());
        assertThat(got.description()).isEqualTo("runs orders");
        assertThat(got.maxSessionDuration()).isEqualTo(7200);
        assertThat(got.tags()).containsExactly(Tag.builder().key("team").value("orders").build());
        assertThat(decode(got.assumeRolePolicyDocument())).isEqualTo(TRUST);
        // names are unique regardless of case, and lookups ignore case too
        assertThat(iam.getRole(b -> b.roleName(name.toUpperCase())).role().roleName()).isEqualTo(name);
        assertThatThrownBy(() -> iam.createRole(b -> b.roleName(name.toUpperCase()).assumeRolePolicyDocument(TRUST)))
                .isInstanceOf(EntityAlreadyExistsException.class).hasMessageContaining("already exists")
                .satisfies(e -> assertThat(((IamException) e).statusCode()).isEqualTo(409));

        iam.deleteRole(b -> b.roleName(name));
        assertThatThrownBy(() -> iam.getRole(b -> b.roleName(name)))
                .isInstanceOf(NoSuchEntityException.class).hasMessageContaining("cannot be found")
                .satisfies(e -> assertThat(((IamException) e).statusCode()).isEqualTo(404));
        assertThatThrownBy(() -> iam.deleteRole(b -> b.roleName(name))).isInstanceOf(NoSuchEntityException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "not json",
            "{\"Version\": \"2012-10-17\"}",
            "[]",
            "{\"Version\": \"2012-10-17\", \"Statement\": []}",
            "{\"Version\": \"2099-01-01\", \"Statement\": [{\"Effect\": \"Allow\", \"Principal\": {\"Service\": \"x\"}, \"Action\": \"sts:AssumeRole\"}]}",
            "{\"Statement\": [{\"Effect\": \"Maybe\", \"Principal\": {\"Service\": \"x\"}, \"Action\": \"sts:AssumeRole\"}]}",
            "{\"Statement\": [{\"Principal\": {\"Service\": \"x\"}, \"Action\": \"sts:AssumeRole\"}]}",
            "{\"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"sts:AssumeRole\"}]}",
            "{\"Statement\": [{\"Effect\": \"Allow\", \"Principal\": \"*\", \"Action\": \"sts:AssumeRole\", \"Resource\": \"*\"}]}",
            "{\"Statement\": {\"Effect\": \"Allow\", \"Principal\": \"*\", \"Action\": \"sts:AssumeRole\"}} trailing",
    })
    void malformedTrustPolicies(String document) {
        assertThatThrownBy(() -> iam.createRole(b -> b.roleName(TestAws.unique("bad")).assumeRolePolicyDocument(document)))
                .isInstanceOf(MalformedPolicyDocumentException.class);
    }

    @Test
    void validationErrors() {
        assertThatThrownBy(() -> iam.createRole(b -> b.roleName("has space").assumeRolePolicyDocument(TRUST)))
                .isInstanceOfSatisfying(IamException.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationError");
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.getMessage()).contains("roleName");
                });
        assertThatThrownBy(() -> iam.createRole(b -> b.roleName("r".repeat(65)).assumeRolePolicyDocument(TRUST)))
                .isInstanceOfSatisfying(IamException.class, e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationError"));
        assertThatThrownBy(() -> iam.createRole(b -> b.roleName(TestAws.unique("p")).path("no-slashes").assumeRolePolicyDocument(TRUST)))
                .isInstanceOfSatisfying(IamException.class, e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationError"));
        assertThatThrownBy(() -> iam.createRole(b -> b.roleName(TestAws.unique("m")).maxSessionDuration(100).assumeRolePolicyDocument(TRUST)))
                .isInstanceOfSatisfying(IamException.class, e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationError"));
        assertThatThrownBy(() -> iam.createRole(b -> b.roleName(TestAws.unique("n"))))
                .isInstanceOfSatisfying(IamException.class, e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationError"));
        String big = TRUST.replace("\"Sid\": \"a+b ünï\"", "\"Sid\": \"" + "x".repeat(2100) + "\"");
        assertThatThrownBy(() -> iam.createRole(b -> b.roleName(TestAws.unique("big")).assumeRolePolicyDocument(big)))
                .isInstanceOf(LimitExceededException.class).hasMessageContaining("ACLSizePerRole");
    }

    @Test
    void listRolesByPathPrefixWithMarkerPaging() {
        String path = "/" + TestAws.unique("team") + "/";
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            names.add(createRole(path));
        }
        createRole("/elsewhere/");
        List<String> seen = new ArrayList<>();
        String marker = null;
        int pages = 0;
        do {
            String m = marker;
            ListRolesResponse page = iam.listRoles(b -> b.pathPrefix(path).maxItems(2).marker(m));
            page.roles().forEach(r -> seen.add(r.roleName()));
            assertThat(page.isTruncated()).isEqualTo(page.marker() != null);
            marker = page.marker();
            pages++;
        } while (marker != null);
        assertThat(pages).isEqualTo(3);
        assertThat(seen).containsExactlyInAnyOrderElementsOf(names);
        assertThat(iam.listRolesPaginator(b -> b.pathPrefix(path).maxItems(1)).roles()).extracting(Role::roleName)
                .containsExactlyElementsOf(seen);

        Role listed = iam.listRoles(b -> b.pathPrefix(path).maxItems(1)).roles().get(0);
        assertThat(decode(listed.assumeRolePolicyDocument())).isEqualTo(TRUST);
        assertThat(listed.maxSessionDuration()).isEqualTo(3600);
        assertThat(iam.listRoles(b -> b.pathPrefix("/")).roles().size()).isGreaterThanOrEqualTo(6);
        assertThatThrownBy(() -> iam.listRoles(b -> b.maxItems(0))).isInstanceOf(IamException.class);
    }

    @Test
    void updateRoleTrustAndTags() {
        String name = createRole("/");
        iam.updateRole(b -> b.roleName(name).description("new").maxSessionDuration(43200));
        String trust2 = TRUST.replace("lambda.amazonaws.com", "states.amazonaws.com");
        iam.updateAssumeRolePolicy(b -> b.roleName(name).policyDocument(trust2));
        assertThatThrownBy(() -> iam.updateAssumeRolePolicy(b -> b.roleName(name).policyDocument("{")))
                .isInstanceOf(MalformedPolicyDocumentException.class);
        iam.tagRole(b -> b.roleName(name).tags(Tag.builder().key("a").value("1").build(), Tag.builder().key("b").value("2").build()));
        iam.untagRole(b -> b.roleName(name).tagKeys("a"));

        Role r = iam.getRole(b -> b.roleName(name)).role();
        assertThat(r.description()).isEqualTo("new");
        assertThat(r.maxSessionDuration()).isEqualTo(43200);
        assertThat(decode(r.assumeRolePolicyDocument())).isEqualTo(trust2);
        assertThat(iam.listRoleTags(b -> b.roleName(name)).tags()).extracting(Tag::key).containsExactly("b");
    }

    @Test
    void inJvmLookupForLambda() {
        String name = createRole("/service-role/");
        IamService service = TestAws.emulator().services().iam();
        String arn = "arn:aws:iam::000000000000:role/service-role/" + name;
        assertThat(service.roleExists(arn)).isTrue();
        assertThat(service.role(arn)).get().satisfies(r -> {
            assertThat(r.roleName()).isEqualTo(name);
            assertThat(r.assumeRolePolicyDocument()).isEqualTo(TRUST);
        });
        assertThat(service.roleExists("arn:aws:iam::000000000000:role/" + name)).isFalse(); // wrong path
        assertThat(service.roleExists("arn:aws:iam::111111111111:role/service-role/" + name)).isFalse();
        assertThat(service.roleExists("not-an-arn")).isFalse();
        iam.deleteRole(b -> b.roleName(name));
        assertThat(service.roleExists(arn)).isFalse();
    }
}
