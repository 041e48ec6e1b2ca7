package io.eventharness.emulator.sts;

import io.eventharness.emulator.core.Account;
import io.eventharness.emulator.core.Arn;

/**
 * Whom credentials stand for, as GetCallerIdentity reports it.
 *
 * @param arn    {@code arn:aws:iam::000000000000:root}, {@code …:user/<name>}, or
 *               {@code arn:aws:sts::000000000000:assumed-role/<role>/<session>}
 * @param userId the account id for the root user, {@code AIDA…} for a user, {@code AROA…:<session>} for an assumed role
 * @param root   whether it is the account's root user (whose session tokens last at most an hour)
 */
record Identity(Arn arn, String userId, boolean root) {

    /** The account's root user: who signs with any access key that neither IAM nor STS issued. */
    static Identity rootUser() {
        return new Identity(Arn.global("iam", "root"), Account.ID, true);
    }

    /** An assumed role's session: {@code assumed-role/<role name>/<session name>}, the role's id and the session. */
    static Identity assumedRole(String roleName, String roleId, String sessionName) {
        return new Identity(Arn.global("sts", "assumed-role/" + roleName + "/" + sessionName), roleId + ":" + sessionName, false);
    }
}
