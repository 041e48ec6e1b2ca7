/**
 * IAM's policy evaluation, pure: who is asking ({@link io.eventharness.emulator.policy.Principal}), what they ask
 * ({@link io.eventharness.emulator.policy.AccessRequest}: an action on a resource, with the request context's keys),
 * the policies that apply ({@link io.eventharness.emulator.policy.AppliedPolicies}: identity-based, resource-based,
 * a permissions boundary, session policies) and the answer ({@link io.eventharness.emulator.policy.Decision}: allow,
 * implicit or explicit deny, with the statement that decided, AWS's wording of the denial and the smallest statement
 * that would allow the request).
 *
 * <p>It follows the IAM user guide: "Policy evaluation logic" (explicit deny first; within one account an allow in an
 * identity-based or a resource-based policy; a permissions boundary and session policies limit what identity-based
 * policies grant), "IAM JSON policy elements" ({@code Action}/{@code NotAction}, {@code Resource}/{@code NotResource},
 * {@code Principal}/{@code NotPrincipal}, wildcards {@code *} and {@code ?}, ARNs matched segment by segment),
 * "Condition operators" (string, numeric, date, boolean, binary, IP address, ARN, {@code Null}, {@code ...IfExists},
 * {@code ForAllValues:}/{@code ForAnyValue:}, negated operators true for a missing key, several values of a key OR-ed
 * and NOR-ed for negated operators) and "Policy variables" ({@code ${aws:username}}, defaults, {@code ${*}}; only in
 * documents of version {@code 2012-10-17}). {@link io.eventharness.emulator.policy.PolicyDocument#parse} keeps parsed
 * documents, so that evaluating the same policies again costs no parsing.
 *
 * <p>Differs from AWS: one account, so no cross-account rules, service control policies or resource control
 * policies; no KMS key policy rules. A statement with an operator IAM does not know matches nothing.
 *
 * <p>May import: {@code core}.
 */
package io.eventharness.emulator.policy;
