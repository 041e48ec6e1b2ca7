/**
 * AWS IAM (query protocol, global): roles, managed and inline policies, users and access keys, stored and
 * validated as IAM does. The state ({@code IamState}) knows no HTTP; operations are small classes over it. May
 * import: {@code core}, {@code protocol}.
 */
package io.eventharness.emulator.iam;
