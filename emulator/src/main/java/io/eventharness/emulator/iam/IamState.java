package io.eventharness.emulator.iam;

import io.eventharness.emulator.core.Account;
import io.eventharness.emulator.core.Arn;
import io.eventharness.emulator.core.EmulatorClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import software.amazon.awssdk.services.iam.model.AttachedPolicy;

/**
 * Everything IAM stores: roles, users and their access keys, customer managed policies, and the AWS managed
 * policies it knows. Role and user names are unique regardless of case, as in IAM, so they are keyed by the
 * lower-cased name. Its methods lock it; what spans several entities (attachments against DeletePolicy, access
 * keys against their owners) happens under that one lock. Roles and users lock themselves for their own changes.
 */
final class IamState {
    private final EmulatorClock clock;
    private final TreeMap<String, IamRole> roles = new TreeMap<>();
    private final TreeMap<String, IamUser> users = new TreeMap<>();
    private final IamUser root;
    /** Customer managed policies by ARN. */
    private final Map<Arn, IamPolicy> policies = new HashMap<>();
    private final Map<Arn, IamPolicy> awsPolicies = AwsManagedPolicies.load();
    /** Who owns each long-term access key. */
    private final Map<String, IamUser> keyOwners = new HashMap<>();

    IamState(EmulatorClock clock) {
        this.clock = clock;
        this.root = IamUser.root(Account.ID, clock.now());
    }

    Instant now() {
        return clock.now();
    }

    static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    // ---- roles ------------------------------------------------------------------------------------

    /** The role of that name (any case); NoSuchEntity when there is none. */
    synchronized IamRole role(String name) {
        IamRole r = roles.get(key(IamLimits.name(name, "roleName", 64)));
        if (r == null) {
            throw IamErrors.noSuchRole(name);
        }
        return r;
    }

    /** The role with exactly this ARN (path included); empty for another account's or a missing one. */
    synchronized Optional<IamRole> role(Arn arn) {
        if (!arn.service().equals("iam") || !arn.inEmulatedAccount() || !arn.resourceType().equals("role")) {
            return Optional.empty();
        }
        return Optional.ofNullable(roles.get(key(arn.resourceName()))).filter(r -> r.arn().equals(arn));
    }

    synchronized void add(IamRole r) {
        if (roles.containsKey(key(r.name()))) {
            throw IamErrors.alreadyExists("Role with name " + r.name() + " already exists.");
        }
        roles.put(key(r.name()), r);
    }

    /** DeleteRole: refused while managed policies are attached or inline policies exist. */
    synchronized void delete(IamRole r) {
        r.retire();
        roles.remove(key(r.name()));
    }

    /** The roles under a path prefix, by name. */
    synchronized List<IamRole> roles(String pathPrefix) {
        return roles.values().stream().filter(r -> r.path().startsWith(pathPrefix)).toList();
    }

    /** Attaches a policy that can be attached (see {@link #checkAttachable}) to a role. */
    synchronized void attach(IamRole role, Arn policy, int max) {
        checkAttachable(policy);
        role.attach(policy, max);
    }

    /** Attaches a policy that can be attached (see {@link #checkAttachable}) to a user. */
    synchronized void attach(IamUser user, Arn policy, int max) {
        checkAttachable(policy);
        user.attach(policy, max);
    }

    /**
     * The document of a managed policy for evaluation: a customer one, or an AWS one whose document the emulator
     * knows; empty for an AWS managed policy it does not know (attachable, but granting nothing here).
     */
    synchronized Optional<IamPolicy> policyIfKnown(Arn arn) {
        return Optional.ofNullable(policies.containsKey(arn) ? policies.get(arn) : awsPolicies.get(arn));
    }

    /** ListAttached*Policies: the attached policies under a path prefix (of the policy), in ARN order. */
    synchronized List<AttachedPolicy> attachedPolicies(List<Arn> arns, String pathPrefix) {
        List<AttachedPolicy> out = new ArrayList<>();
        for (Arn arn : arns) {
            if (("/" + arn.resourceId()).startsWith(pathPrefix)) { // policy/<path><name>: the path starts with '/'
                String name = customerPolicy(arn).map(IamPolicy::name).orElse(arn.resourceName());
                out.add(AttachedPolicy.builder().policyArn(arn.toString()).policyName(name).build());
            }
        }
        out.sort(Comparator.comparing(AttachedPolicy::policyArn));
        return out;
    }

    // ---- managed policies -------------------------------------------------------------------------

    /**
     * Whether a policy can be attached: a customer policy that exists, or any AWS managed policy ARN (see
     * {@link AwsManagedPolicies}); NoSuchEntity otherwise.
     */
    synchronized void checkAttachable(Arn policy) {
        if (!AwsManagedPolicies.isAwsManaged(policy) && !policies.containsKey(policy)) {
            throw IamErrors.noSuchEntity("Policy " + policy + " does not exist or is not attachable.");
        }
    }

    /** A policy to read or delete: a customer one or a known AWS one; NoSuchEntity otherwise. */
    synchronized IamPolicy policy(Arn arn) {
        IamPolicy p = policies.containsKey(arn) ? policies.get(arn) : awsPolicies.get(arn);
        if (p == null) {
            throw IamErrors.noSuchEntity("Policy " + arn + " was not found.");
        }
        return p;
    }

    /** The customer policy with this ARN, if there is one. */
    synchronized Optional<IamPolicy> customerPolicy(Arn arn) {
        return Optional.ofNullable(policies.get(arn));
    }

    /** Adds a customer policy; names are unique among them. */
    synchronized void add(IamPolicy p) {
        for (IamPolicy other : policies.values()) {
            if (other.name().equals(p.name())) {
                throw IamErrors.alreadyExists("A policy called " + p.name() + " already exists. Duplicate names are not allowed.");
            }
        }
        policies.put(p.arn(), p);
    }

    /** Deletes a customer policy; refused while it is attached. */
    synchronized void delete(IamPolicy p) {
        if (attachments(p.arn()) > 0) {
            throw IamErrors.deleteConflict("Cannot delete a policy attached to entities.");
        }
        policies.remove(p.arn());
    }

    /** AWS's known managed policies, customer ones, or both. */
    synchronized List<IamPolicy> policies(boolean aws, boolean customer) {
        List<IamPolicy> all = new ArrayList<>();
        if (aws) {
            all.addAll(awsPolicies.values());
        }
        if (customer) {
            all.addAll(policies.values());
        }
        return all;
    }

    /** How many roles and users have the policy attached. */
    synchronized int attachments(Arn policy) {
        int n = 0;
        for (IamRole r : roles.values()) {
            if (r.isAttached(policy)) {
                n++;
            }
        }
        for (IamUser u : users.values()) {
            if (u.isAttached(policy)) {
                n++;
            }
        }
        return n;
    }

    // ---- users and access keys --------------------------------------------------------------------

    synchronized IamUser user(String name) {
        IamUser u = users.get(key(IamLimits.name(name, "userName", 64)));
        if (u == null) {
            throw IamErrors.noSuchUser(name);
        }
        return u;
    }

    /** The user with exactly this ARN, if it exists. */
    synchronized Optional<IamUser> userIfExists(Arn arn) {
        if (!arn.service().equals("iam") || !arn.resourceType().equals("user")) {
            return Optional.empty();
        }
        return Optional.ofNullable(users.get(key(arn.resourceName()))).filter(u -> u.arn().equals(arn));
    }

    synchronized void add(IamUser u) {
        if (users.containsKey(key(u.name()))) {
            throw IamErrors.alreadyExists("User with name " + u.name() + " already exists.");
        }
        users.put(key(u.name()), u);
    }

    /** DeleteUser: refused while the user has access keys. */
    synchronized void delete(IamUser u) {
        u.retire();
        users.remove(key(u.name()));
    }

    /** The users under a path prefix, by name. */
    synchronized List<IamUser> users(String pathPrefix) {
        return users.values().stream().filter(u -> u.path().startsWith(pathPrefix)).toList();
    }

    /** The user owning a long-term access key, if IAM issued it. */
    synchronized Optional<IamUser> keyOwner(String accessKeyId) {
        return Optional.ofNullable(accessKeyId == null ? null : keyOwners.get(accessKeyId));
    }

    /** The user whose access key signed a request; the root user for any key IAM did not issue, or none. */
    synchronized IamUser caller(String accessKeyId) {
        return keyOwner(accessKeyId).orElse(root);
    }

    synchronized void issue(IamUser u, IamUser.AccessKey k, int max) {
        u.addKey(k, max);
        keyOwners.put(k.id(), u);
    }

    /** Whether the user had that key. */
    synchronized boolean revoke(IamUser u, String keyId) {
        if (!u.removeKey(keyId)) {
            return false;
        }
        keyOwners.remove(keyId);
        return true;
    }
}
