package io.eventharness.emulator.iam;

import io.eventharness.emulator.core.Account;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.iam.model.*;

/**
 * User and access key operations. Without a UserName, GetUser and the access key operations act on
 * the caller: the user owning the request's access key, else the account's root user.
 */
final class UserOperations {
    /** IAM quota "Access keys assigned to an IAM user": 2. */
    private static final int MAX_KEYS = 2;

    private final IamState state;

    UserOperations(IamState state) {
        this.state = state;
    }

    CreateUserResponse createUser(CreateUserRequest r) {
        String name = IamLimits.name(r.userName(), "userName", 64);
        String path = IamLimits.path(r.path());
        if (state.users.containsKey(IamState.key(name))) {
            throw IamErrors.alreadyExists("User with name " + name + " already exists.");
        }
        List<Tag> tags = IamLimits.tags(r.tags(), 0, "User");
        IamUser u = new IamUser(name, path, IamIds.uniqueId("AIDA"), Account.globalArn("iam", "user" + path + name), state.now());
        u.tags.addAll(tags);
        state.users.put(IamState.key(name), u);
        return CreateUserResponse.builder().user(u.toModel(true)).build();
    }

    GetUserResponse getUser(GetUserRequest r, IamUser caller) {
        IamUser u = r.userName() == null ? caller : state.user(r.userName());
        return GetUserResponse.builder().user(u.toModel(true)).build();
    }

    ListUsersResponse listUsers(ListUsersRequest r) {
        String prefix = IamLimits.pathPrefix(r.pathPrefix());
        List<IamUser> chosen = state.users.values().stream().filter(u -> u.path.startsWith(prefix)).toList();
        IamLimits.Page<IamUser> page = IamLimits.page(chosen, u -> IamState.key(u.name), r.marker(), r.maxItems());
        return ListUsersResponse.builder().users(page.items().stream().map(u -> u.toModel(false)).toList())
                .isTruncated(page.truncated()).marker(page.marker()).build();
    }

    DeleteUserResponse deleteUser(DeleteUserRequest r) {
        IamUser u = state.user(r.userName());
        if (!u.keys.isEmpty()) {
            throw IamErrors.deleteConflict("Cannot delete entity, must delete access keys first.");
        }
        state.users.remove(IamState.key(u.name));
        return DeleteUserResponse.builder().build();
    }

    CreateAccessKeyResponse createAccessKey(CreateAccessKeyRequest r, IamUser caller) {
        IamUser u = r.userName() == null ? caller : state.user(r.userName());
        if (u.keys.size() >= MAX_KEYS) {
            throw IamErrors.limitExceeded("Cannot exceed quota for AccessKeysPerUser: " + MAX_KEYS);
        }
        IamUser.AccessKey k = new IamUser.AccessKey(IamIds.accessKeyId("AKIA"), IamIds.secretAccessKey(), state.now(), StatusType.ACTIVE);
        u.keys.put(k.id(), k);
        state.keyOwners.put(k.id(), u);
        return CreateAccessKeyResponse.builder().accessKey(AccessKey.builder().userName(u.name).accessKeyId(k.id())
                .secretAccessKey(k.secret()).status(k.status()).createDate(k.created()).build()).build();
    }

    ListAccessKeysResponse listAccessKeys(ListAccessKeysRequest r, IamUser caller) {
        IamUser u = r.userName() == null ? caller : state.user(r.userName());
        List<IamUser.AccessKey> keys = new ArrayList<>(u.keys.values());
        keys.sort(java.util.Comparator.comparing(IamUser.AccessKey::id));
        IamLimits.Page<IamUser.AccessKey> page = IamLimits.page(keys, IamUser.AccessKey::id, r.marker(), r.maxItems());
        return ListAccessKeysResponse.builder().accessKeyMetadata(page.items().stream().map(u::metadata).toList())
                .isTruncated(page.truncated()).marker(page.marker()).build();
    }

    DeleteAccessKeyResponse deleteAccessKey(DeleteAccessKeyRequest r, IamUser caller) {
        IamUser u = r.userName() == null ? caller : state.user(r.userName());
        IamLimits.length(r.accessKeyId(), "accessKeyId", 16, 128);
        if (u.keys.remove(r.accessKeyId()) == null) {
            throw IamErrors.noSuchEntity("The Access Key with id " + r.accessKeyId() + " cannot be found.");
        }
        state.keyOwners.remove(r.accessKeyId());
        return DeleteAccessKeyResponse.builder().build();
    }
}
