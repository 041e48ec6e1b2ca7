/**
 * AWS IAM (query protocol, global): roles with trust, inline and attached managed policies; customer and AWS
 * managed policies; users with access keys, inline and attached managed policies. Everything is stored and validated
 * as IAM does (names, paths, quotas, the grammar of policy documents); the request pipeline evaluates the policies
 * only when the emulator enforces them ({@code --enforce-policies}), reading them through {@code identityPolicies}. Policy documents go out URL-encoded, as IAM sends them
 * (boto3 decodes them; the Java SDK hands them over as they came:
 * {@code URLDecoder.decode(role.assumeRolePolicyDocument(), UTF_8)}).
 *
 * <p><b>Layout.</b>
 * <ul>
 *   <li>{@link io.eventharness.emulator.iam.IamService} — the spec, the state, the operation objects, and the
 *       in-JVM API: Lambda checks execution roles with {@code roleExists}; STS reads roles with {@code role} and
 *       access keys with {@code userByAccessKey}; the request pipeline reads access keys' secrets with {@code credential}
 *       and a caller's policies with {@code identityPolicies}.</li>
 *   <li>State, no HTTP: {@code IamState} (the registry, and what spans entities: attachments, key owners),
 *       {@code IamRole}, {@code IamUser}, {@code IamPolicy}, {@code AwsManagedPolicies}.</li>
 *   <li>Operations: {@code RoleOperations} (roles, trust policy, tags), {@code RolePolicyOperations} (attached
 *       and inline policies of a role), {@code PolicyOperations} (managed policies), {@code UserPolicyOperations} (attached and inline policies of a
 *       user), {@code UserOperations} (users
 *       and access keys; without a UserName they act on the caller, the owner of the signing access key or else
 *       the root user).</li>
 *   <li>Rules and values: {@code IamLimits} (model constraints, Marker/MaxItems pages), {@link
 *       io.eventharness.emulator.iam.PolicyDocuments} (the grammar check, shared with STS's session policies),
 *       {@link io.eventharness.emulator.iam.IamIds} (unique ids and access keys), {@code IamErrors}.</li>
 * </ul>
 *
 * <p><b>Differs from AWS.</b> Policies are evaluated only with {@code --enforce-policies}; otherwise any caller
 * may do anything. Any {@code arn:aws:iam::aws:policy/…} ARN can be attached, but only the AWS managed policies in
 * {@code aws-managed-policies.json} can be read, and only they grant anything when enforced; managed policies have one version, {@code v1}. Instance
 * profiles, groups and role last use are not emulated. Changes are visible at once (IAM is
 * eventually consistent).
 *
 * <p>May import: {@code core}, {@code protocol}, {@code policy} (principals and the policies IAM evaluates),
 * {@code auth} (the credentials of access keys).
 */
package io.eventharness.emulator.iam;
