package io.eventharness.emulator.iam;

import io.eventharness.emulator.protocol.Call;
import io.eventharness.emulator.protocol.CredentialScope;
import java.util.List;
import software.amazon.awssdk.services.iam.model.*;

/**
 * User and access key operations. Without a UserName, GetUser and the access key operations act on
 * the caller: the user owning the request's access key, else the account's root user.
 */
public final class UserOperations {
    /** IAM quota "Access keys assigned to an IAM user": 2. */
    private static final int MAX_KEYS = 2;

    private final IamState state;

    UserOperations(IamState state) {
        this.state = state;
    }

    public CreateUserResponse createUser(CreateUserRequest r) {
        String name = IamLimits.name(r.userName(), "userName", 64);
        String path = IamLimits.path(r.path());
        List<Tag> tags = IamLimits.tags(r.tags(), 0, "User");
        IamUser u = IamUser.named(name, path, state.now(), tags);
        state.add(u);
        return CreateUserResponse.builder().user(u.toModel(true)).build();
    }

    public GetUserResponse getUser(GetUserRequest r, Call call) {
        return GetUserResponse.builder().user(user(r.userName(), call).toModel(true)).build();
    }

    public ListUsersResponse listUsers(ListUsersRequest r) {
        String prefix = IamLimits.pathPrefix(r.pathPrefix());
        IamLimits.Page<IamUser> page = IamLimits.page(state.users(prefix), u -> IamState.key(u.name()), r.marker(), r.maxItems());
        return ListUsersResponse.builder().users(page.items().stream().map(u -> u.toModel(false)).toList())
                .isTruncated(page.truncated()).marker(page.marker()).build();
    }

    public DeleteUserResponse deleteUser(DeleteUserRequest r) {
        state.delete(state.user(r.userName()));
        return DeleteUserResponse.builder().build();
    }

    public CreateAccessKeyResponse createAccessKey(CreateAccessKeyRequest r, Call call) {
        IamUser u = user(r.userName(), call);
        IamUser.AccessKey k = new IamUser.AccessKey(IamIds.accessKeyId("AKIA"), IamIds.secretAccessKey(), state.now(), StatusType.ACTIVE);
        state.issue(u, k, MAX_KEYS);
        return CreateAccessKeyResponse.builder().accessKey(AccessKey.builder().userName(u.name()).accessKeyId(k.id())
                .secretAccessKey(k.secret()).status(k.status()).createDate(k.created()).build()).build();
    }

    public ListAccessKeysResponse listAccessKeys(ListAccessKeysRequest r, Call call) {
        IamUser u = user(r.userName(), call);
        IamLimits.Page<AccessKeyMetadata> page = IamLimits.page(u.keys(), AccessKeyMetadata::accessKeyId, r.marker(), r.maxItems());
        return ListAccessKeysResponse.builder().accessKeyMetadata(page.items())
                .isTruncated(page.truncated()).marker(page.marker()).build();
    }

    public DeleteAccessKeyResponse deleteAccessKey(DeleteAccessKeyRequest r, Call call) {
        IamUser u = user(r.userName(), call);
        IamLimits.length(r.accessKeyId(), "accessKeyId", 16, 128);
        if (!state.revoke(u, r.accessKeyId())) {
            throw IamErrors.noSuchEntity("The Access Key with id " + r.accessKeyId() + " cannot be found.");
        }
        return DeleteAccessKeyResponse.builder().build();
    }

    /** The named user, or without a name the caller (see {@link IamState#caller}). */
    private IamUser user(String name, Call call) {
        return name != null ? state.user(name) : state.caller(call.scope().map(CredentialScope::accessKeyId).orElse(null));
    }
}
