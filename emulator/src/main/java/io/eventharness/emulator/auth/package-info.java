/**
 * Who is calling: the access key a request was signed with, looked up among the credentials the emulator knows
 * ({@link io.eventharness.emulator.auth.CredentialStore}: the root user's {@code test}/{@code test}, IAM users' access
 * keys, STS's and Lambda's temporary credentials), and, when the emulator verifies signatures, the SigV4 signature
 * itself ({@link io.eventharness.emulator.auth.SigV4}): in the {@code Authorization} header, in a presigned URL's
 * query (expiring on the emulator clock) and in each chunk of a streaming {@code aws-chunked} body and its trailer
 * ({@code SigV4} reads the signature and derives the signing key, {@code CanonicalRequest} builds what was signed,
 * {@code ChunkSignatures} checks a streaming body's chunks and trailer).
 * {@link io.eventharness.emulator.auth.Authenticator} gives the request pipeline a
 * {@link io.eventharness.emulator.policy.Principal}, or an {@link io.eventharness.emulator.auth.AuthFailure} that
 * the pipeline words in the service's own error shape.
 *
 * <p>Differs from AWS: the request time is not compared with the clock (AWS refuses a signature more than 15 minutes
 * off), since the emulator's clock moves at a test's will while clients sign with the machine's time; presigned URLs
 * and temporary credentials do expire on the emulator clock. Signature version 2 is not served.
 *
 * <p>May import: {@code core}, {@code http}, {@code protocol} (the credential scope), {@code policy} (principals).
 */
package io.eventharness.emulator.auth;
