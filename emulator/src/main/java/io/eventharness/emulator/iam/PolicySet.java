package io.eventharness.emulator.iam;

import io.eventharness.emulator.core.Arn;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The identity-based policies of a role or a user: attached managed policy ARNs (in attachment order) and inline
 * policies by name. Not locked: its owner ({@link IamRole}, {@link IamUser}) calls it under its own lock.
 */
final class PolicySet {
    private final String owner;
    private final Map<String, String> inline = new TreeMap<>();
    private final Set<Arn> attached = new LinkedHashSet<>();

    /** @param owner how quota errors name the owner: {@code role my-role}, {@code user dev} */
    PolicySet(String owner) {
        this.owner = owner;
    }

    /** Attaches a managed policy (again is no change); LimitExceeded past {@code max}. */
    void attach(Arn policy, int max, String quotaName) {
        if (!attached.contains(policy) && attached.size() >= max) {
            throw IamErrors.limitExceeded("Cannot exceed quota for " + quotaName + ": " + max);
        }
        attached.add(policy);
    }

    /** Whether the managed policy with this ARN (given as a client wrote it) was attached. */
    boolean detach(String policyArn) {
        return attached.removeIf(a -> a.toString().equals(policyArn));
    }

    boolean isAttached(Arn policy) {
        return attached.contains(policy);
    }

    List<Arn> attached() {
        return List.copyOf(attached);
    }

    /**
     * Adds or replaces an inline policy; LimitExceeded when all inline policies together would exceed {@code maxTotal}
     * characters (white space not counted).
     */
    void putInline(String policyName, String document, int maxTotal) {
        int total = PolicyDocuments.size(document);
        for (Map.Entry<String, String> e : inline.entrySet()) {
            if (!e.getKey().equals(policyName)) {
                total += PolicyDocuments.size(e.getValue());
            }
        }
        if (total > maxTotal) {
            throw IamErrors.limitExceeded("Maximum policy size of " + maxTotal + " bytes exceeded for " + owner);
        }
        inline.put(policyName, document);
    }

    /** The inline policy's document, or null. */
    String inline(String policyName) {
        return inline.get(policyName);
    }

    /** The inline policies by name, in name order. */
    Map<String, String> inline() {
        return Map.copyOf(inline);
    }

    List<String> inlineNames() {
        return List.copyOf(inline.keySet());
    }

    boolean deleteInline(String policyName) {
        return inline.remove(policyName) != null;
    }

    /** The delete conditions IAM checks on DeleteRole and DeleteUser: nothing attached, no inline policy left. */
    void checkEmpty() {
        if (!attached.isEmpty()) {
            throw IamErrors.deleteConflict("Cannot delete entity, must detach all policies first.");
        }
        if (!inline.isEmpty()) {
            throw IamErrors.deleteConflict("Cannot delete entity, must delete policies first.");
        }
    }
}
