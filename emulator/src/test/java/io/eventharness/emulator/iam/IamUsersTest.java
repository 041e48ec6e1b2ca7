package io.eventharness.emulator.iam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventharness.emulator.TestAws;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.iam.model.AccessKeyMetadata;
import software.amazon.awssdk.services.iam.model.DeleteConflictException;
import software.amazon.awssdk.services.iam.model.EntityAlreadyExistsException;
import software.amazon.awssdk.services.iam.model.LimitExceededException;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.StatusType;
import software.amazon.awssdk.services.iam.model.User;

class IamUsersTest {
    private final IamClient iam = TestAws.iam();

    @Test
    void usersAndAccessKeys() {
        String name = TestAws.unique("ci-user");
        User u = iam.createUser(b -> b.userName(name).path("/ci/")).user();
        assertThat(u.arn()).isEqualTo("arn:aws:iam::000000000000:user/ci/" + name);
        assertThat(u.userId()).startsWith("AIDA").hasSize(21);
        assertThatThrownBy(() -> iam.createUser(b -> b.userName(name))).isInstanceOf(EntityAlreadyExistsException.class);
        assertThat(iam.getUser(b -> b.userName(name)).user().userId()).isEqualTo(u.userId());
        assertThat(iam.listUsersPaginator(b -> b.pathPrefix("/ci/").maxItems(1)).users()).extracting(User::userName).contains(name);

        AccessKey k1 = iam.createAccessKey(b -> b.userName(name)).accessKey();
        assertThat(k1.accessKeyId()).startsWith("AKIA").hasSize(20);
        assertThat(k1.secretAccessKey()).hasSize(40);
        assertThat(k1.status()).isEqualTo(StatusType.ACTIVE);
        AccessKey k2 = iam.createAccessKey(b -> b.userName(name)).accessKey();
        assertThatThrownBy(() -> iam.createAccessKey(b -> b.userName(name)))
                .isInstanceOf(LimitExceededException.class).hasMessageContaining("AccessKeysPerUser");
        assertThat(iam.listAccessKeys(b -> b.userName(name)).accessKeyMetadata()).extracting(AccessKeyMetadata::accessKeyId)
                .containsExactlyInAnyOrder(k1.accessKeyId(), k2.accessKeyId());

        // a client signing with the user's key is that user
        try (IamClient asUser = IamClient.builder().endpointOverride(TestAws.emulator().endpoint()).region(Region.AWS_GLOBAL)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(k1.accessKeyId(), k1.secretAccessKey())))
                .httpClientBuilder(ApacheHttpClient.builder()).build()) {
            assertThat(asUser.getUser().user().userName()).isEqualTo(name);
            assertThat(asUser.listAccessKeys().accessKeyMetadata()).hasSize(2);
        }

        assertThatThrownBy(() -> iam.deleteUser(b -> b.userName(name)))
                .isInstanceOf(DeleteConflictException.class).hasMessageContaining("access keys");
        iam.deleteAccessKey(b -> b.userName(name).accessKeyId(k1.accessKeyId()));
        iam.deleteAccessKey(b -> b.userName(name).accessKeyId(k2.accessKeyId()));
        assertThatThrownBy(() -> iam.deleteAccessKey(b -> b.userName(name).accessKeyId(k2.accessKeyId())))
                .isInstanceOf(NoSuchEntityException.class);
        iam.deleteUser(b -> b.userName(name));
        assertThatThrownBy(() -> iam.getUser(b -> b.userName(name))).isInstanceOf(NoSuchEntityException.class);
    }

    @Test
    void getUserWithoutANameIsTheRootUser() {
        User root = iam.getUser().user();
        assertThat(root.arn()).isEqualTo("arn:aws:iam::000000000000:root");
        assertThat(root.userId()).isEqualTo("000000000000");
    }
}
