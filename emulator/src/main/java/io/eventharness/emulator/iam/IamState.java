package io.eventharness.emulator.iam;

import io.eventharness.emulator.core.Account;
import io.eventharness.emulator.core.EmulatorClock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything IAM stores, for the operation classes; {@link IamService} serialises access to it. Role
 * and user names are unique regardless of case, as in IAM, so the maps are keyed by the lower-cased name.
 */
final class IamState {
    final EmulatorClock clock;
    final TreeMap<String, IamRole> roles = new TreeMap<>();
    final TreeMap<String, IamUser> users = new TreeMap<>();
    /** The account's root user: no name, the account id as its id. */
    final IamUser root;
    /** Customer managed policies by ARN. */
    final TreeMap<String, IamPolicy> policies = new TreeMap<>();
    final Map<String, IamPolicy> awsPolicies = AwsManagedPolicies.load();
    /** Who owns each long-term access key. */
    final Map<String, IamUser> keyOwners = new HashMap<>();

    IamState(EmulatorClock clock) {
        this.clock = clock;
        this.root = new IamUser(null, "/", Account.ID, Account.globalArn("iam", "root"), clock.now());
    }

    Instant now() {
        return clock.now();
    }

    static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    IamRole role(String name) {
        IamRole r = roles.get(key(IamLimits.name(name, "roleName", 64)));
        if (r == null) {
            throw IamErrors.noSuchRole(name);
        }
        return r;
    }

    IamUser user(String name) {
        IamUser u = users.get(key(IamLimits.name(name, "userName", 64)));
        if (u == null) {
            throw IamErrors.noSuchUser(name);
        }
        return u;
    }

    /**
     * A policy ARN that can be attached: a customer policy that exists, or any AWS managed policy ARN
     * (see {@link AwsManagedPolicies}). A malformed ARN is InvalidInput, an unknown one NoSuchEntity.
     */
    void checkAttachable(String arn) {
        validArn(arn);
        if (!arn.startsWith(AwsManagedPolicies.ARN_PREFIX + "/") && !policies.containsKey(arn)) {
            throw IamErrors.noSuchEntity("Policy " + arn + " does not exist or is not attachable.");
        }
    }

    /** A policy to read (GetPolicy, GetPolicyVersion, DeletePolicy): a customer one or a known AWS one. */
    IamPolicy policy(String arn) {
        validArn(arn);
        IamPolicy p = policies.containsKey(arn) ? policies.get(arn) : awsPolicies.get(arn);
        if (p == null) {
            throw IamErrors.noSuchEntity("Policy " + arn + " was not found.");
        }
        return p;
    }

    private static void validArn(String arn) {
        IamLimits.length(arn, "policyArn", 20, 2048);
        if (!arn.startsWith("arn:aws:iam::") || !arn.contains(":policy/")) {
            throw IamErrors.invalidInput("ARN " + arn + " is not valid.");
        }
    }

    /** How many roles have the policy attached. */
    int attachments(String arn) {
        int n = 0;
        for (IamRole r : roles.values()) {
            if (r.attached.contains(arn)) {
                n++;
            }
        }
        return n;
    }
}
