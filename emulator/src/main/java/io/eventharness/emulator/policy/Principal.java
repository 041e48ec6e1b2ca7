package io.eventharness.emulator.policy;

import io.eventharness.emulator.core.Account;
import io.eventharness.emulator.core.Arn;
import java.util.Objects;

/**
 * Who makes a request, as IAM's request context knows it.
 *
 * @param kind        what sort of principal
 * @param arn         the ARN AWS names in a denial: {@code arn:aws:iam::<account>:root}, {@code …:user/<path><name>},
 *                    {@code arn:aws:sts::<account>:assumed-role/<role>/<session>}; null for a service or anonymous
 * @param userId      {@code aws:userid}: the account id for the root user, {@code AIDA…} for a user,
 *                    {@code AROA…:<session>} for a role session, the service's name for a service
 * @param roleArn     the role of a role session ({@code aws:PrincipalArn}, and what a role's policies belong to);
 *                    null otherwise
 * @param serviceName the service principal ({@code sns.amazonaws.com}) for {@link Kind#SERVICE}; null otherwise
 */
public record Principal(Kind kind, Arn arn, String userId, Arn roleArn, String serviceName) {

    /** The principal types of {@code aws:PrincipalType}, and AWS services acting on their own behalf. */
    public enum Kind {
        ROOT("Account"), USER("User"), ASSUMED_ROLE("AssumedRole"), SERVICE("Service"), ANONYMOUS("Anonymous");

        private final String contextValue;

        Kind(String contextValue) {
            this.contextValue = contextValue;
        }

        /** The value of {@code aws:PrincipalType}. */
        public String contextValue() {
            return contextValue;
        }
    }

    public Principal {
        Objects.requireNonNull(kind, "kind");
    }

    /** The account's root user: what the default test credentials stand for. */
    public static Principal root() {
        return new Principal(Kind.ROOT, Arn.global("iam", "root"), Account.ID, null, null);
    }

    /** An IAM user: {@code arn:aws:iam::<account>:user/<path><name>} with its {@code AIDA…} id. */
    public static Principal user(Arn userArn, String userId) {
        return new Principal(Kind.USER, userArn, userId, null, null);
    }

    /** A session of a role ({@code AssumeRole}, or a function's execution role). */
    public static Principal roleSession(Arn roleArn, String roleId, String sessionName) {
        Arn session = new Arn(roleArn.partition(), "sts", "", roleArn.account(),
                "assumed-role/" + roleArn.resourceName() + "/" + sessionName);
        return new Principal(Kind.ASSUMED_ROLE, session, roleId + ":" + sessionName, roleArn, null);
    }

    /** An AWS service acting for a resource of the account ({@code sns.amazonaws.com} delivering to a queue). */
    public static Principal service(String name) {
        return new Principal(Kind.SERVICE, null, name, null, name);
    }

    /** Whoever sends an unsigned request. */
    public static Principal anonymous() {
        return new Principal(Kind.ANONYMOUS, null, "anonymous", null, null);
    }

    /** The account the principal belongs to; the emulated one for services and anonymous callers. */
    public String account() {
        return arn == null ? Account.ID : arn.account();
    }

    /** {@code aws:PrincipalArn}: the role's ARN for a role session, else the principal's own ARN. */
    public Arn principalArn() {
        return roleArn != null ? roleArn : arn;
    }

    /** {@code aws:username}: a user's name; absent for other principals. */
    public String userName() {
        return kind == Kind.USER ? arn.resourceName() : null;
    }

    /** How a denial names it: its ARN, or the service's name. */
    public String display() {
        return arn != null ? arn.toString() : kind == Kind.SERVICE ? serviceName : "anonymous";
    }

    @Override
    public String toString() {
        return display();
    }
}
