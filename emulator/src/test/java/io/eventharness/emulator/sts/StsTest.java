package io.eventharness.emulator.sts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventharness.emulator.TestAws;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;
import software.amazon.awssdk.services.sts.model.Credentials;
import software.amazon.awssdk.services.sts.model.ExpiredTokenException;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;
import software.amazon.awssdk.services.sts.model.MalformedPolicyDocumentException;
import software.amazon.awssdk.services.sts.model.StsException;

class StsTest {
    private static final String TRUST = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Principal\":{\"AWS\":\"arn:aws:iam::000000000000:root\"},\"Action\":\"sts:AssumeRole\"}]}";

    private final StsClient sts = TestAws.sts();
    private final IamClient iam = TestAws.iam();

    private String role(String path, int maxSession) {
        String name = TestAws.unique("deployer");
        return iam.createRole(b -> b.roleName(name).path(path).maxSessionDuration(maxSession).assumeRolePolicyDocument(TRUST)).role().arn();
    }

    private static StsClient stsAs(AwsCredentials credentials) {
        return StsClient.builder().endpointOverride(TestAws.emulator().endpoint()).region(TestAws.emulator().region())
                .credentialsProvider(StaticCredentialsProvider.create(credentials)).httpClientBuilder(ApacheHttpClient.builder()).build();
    }

    private static AwsSessionCredentials session(Credentials c) {
        return AwsSessionCredentials.create(c.accessKeyId(), c.secretAccessKey(), c.sessionToken());
    }

    @Test
    void callerIsTheRootUserByDefault() {
        GetCallerIdentityResponse id = sts.getCallerIdentity();
        assertThat(id.account()).isEqualTo("000000000000");
        assertThat(id.arn()).isEqualTo("arn:aws:iam::000000000000:root");
        assertThat(id.userId()).isEqualTo("000000000000");
    }

    @Test
    void assumeRoleIssuesCredentialsThatIdentifyTheRole() {
        String roleArn = role("/ci/", 7200);
        String roleName = roleArn.substring(roleArn.lastIndexOf('/') + 1);
        Instant before = TestAws.emulator().clock().now();
        AssumeRoleResponse r = sts.assumeRole(b -> b.roleArn(roleArn).roleSessionName("deploy-42").durationSeconds(7200));

        Credentials c = r.credentials();
        assertThat(c.accessKeyId()).startsWith("ASIA").hasSize(20);
        assertThat(c.secretAccessKey()).hasSize(40);
        assertThat(c.sessionToken()).isNotBlank();
        assertThat(c.expiration()).isBetween(before.plusSeconds(7199), before.plusSeconds(7201));
        assertThat(r.assumedRoleUser().arn()).isEqualTo("arn:aws:sts::000000000000:assumed-role/" + roleName + "/deploy-42");
        assertThat(r.assumedRoleUser().assumedRoleId()).startsWith("AROA").endsWith(":deploy-42");
        assertThat(r.packedPolicySize()).isNull();

        try (StsClient asRole = stsAs(session(c))) {
            GetCallerIdentityResponse id = asRole.getCallerIdentity();
            assertThat(id.arn()).isEqualTo(r.assumedRoleUser().arn());
            assertThat(id.userId()).isEqualTo(r.assumedRoleUser().assumedRoleId());
            assertThatThrownBy(asRole::getSessionToken).isInstanceOfSatisfying(StsException.class,
                    e -> assertThat(e.statusCode()).isEqualTo(403));
        }
    }

    @Test
    void assumedRoleCredentialsExpireOnTheEmulatorClock() {
        String roleArn = role("/", 3600);
        Credentials c = sts.assumeRole(b -> b.roleArn(roleArn).roleSessionName("short").durationSeconds(900)).credentials();
        assertThat(c.expiration()).isBefore(TestAws.emulator().clock().now().plusSeconds(901));
        try (StsClient asRole = stsAs(session(c))) {
            assertThat(asRole.getCallerIdentity().arn()).contains("assumed-role");
            TestAws.emulator().clock().advance(Duration.ofSeconds(901));
            assertThatThrownBy(asRole::getCallerIdentity).isInstanceOf(ExpiredTokenException.class);
        }
    }

    @Test
    void assumeRoleValidation() {
        String roleArn = role("/", 3600);
        assertThatThrownBy(() -> sts.assumeRole(b -> b.roleArn("arn:aws:iam::000000000000:user/someone").roleSessionName("s1")))
                .isInstanceOfSatisfying(StsException.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationError");
                    assertThat(e.getMessage()).contains("Request ARN is invalid");
                });
        assertThatThrownBy(() -> sts.assumeRole(b -> b.roleArn("short").roleSessionName("s1")))
                .isInstanceOfSatisfying(StsException.class, e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationError"));
        assertThatThrownBy(() -> sts.assumeRole(b -> b.roleArn(roleArn).roleSessionName("bad name")))
                .isInstanceOfSatisfying(StsException.class, e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationError"));
        assertThatThrownBy(() -> sts.assumeRole(b -> b.roleArn(roleArn).roleSessionName("s1").durationSeconds(899)))
                .isInstanceOfSatisfying(StsException.class, e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationError"));
        assertThatThrownBy(() -> sts.assumeRole(b -> b.roleArn(roleArn).roleSessionName("s1").durationSeconds(43201)))
                .isInstanceOfSatisfying(StsException.class, e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationError"));
        assertThatThrownBy(() -> sts.assumeRole(b -> b.roleArn(roleArn).roleSessionName("s1").durationSeconds(7200)))
                .isInstanceOfSatisfying(StsException.class, e -> assertThat(e.getMessage()).contains("MaxSessionDuration"));
        // a role that does not exist, or lives in another account, cannot be assumed
        assertThatThrownBy(() -> sts.assumeRole(b -> b.roleArn(roleArn + "-gone").roleSessionName("s1")))
                .isInstanceOfSatisfying(StsException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(403);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
                    assertThat(e.getMessage()).contains("is not authorized to perform: sts:AssumeRole");
                });
        assertThatThrownBy(() -> sts.assumeRole(b -> b.roleArn(roleArn.replace("000000000000", "111111111111")).roleSessionName("s1")))
                .isInstanceOfSatisfying(StsException.class, e -> assertThat(e.statusCode()).isEqualTo(403));
    }

    @Test
    void sessionPolicies() {
        String roleArn = role("/", 3600);
        String policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"*\"}]}";
        AssumeRoleResponse r = sts.assumeRole(b -> b.roleArn(roleArn).roleSessionName("scoped").policy(policy));
        assertThat(r.packedPolicySize()).isBetween(1, 100);
        assertThatThrownBy(() -> sts.assumeRole(b -> b.roleArn(roleArn).roleSessionName("scoped").policy("{not json")))
                .isInstanceOf(MalformedPolicyDocumentException.class);
    }

    @Test
    void getSessionToken() {
        Instant now = TestAws.emulator().clock().now();
        // the root user's sessions last at most one hour
        Credentials root = sts.getSessionToken(b -> b.durationSeconds(7200)).credentials();
        assertThat(root.accessKeyId()).startsWith("ASIA");
        assertThat(root.expiration()).isBetween(now.plusSeconds(3599), now.plusSeconds(3601));
        try (StsClient asSession = stsAs(session(root))) {
            assertThat(asSession.getCallerIdentity().arn()).isEqualTo("arn:aws:iam::000000000000:root");
        }
        assertThatThrownBy(() -> sts.getSessionToken(b -> b.durationSeconds(129_601)))
                .isInstanceOfSatisfying(StsException.class, e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationError"));

        // an IAM user's sessions default to 12 hours and name the user
        String user = TestAws.unique("dev");
        iam.createUser(b -> b.userName(user));
        var key = iam.createAccessKey(b -> b.userName(user)).accessKey();
        try (StsClient asUser = stsAs(AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey()))) {
            assertThat(asUser.getCallerIdentity().arn()).isEqualTo("arn:aws:iam::000000000000:user/" + user);
            Instant t = TestAws.emulator().clock().now(); // before the call: the expiration is truncated to the second
            Credentials c = asUser.getSessionToken().credentials();
            assertThat(c.expiration()).isBetween(t.plusSeconds(43_199), t.plusSeconds(43_201));
            try (StsClient asUserSession = stsAs(session(c))) {
                assertThat(asUserSession.getCallerIdentity().arn()).isEqualTo("arn:aws:iam::000000000000:user/" + user);
            }
        }
        assertThat(sts.getAccessKeyInfo(b -> b.accessKeyId(key.accessKeyId())).account()).isEqualTo("000000000000");
    }
}
