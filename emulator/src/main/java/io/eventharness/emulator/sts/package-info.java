/**
 * AWS STS (query protocol, global): GetCallerIdentity, AssumeRole, GetSessionToken, GetAccessKeyInfo, with
 * temporary credentials that expire on the emulator clock.
 *
 * <p>Who is calling is read from the access key that signed the request: credentials this STS issued
 * stand for their assumed role (or for whoever called GetSessionToken), an IAM user's access key for
 * that user, and any other key for the account's root user ({@code arn:aws:iam::000000000000:root}).
 *
 * <p><b>Layout.</b> {@link io.eventharness.emulator.sts.StsService} (the spec, the state, the operation objects);
 * state: {@code StsSessions} (issued credentials by access key id, with the {@code Identity} they stand for);
 * {@code Callers} (who signed a call); operations: {@code IdentityOperations} (GetCallerIdentity,
 * GetAccessKeyInfo), {@code CredentialOperations} (AssumeRole, GetSessionToken; and the session of a function's execution role each
 * Lambda sandbox gets, {@code credentialsForRole}); {@code StsLimits} (model constraints, the role ARN) and
 * {@code StsErrors}. The request pipeline reads issued credentials ({@code credential}: secret, token, expiry,
 * principal) and a session's policies ({@code sessionPolicies}).
 *
 * <p><b>Differs from AWS.</b> AssumeRole checks that the ARN is well formed (ValidationError) and that the role
 * exists in the emulated IAM, else answers 403 AccessDenied as AWS does when a role cannot be assumed. Unless the
 * emulator enforces policies ({@code --enforce-policies}: then the request pipeline requires the trust policy to name
 * the caller and applies session policies), the trust policy is not evaluated and session policies are checked for
 * their grammar and size only. Expiry is checked by GetCallerIdentity ({@code ExpiredToken}) and, when signatures are
 * verified ({@code --verify-signatures}), by every service; otherwise other services accept any credentials. AssumeRole accepts and ignores {@code Tags}, {@code TransitiveTagKeys}, {@code ExternalId},
 * {@code SerialNumber}/{@code TokenCode} and {@code ProvidedContexts} (nothing evaluates them); the web identity and
 * SAML variants are not served (501).
 *
 * <p>May import: {@code core}, {@code protocol}, {@code iam} (its in-JVM API: roles and access keys, as AWS's
 * STS reads IAM), {@code policy} (principals) and {@code auth} (credentials).
 */
package io.eventharness.emulator.sts;
